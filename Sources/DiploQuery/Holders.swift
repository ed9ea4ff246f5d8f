import DiploModel
import DiploStore
import Foundation

/// Who held an office of a country or organisation at a date (`diplo query holders`): "Ai là Thủ
/// tướng Nhật Bản năm 2015?" An office is known by its role key (prime_minister, president...),
/// worked out from its title by `roleOfTitle` (the reader's titles), or by the role key stored with
/// it (head_of_state). A country's office that the country itself does not hold is looked for
/// among its organisations': the general secretary of Vietnam is the Communist Party's.
public struct HoldersQuery: Sendable {
    public var role: String
    /// The country or organisation the office belongs to; nil for any.
    public var of: String?
    /// The date; nil for today.
    public var at: PartialDate?

    public init(role: String, of: String? = nil, at: PartialDate? = nil) {
        self.role = role
        self.of = of
        self.at = at
    }

    /// Roles that name the same office: a state's president is its president.
    public static func sameRole(_ a: String, _ b: String) -> Bool {
        func key(_ role: String) -> String { role == "state_president" ? "president" : role }
        return key(a) == key(b)
    }

    public func run(on store: Store, today: Date = Date(), roleOfTitle: (String) -> String?) throws -> Report {
        let day: ClosedRange<Int>
        if let range = at?.dayRange {
            day = range
        } else {
            let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: today)
            let number = PartialDate.dayNumber(year: parts.year!, month: parts.month!, day: parts.day!)
            day = number...number
        }
        /// The holders of the office of these bodies (nil: of any).
        func holders(of bodies: Set<String>?) throws -> [(person: String, office: Office)] {
            var held: [(person: String, office: Office)] = []
            try store.forEachOffice { person, office in
                guard bodies == nil || office.of.map({ bodies!.contains($0) }) == true else { return }
                // The title says which office it is; the role key stored with it counts too, where the
                // title says nothing the titles know and where it is the key asked for (head_of_state).
                let officeRole = roleOfTitle(office.title) ?? office.role
                guard officeRole.map({ HoldersQuery.sameRole($0, role) }) == true || office.role == role else { return }
                // Held at some day of the date asked: began on or before its last day, ended on or after its first.
                if let start = office.start?.dayRange, start.lowerBound > day.upperBound { return }
                if let end = office.end?.dayRange, end.upperBound < day.lowerBound { return }
                held.append((person, office))
            }
            return held
        }
        var held = try holders(of: of.map { [$0] })
        if held.isEmpty, let of {
            let members = try store.memberIDs(of: of)
            if !members.isEmpty { held = try holders(of: Set(members)) }
        }
        let directory = try Directory(
            store: store, ids: held.map(\.person) + held.compactMap(\.office.of) + [of].compactMap { $0 })
        let rows: [(String, [ReportValue])] = held.map { person, office in
            (
                office.start?.description ?? "",
                [
                    .text(directory.name(person)), .text(office.title), .text(directory.name(office.of)),
                    ReportValue(office.start), ReportValue(office.end), .text(person),
                ]
            )
        }
        let when = at?.description ?? "today"
        return Report(
            title:
                "Holders of \(role.replacingOccurrences(of: "_", with: " "))\(of.map { " of " + directory.name($0) } ?? "") at \(when)",
            columns: ["person", "title", "of", "from", "to", "id"], rows: rows.sorted { $0.0 < $1.0 }.map(\.1),
            notes: rows.isEmpty ? ["  The knowledge base knows no holder of this office at that date."] : [],
            tableColumns: ["person", "title", "from", "to"])
    }
}
