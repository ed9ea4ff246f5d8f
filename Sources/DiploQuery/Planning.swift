import DiploModel
import DiploStore
import Foundation

/// Today's date as a partial date, in UTC.
public func partialDate(of date: Date) -> PartialDate {
    let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
    return try! PartialDate(year: parts.year!, month: parts.month!, day: parts.day!)
}

/// A round anniversary still to come: N years of a partnership level, by the claim it counts from.
public struct UpcomingAnniversary: Sendable {
    public let date: PartialDate
    public let years: Int
    public let partnership: Partnership
    public let level: PartnershipLevel
    public let established: PartialDate
    public let inferred: Bool
    public let sources: [SourceRef]
}

/// `diplo query upcoming`: the round anniversaries (1, 5, 10, 15... years) of relations and
/// partnerships that fall in a period, for planners. Each claim of a start date counts on its own
/// (the US counts relations with Vietnam from 1995-08-05, Vietnam from 1995-07-12).
public struct UpcomingQuery: Sendable {
    public var from: PartialDate
    public var months: Int
    public var country: String?

    public init(from: PartialDate, months: Int = 12, country: String? = nil) {
        self.from = from
        self.months = months
        self.country = country
    }

    /// The period's days: from the first day of `from` for `months` months.
    public var days: ClosedRange<Int> {
        let year = from.year ?? 1
        let month = from.month ?? 1
        let day = from.day ?? 1
        let first = PartialDate.dayNumber(year: year, month: month, day: day)
        let end = month - 1 + months
        let last = PartialDate.dayNumber(year: year + end / 12, month: end % 12 + 1, day: 1) - 1
        return first...max(first, last)
    }

    public func run(on store: Store) throws -> [UpcomingAnniversary] {
        let period = days
        var found: [UpcomingAnniversary] = []
        // Only partnerships with a level reached a round number of years before a year of the period.
        let years = PartialDate(dayNumber: period.lowerBound).year!...PartialDate(dayNumber: period.upperBound).year!
        let candidates = Set(
            try store.partnershipIDs(reachedIn: Set(years.flatMap { year in AnniversaryQuery.milestoneYears.map { year - $0 } })))
        let partnerships =
            try country.map { try store.partnerships(of: $0).filter { candidates.contains($0.id) } }
            ?? store.partnerships(ids: candidates.sorted())
        for partnership in partnerships {
            // The level it stands at now (and every claim of when it was reached).
            for claim in AnniversaryRules.mostPrecise(partnership.claims) where claim.level == partnership.level {
                guard let established = claim.date, let base = established.year else { continue }
                let firstYear = PartialDate(dayNumber: period.lowerBound).year! - base
                let lastYear = PartialDate(dayNumber: period.upperBound).year! - base
                for years in AnniversaryQuery.milestoneYears where (firstYear...lastYear).contains(years) {
                    guard let date = established.adding(years: years), let range = date.dayRange, range.overlaps(period) else {
                        continue
                    }
                    found.append(
                        UpcomingAnniversary(
                            date: date, years: years, partnership: partnership, level: claim.level,
                            established: established, inferred: claim.inferred,
                            sources: claim.sources.isEmpty ? partnership.sources : claim.sources))
                }
            }
        }
        return found.sorted {
            ($0.date.description, $0.partnership.id, $0.established.description) < (
                $1.date.description, $1.partnership.id, $1.established.description
            )
        }
    }

    static func source(_ refs: [SourceRef], titles: [String: String]) -> String {
        guard let ref = refs.first else { return "" }
        let said = ref.quote ?? ref.note ?? ""
        let document = titles[ref.document] ?? ref.document
        return said.isEmpty ? document : "\(document): \(said)"
    }

    public static func report(_ rows: [UpcomingAnniversary], store: Store) throws -> Report {
        let directory = try Directory(store: store, ids: rows.flatMap(\.partnership.parties))
        let titles = Dictionary(
            try store.documents(includeText: false).map { ($0.id, $0.title ?? $0.id) }, uniquingKeysWith: { a, _ in a })
        return Report(
            columns: ["date", "years", "parties", "level", "established", "inferred", "source", "partnership_id"],
            rows: rows.map { row in
                [
                    ReportValue(row.date), .int(row.years),
                    .text(row.partnership.parties.map(directory.name).joined(separator: " – ")),
                    .text(row.level.readable), ReportValue(row.established), .bool(row.inferred),
                    .text(source(row.sources, titles: titles)), .text(row.partnership.id),
                ]
            },
            tableColumns: ["date", "years", "parties", "level", "established"], detailColumn: "source")
    }

    /// An iCalendar file (RFC 5545): one all-day event each, with the partnership, the number of
    /// years and the source in its description. A date known only to the month or year is put on
    /// its first day, and the description says so.
    public static func ics(_ rows: [UpcomingAnniversary], store: Store, now: Date = Date()) throws -> String {
        let directory = try Directory(store: store, ids: rows.flatMap(\.partnership.parties))
        let titles = Dictionary(
            try store.documents(includeText: false).map { ($0.id, $0.title ?? $0.id) }, uniquingKeysWith: { a, _ in a })
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Diplo//diplo query upcoming//EN", "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:Diplo: round anniversaries",
        ]
        let stamp: String = {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "UTC")
            f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
            return f.string(from: now)
        }()
        for row in rows {
            let first = row.date.dayRange!.lowerBound
            func compact(_ day: Int) -> String {
                let d = PartialDate(dayNumber: day)
                return String(format: "%04d%02d%02d", d.year!, d.month!, d.day!)
            }
            let parties = row.partnership.parties.map(directory.name).joined(separator: " – ")
            let summary = "\(row.years) \(row.years == 1 ? "year" : "years") of \(row.level.readable): \(parties)"
            var description =
                "Partnership: \(parties), \(row.level.readable) (\(row.partnership.id)).\n"
                + "N = \(row.years): established \(row.established)\(row.inferred ? " (inferred from a stated anniversary)" : "").\n"
            if !row.date.isExact {
                description +=
                    "The start is known only to the \(row.date.month == nil ? "year" : "month"): put on its first day.\n"
            }
            description += "Source: \(source(row.sources, titles: titles))"
            lines += [
                "BEGIN:VEVENT",
                "UID:\(row.partnership.id)-\(row.level.key)-\(row.established)-\(row.years)@diplo",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(compact(first))",
                "DTEND;VALUE=DATE:\(compact(first + 1))",
                "SUMMARY:\(escape(summary))",
                "DESCRIPTION:\(escape(description))",
                "CATEGORIES:Diplo,anniversary",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT values: backslash, semicolon, comma and line breaks escaped.
    // iCalendar's own escaping, not JSONText's: the format's rules differ.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets folded (CRLF and a space), never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out
    }
}

/// `diplo query unconfirmed`: events announced (planned) whose dates have passed with no report
/// that they were held or cancelled.
public struct UnconfirmedQuery: Sendable {
    public var asOf: PartialDate

    public init(asOf: PartialDate) { self.asOf = asOf }

    public func run(on store: Store) throws -> Report {
        let directory = try Directory(store: store)
        let documents = Dictionary(try store.documents(includeText: false).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        guard let today = asOf.dayRange?.lowerBound else { return Report(columns: []) }
        let events = try store.events().filter { event in
            guard event.status == .planned, let days = event.dayRange else { return false }
            return days.upperBound < today
        }.sorted { ($0.date?.description ?? "", $0.id) < ($1.date?.description ?? "", $1.id) }
        return Report(
            title: "Announced, dates passed by \(asOf), not reported held",
            columns: ["date", "kind", "title", "participants", "announced_by", "announced_on", "id"],
            rows: events.map { event in
                let docs = event.sources.map(\.document).uniqued()
                return [
                    .text(event.dateText), .text(event.kind.rawValue), .text(event.title),
                    .text(event.participants.map { directory.name($0.entity) }.uniqued().joined(separator: ", ")),
                    .text(docs.map { documents[$0]?.title ?? $0 }.joined(separator: "; ")),
                    .text(docs.compactMap { documents[$0]?.published?.description }.joined(separator: "; ")), .text(event.id),
                ]
            },
            tableColumns: ["date", "kind", "title", "announced_on"])
    }
}
