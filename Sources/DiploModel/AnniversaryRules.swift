import Foundation

/// How an event marks an anniversary of a partnership: the rules that `query anniversaries` lists
/// by, and that the store follows to keep each event's candidates ready for it.
public enum AnniversaryRules {
    /// Round numbers of years people celebrate.
    public static let milestoneYears = [1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 90, 100]

    /// Days between two ranges of days; 0 when they overlap.
    public static func gap(_ a: ClosedRange<Int>, _ b: ClosedRange<Int>) -> Int {
        max(0, b.lowerBound - a.upperBound, a.lowerBound - b.upperBound)
    }

    /// The dated claims, less those a more precise claim of the same level makes redundant
    /// ("1995", inferred, beside "1995-07-12").
    public static func mostPrecise(_ claims: [Milestone]) -> [Milestone] {
        claims.filter { claim in
            guard claim.level.countsAnniversaries, let date = claim.date, let range = date.dayRange else { return false }
            return !claims.contains { other in
                guard other.level == claim.level, let otherRange = other.date?.dayRange else { return false }
                return otherRange.count < range.count && range.contains(otherRange.lowerBound)
            }
        }
    }

    /// The claims of a partnership an anniversary counts from, each with the year it was made in.
    public static func datedClaims(of partnership: Partnership) -> [(claim: Milestone, year: Int)] {
        mostPrecise(partnership.claims).compactMap { claim in
            guard let year = claim.date?.year, claim.date?.dayRange != nil else { return nil }
            return (claim, year)
        }
    }

    /// Each round anniversary of these claims that an event on `days` may mark (its years within
    /// a year of the event's): the claim, the years, the anniversary's date and the days between
    /// it and the event.
    public static func anniversaries(
        near days: ClosedRange<Int>, of claims: [(claim: Milestone, year: Int)],
        _ body: (_ claim: Milestone, _ years: Int, _ date: PartialDate, _ distance: Int) -> Void
    ) {
        let firstEventYear = PartialDate(dayNumber: days.lowerBound).year!
        let lastEventYear = PartialDate(dayNumber: days.upperBound).year!
        for (claim, base) in claims {
            guard let established = claim.date else { continue }
            for years in milestoneYears where (firstEventYear - base - 1...lastEventYear - base + 1).contains(years) {
                guard let date = established.adding(years: years), let anniversaryDays = date.dayRange else { continue }
                body(claim, years, date, gap(days, anniversaryDays))
            }
        }
    }

    /// The fewest days between an event on `days` and an anniversary of these claims it may mark.
    public static func nearestAnniversary(to days: ClosedRange<Int>, of claims: [(claim: Milestone, year: Int)]) -> Int? {
        var nearest: Int?
        anniversaries(near: days, of: claims) { _, _, _, distance in nearest = min(nearest ?? distance, distance) }
        return nearest
    }

    /// A partnership's round anniversaries worked out once, to be measured against many events:
    /// `nearest(to:)` is `nearestAnniversary(to:of:)`.
    public struct Table: Sendable {
        /// For each dated claim, its year and the days of each round anniversary by its years.
        let claims: [(year: Int, days: [Int: ClosedRange<Int>])]

        public init(_ claims: [(claim: Milestone, year: Int)]) {
            self.claims = claims.compactMap { claim, year in
                guard let established = claim.date else { return nil }
                var days: [Int: ClosedRange<Int>] = [:]
                for years in AnniversaryRules.milestoneYears {
                    days[years] = established.adding(years: years)?.dayRange
                }
                return (year, days)
            }
        }

        public var isEmpty: Bool { claims.isEmpty }

        /// `firstYear`, `lastYear`: the years of the event's first and last day.
        public func nearest(to days: ClosedRange<Int>, firstYear: Int, lastYear: Int) -> Int? {
            var nearest: Int?
            for (base, anniversaries) in claims {
                for years in AnniversaryRules.milestoneYears where (firstYear - base - 1...lastYear - base + 1).contains(years) {
                    guard let range = anniversaries[years] else { continue }
                    let distance = AnniversaryRules.gap(days, range)
                    nearest = min(nearest ?? distance, distance)
                }
            }
            return nearest
        }
    }
}
