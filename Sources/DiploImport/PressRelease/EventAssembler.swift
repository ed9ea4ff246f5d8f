import DiploModel
import DiploStore
import Foundation

/// A person as the whole document knows them.
struct DocumentPerson {
    var name: String
    var titles: [TitleMention]
    var country: String?
    var sentences: [Int]
}

/// An event as the document tells of it, all its mentions merged.
struct DraftEvent {
    var kind: EventKind
    var name: String?
    /// Its frames' own label, if the first to have one (`EventFrame.label`).
    var label: [String: String]?
    var agents: [Int] = []
    var counterparts: [Int] = []
    var inviter: Int?
    var places: [String] = []
    var city: String?
    var start: PartialDate?
    var end: PartialDate?
    var within: [PartialDate]?
    var status: EventStatus = .unknown
    var sentences: [Int] = []
    var parent: Int?
    var attended = false
    /// Countries taking part through officials the text does not name.
    var sides: [String] = []

    var dayRange: ClosedRange<Int>? {
        if let first = start?.dayRange {
            return first.lowerBound...max(first.upperBound, (end ?? start)?.dayRange?.upperBound ?? first.upperBound)
        }
        if let within, let first = within[0].dayRange, let last = within[1].dayRange { return first.lowerBound...last.upperBound }
        return nil
    }
    var people: Set<Int> { Set(agents + counterparts + (inviter.map { [$0] } ?? [])) }
}

/// Merges the frames of every sentence into events: the same event told twice is one event;
/// a list of stops sharing one date range is a trip.
struct EventAssembler {
    let resolver: YearResolver
    let reference: PartialDate?
    var persons: [DocumentPerson]
    var events: [DraftEvent] = []
    /// Meetings told of as a whole before each is named (`EventFrame.outline`).
    var outlines: [EventFrame] = []
    /// Events named to place others by them ("Following the welcome ceremony, ...": `EventFrame.subordinate`).
    var placers: [EventFrame] = []

    init(resolver: YearResolver, reference: PartialDate?, persons: [DocumentPerson]) {
        self.resolver = resolver
        self.reference = reference
        self.persons = persons
    }

    mutating func assemble(_ frames: [EventFrame]) {
        outlines = frames.filter(\.outline)
        placers = frames.filter(\.subordinate)
        let frames = frames.filter { !$0.outline }
        // First what surely is an event (a verb someone does, a dated or attended gathering),
        // then what may only mention one already found ("chuyến công tác tại Mỹ").
        let strong = frames.indices.filter { isStrong(frames[$0]) }
        var handled = Set<Int>()
        var bySentence: [Int: [Int]] = [:]
        for index in strong { bySentence[frames[index].sentence, default: []].append(index) }
        for index in strong where !handled.contains(index) {
            let group = (bySentence[frames[index].sentence] ?? []).filter { frames[$0].sharesRange && !handled.contains($0) }
            if group.count >= 2, isTrip(group.map { frames[$0] }) {
                let trip = addTrip(group.map { frames[$0] })
                for member in group {
                    let event = add(frames[member], create: true)
                    if let event, event != trip { events[event].parent = events[event].parent ?? trip }
                    handled.insert(member)
                }
            }
            if !handled.contains(index) {
                _ = add(frames[index], create: true)
                handled.insert(index)
            }
        }
        for index in frames.indices where !handled.contains(index) {
            let frame = frames[index]
            // "In his meeting with Canadian Prime Minister Justin Trudeau": a meeting with someone
            // no meeting of the text had yet is a new one.
            let others =
                frame.counterparts.isEmpty && frame.agents.count >= 2 ? Array(frame.agents.dropFirst()) : frame.counterparts
            let newCounterpart =
                !others.isEmpty
                && !events.contains { $0.kind == frame.kind && !Set($0.people).isDisjoint(with: others) }
            // The first ceremony, signing or press conference a text names with people in it is one.
            let firstOfItsKind =
                [.ceremony, .signing, .pressConference, .other].contains(frame.kind)
                && (frame.hasParticipants || frame.celebration)
                && !events.contains { $0.kind == frame.kind }
            // "ông và Thủ tướng New Zealand đã có cuộc hội đàm": talks with a country no event of the text had yet.
            let newSide =
                (!frame.agents.isEmpty || frame.sides.count >= 2) && !frame.sides.isEmpty
                && !events.contains { $0.kind.family == frame.kind.family && !Set($0.sides).isDisjoint(with: frame.sides) }
            // "Tại Nhà Quốc hội, X đã có cuộc hội kiến với Y": one who meets and one met that no
            // meeting of the text had together is a meeting of its own.
            let people = Set(frame.agents + frame.counterparts)
            let newPair =
                !frame.agents.isEmpty && !frame.counterparts.isEmpty
                && !events.contains { $0.kind.family == frame.kind.family && people.isSubset(of: $0.people) }
            // "cuộc gặp ... vào tối 9-11 với X": a meeting given a day of its own that no event of the text
            // had is one (one the text had on that day takes it in).
            let ownDay = frame.hasParticipants && dates(of: frame).start?.day != nil
            let create =
                (frame.kind.isVisit && frame.places.count == 1 && !(frame.agents.isEmpty && frame.sides.isEmpty))
                || ([.meeting, .call].contains(frame.kind.family) && (newCounterpart || newSide || newPair || ownDay))
                || firstOfItsKind
            _ = add(frame, create: create)
        }
        datePageDay()
        nestStops()
        finishStatuses()
    }

    /// An event the text says was done, or names with no word for its time ("Mudavadi holds
    /// bilateral discussions", "sau cuộc gặp giữa A và B"), with no date of its own nor of any event
    /// around it: a report's news is of its day ("King Abdullah and President X, in Cairo, discussed
    /// ties"), so it falls within the page's day (a range, not a day the text gives). Announced
    /// events keep no date.
    mutating func datePageDay() {
        guard let reference, reference.day != nil else { return }
        for index in events.indices
        where events[index].dayRange == nil && [.held, .unknown].contains(events[index].status)
            && events[index].kind != .trip
        {
            events[index].within = [reference, reference]
        }
    }

    /// What surely is an event of its own, rather than a mention of one told of already: a
    /// verb someone does, a dated visit, a press conference, an attended or named gathering.
    /// "Cuộc hội đàm", "the talks" and a journey named by all its places mention events.
    func isStrong(_ frame: EventFrame) -> Bool {
        if frame.places.count >= 2 && frame.kind.isVisit { return false }
        if frame.subordinate && frame.date == nil { return false }
        if [.meeting, .call].contains(frame.kind.family) && !frame.verb { return false }
        return frame.verb || frame.date != nil || frame.kind == .pressConference
            || (frame.name != nil && (frame.attended || frame.series != nil || frame.hasParticipants))
    }

    func isTrip(_ group: [EventFrame]) -> Bool {
        let agents = Set(group.flatMap(\.agents))
        let places = Set(group.flatMap(\.places))
        return agents.count >= 1 && group.allSatisfy { $0.kind.isVisit || $0.kind == .summit || $0.kind == .conference }
            && (places.count >= 2 || group.count >= 3)
    }

    mutating func addTrip(_ group: [EventFrame]) -> Int {
        var trip = DraftEvent(kind: .trip)
        trip.agents = Array(Set(group.flatMap(\.agents))).sorted()
        trip.places = group.flatMap(\.places).uniqued()
        if let date = group.first?.date {
            let (from, to) = resolver.resolve(date, ahead: group.first?.status == .planned)
            trip.start = from
            trip.end = to
        }
        trip.status = group.map(\.status).first { $0 != .unknown } ?? .unknown
        trip.sentences = [group[0].sentence]
        events.append(trip)
        return events.count - 1
    }

    /// The dates a frame gives its event: its own date or range, or the range it falls within.
    func dates(of frame: EventFrame) -> (start: PartialDate?, end: PartialDate?, within: [PartialDate]?) {
        guard let mention = frame.date else { return (nil, nil, nil) }
        let (from, to) = resolver.resolve(mention, ahead: frame.status == .planned)
        guard let from else { return (nil, nil, nil) }
        // One day shared ("On 8 May, X received A and met B") is each event's own day, not a range.
        let oneDay = mention.from.day != nil && mention.to == nil
        if frame.sharesRange && !oneDay || mention.from.weekOffset != nil
            || (mention.from.day == nil && frame.kind != .summit && frame.kind != .conference && mention.from.month != nil)
        {
            return (nil, nil, [from, to ?? from])
        }
        return (from, to, nil)
    }

    /// The event the text told of last by `sentence` (among those `matching`): frames that only mention
    /// an event are added after the rest, when events of later sentences are already there. Else the
    /// last one found (one the text's opening told of only as an outline, "met his counterparts from ...").
    func lastToldOf(by sentence: Int, where matching: (DraftEvent) -> Bool) -> DraftEvent? {
        let told = events.enumerated().filter { matching($0.element) }.compactMap { index, event in
            event.sentences.filter({ $0 <= sentence }).max().map { (told: $0, index: index, event: event) }
        }
        return told.max { ($0.told, $0.index) < ($1.told, $1.index) }?.event ?? events.last(where: matching)
    }

    /// Adds a frame to the event it tells of, or makes a new event of it when `create`.
    mutating func add(_ frame: EventFrame, create: Bool) -> Int? {
        var frame = frame
        // "the two leaders", "hai bên": the people of the last event that had two sides (one of them
        // perhaps a country its unnamed official stood for: "a meeting with her Comorian counterpart").
        if frame.bothSides, !frame.hasParticipants,
            let last = lastToldOf(
                by: frame.sentence, where: { $0.people.count >= 2 || ($0.people.count == 1 && !$0.sides.isEmpty) })
        {
            frame.agents = last.agents
            frame.counterparts = last.counterparts + (last.inviter.map { [$0] } ?? [])
            if frame.sides.isEmpty { frame.sides = last.sides }
        }
        // "his meeting with...", "Meeting X, Cuong said": who the text was telling of does it.
        if frame.agents.isEmpty, !frame.counterparts.isEmpty || frame.kind.isVisit, frame.kind != .pressConference,
            let protagonist = lastToldOf(by: frame.sentence, where: { !$0.agents.isEmpty && $0.kind != .pressConference })?
                .agents,
            Set(protagonist).isDisjoint(with: frame.counterparts)
        {
            frame.agents = protagonist
        }
        let (start, end, within) = dates(of: frame)
        if let index = events.indices.last(where: { same(frame, start: start ?? within?.first, events[$0]) }) {
            merge(frame, start: start, end: end, within: within, into: index)
            // (An event first named with no date, as a headline names it, takes the one its mention here has.)
            if events[index].start == nil, events[index].within == nil { dateByContext(&events[index], frame) }
            return index
        }
        guard create else { return nil }
        var event = DraftEvent(kind: frame.kind)
        event.name = frame.name
        event.start = start
        event.end = end
        event.within = within
        if start == nil && within == nil { dateByContext(&event, frame) }
        events.append(event)
        merge(frame, start: nil, end: nil, within: nil, into: events.count - 1)
        return events.count - 1
    }

    /// Dates an event by what is around its frame (`context(for:)`): within one day is on that day.
    func dateByContext(_ event: inout DraftEvent, _ frame: EventFrame) {
        guard let context = context(for: frame) else { return }
        if context[0] == context[1], context[0].day != nil { event.start = context[0] } else { event.within = context }
    }

    /// A frame without a date of its own falls within the dates of the last event of the same
    /// people ("Tại Cuba, ... sẽ hội đàm" within the trip announced before).
    func context(for frame: EventFrame) -> [PartialDate]? {
        func range(_ event: DraftEvent) -> [PartialDate]? {
            if let start = event.start { return [start, event.end ?? start] }
            return event.within
        }
        // "During the visit, ..." : within the visit the sentence itself names.
        if let visit = events.last(where: { $0.kind.isVisit && $0.kind != .trip && $0.sentences.contains(frame.sentence) }),
            let dates = range(visit)
        {
            return dates
        }
        // "Following the welcome ceremony, X held talks with Y": on the day of the event the sentence
        // places it by, when that is one day (not a visit's days, nor a summit's "ahead of" it).
        if let placer = placers.first(where: { $0.sentence == frame.sentence && !$0.kind.isVisit && $0.date == nil }),
            let placing = events.last(where: {
                $0.kind == placer.kind && $0.sentences.contains { $0 < frame.sentence }
                    && (placer.agents.isEmpty || !Set($0.people).isDisjoint(with: placer.agents))
            }),
            let day = placing.start, day.day != nil, placing.end == nil || placing.end == day
        {
            return [day, day]
        }
        // During a visit of the same person, whatever its tense ("During his stay, he is to call on ..."):
        // the one to where it takes place ("In Cambodia, ... will hold talks"), if the person makes several.
        // With no place named, where these people were last told of before ("On Monday, X met A in
        // Kabul. He also held talks with B": in Kabul, not on a later stop of the trip). A place no
        // visit of theirs goes to is within none of them ("Earlier, X met C in Tehran").
        let visits = events.filter { $0.kind.isVisit && $0.kind != .trip && !Set($0.agents).isDisjoint(with: frame.agents) }
        let told = frame.places.isEmpty ? lastPlaces(before: frame) : frame.places
        let candidates = told.isEmpty ? visits : visits.filter { !Set($0.places).isDisjoint(with: told) }
        // Of several, the one under way on the page's day ("was accorded a ceremonial welcome" on this
        // visit, not the one of 2007 the page recalls).
        // (One begun in the week before with no end told is under way.)
        let current = reference?.dayRange.flatMap { today in
            candidates.last { visit in
                guard let days = visit.dayRange else { return false }
                return days.overlaps(today)
                    || (visit.end == nil && visit.within == nil
                        && (today.lowerBound - 7...today.upperBound).contains(days.lowerBound))
            }
        }
        // What was done during a visit under way whose end is not told: between its first day and the page's.
        if let current, current.end == nil, current.within == nil, frame.status != .planned, let start = current.start,
            let reference, let today = reference.dayRange, let first = start.dayRange, first.upperBound < today.lowerBound
        {
            return [start, reference]
        }
        if let visit = current ?? candidates.last, let dates = range(visit) {
            return dates
        }
        // "held bilateral meetings with leaders of G20 countries on Monday. In a meeting with X, ...": the
        // date of the meetings told of as a whole before.
        if let outline = outlines.last(where: {
            $0.sentence <= frame.sentence && $0.kind.family == frame.kind.family
                && (frame.agents.isEmpty || !Set($0.agents).isDisjoint(with: frame.agents))
        }) {
            let (start, end, within) = dates(of: outline)
            if let start { return [start, end ?? start] }
            if let within { return within }
        }
        // (Never a visit's to elsewhere: "X is on a visit to Peru ... will travel to Quito next Wednesday".)
        func elsewhere(_ event: DraftEvent) -> Bool {
            frame.kind.isVisit && event.kind.isVisit && !frame.places.isEmpty && !event.places.isEmpty
                && Set(frame.places).isDisjoint(with: event.places)
        }
        for event in events.reversed()
        where !event.people.isEmpty
            && (!Set(event.agents).isDisjoint(with: frame.agents) || frame.agents.isEmpty) && !elsewhere(event)
        {
            if let dates = range(event), fits(frame, event) { return dates }
        }
        // Else the day the document was last telling of ("Cùng ngày", "Trước buổi lễ").
        return events.last { range($0) != nil && fits(frame, $0) && !elsewhere($0) }.flatMap(range)
    }

    /// The places of the event of the frame's people told of last in the sentences before it.
    func lastPlaces(before frame: EventFrame) -> [String] {
        let told = events.compactMap { event -> (sentence: Int, places: [String])? in
            guard !event.places.isEmpty, !Set(event.agents).isDisjoint(with: frame.agents),
                let sentence = event.sentences.filter({ $0 < frame.sentence }).max()
            else { return nil }
            return (sentence, event.places)
        }
        return told.max { $0.sentence < $1.sentence }?.places ?? []
    }

    /// Whether what a frame tells can take place in an event's days: what is announced not before
    /// the page's day, what was done not after it (a visit announced for today, "He will also meet
    /// ..." later on the day of the talks held). Without a page's day, the same status.
    func fits(_ frame: EventFrame, _ event: DraftEvent) -> Bool {
        if frame.status == .unknown || event.status == .unknown || frame.status == event.status { return true }
        guard let today = reference?.dayRange, let days = event.dayRange else { return false }
        switch frame.status {
        case .planned: return days.upperBound >= today.lowerBound
        case .held: return days.lowerBound <= today.upperBound
        default: return false
        }
    }

    func same(_ frame: EventFrame, start: PartialDate?, _ event: DraftEvent) -> Bool {
        let family = frame.kind.family
        guard family == event.kind.family || (event.kind == .trip && frame.kind.isVisit) else { return false }
        if event.kind == .trip && frame.places.count < 2 && !frame.places.isEmpty { return false }
        if let days = start?.dayRange, let theirs = event.dayRange, !days.overlaps(theirs) { return false }
        let agentsAgree = frame.agents.isEmpty || event.agents.isEmpty || !Set(frame.agents).isDisjoint(with: event.agents)
        switch family {
        case .multilateral:
            guard let name = frame.name?.folded, let theirs = event.name?.folded else { return false }
            return name == theirs || name.hasPrefix(theirs) || theirs.hasPrefix(name)
        case .visit:
            let placesAgree =
                frame.places.isEmpty || !Set(frame.places).isDisjoint(with: event.places)
                || (event.kind == .trip && Set(frame.places).isSubset(of: event.places))
            // "During the visit, X ...": the visit named again, with X among its people.
            let namedAgain = !frame.verb && !frame.counterparts.isEmpty && Set(frame.counterparts).isSubset(of: event.people)
            return agentsAgree && placesAgree
                && (!frame.places.isEmpty || !frame.agents.isEmpty || event.kind == .trip || namedAgain)
        case .meeting, .call:
            // The same people, or some of them when the event is named again ("the talks").
            let people = Set(frame.agents + frame.counterparts)
            // "called on President X ... met with President X at the Secretariat": one call, told twice
            // (talks stay apart from a meeting or a call: the press tells both of one day).
            let callMet = Set([frame.kind, event.kind]) == [.meeting, .courtesyCall]
            guard !people.isEmpty, frame.kind == event.kind || callMet else { return false }
            // "Attending the talks on the Russian side were X and Y": the talks told of, with more people at them.
            if frame.attended && !frame.verb { return true }
            // (Sides met through officials no name gives: other sides, another event.)
            let sidesAgree = frame.sides.isEmpty || event.sides.isEmpty || !Set(frame.sides).isDisjoint(with: event.sides)
            // "gặp lãnh đạo Nga" (a headline), "hội kiến Tổng thống Nga Vladimir Putin" (the body): a side met
            // through an official no name gives, and that side's named official, are one meeting.
            func officials(_ people: [Int], of sides: [String]) -> Bool {
                !people.isEmpty && !sides.isEmpty && people.allSatisfy { persons[$0].country.map(sides.contains) ?? false }
            }
            if agentsAgree,
                (event.counterparts.isEmpty && officials(frame.counterparts, of: event.sides))
                    || (frame.counterparts.isEmpty && officials(event.counterparts, of: frame.sides))
            {
                return true
            }
            if frame.verb { return agentsAgree && Set(frame.counterparts) == Set(event.counterparts) && sidesAgree }
            return people.isSubset(of: event.people)
        case .press:
            return true
        default:
            // (Envoys who present their credentials one after another to one president: one ceremony; to
            // one country's president no name gives, when the day is known.)
            let oneDay = start?.dayRange != nil && event.dayRange != nil
            let sameRecipient =
                !Set(frame.counterparts).isDisjoint(with: event.counterparts)
                || (oneDay && !Set(frame.sides).isDisjoint(with: event.sides))
            return frame.kind == event.kind
                && (agentsAgree && !Set(frame.agents + frame.counterparts).isDisjoint(with: event.people) || sameRecipient)
        }
    }

    mutating func merge(_ frame: EventFrame, start: PartialDate?, end: PartialDate?, within: [PartialDate]?, into index: Int) {
        var event = events[index]
        event.agents = (event.agents + frame.agents).uniqued()
        event.counterparts = (event.counterparts + frame.counterparts.filter { !event.agents.contains($0) }).uniqued()
        if event.inviter == nil { event.inviter = frame.inviter }
        event.places = (event.places + frame.places).uniqued()
        event.sides = (event.sides + frame.sides).uniqued()
        if event.city == nil { event.city = frame.city }
        if event.name == nil { event.name = frame.name }
        if event.label == nil { event.label = frame.label }
        if event.start == nil, let start {
            event.start = start
            event.end = end
            event.within = nil
        } else if event.start == nil, event.within == nil {
            event.within = within
        }
        if frame.status == .held || frame.status == .cancelled || event.status == .unknown {
            event.status = frame.status == .unknown ? event.status : frame.status
        }
        event.attended = event.attended || frame.attended
        if !event.sentences.contains(frame.sentence) { event.sentences.append(frame.sentence) }
        events[index] = event
    }

    /// What the visitor does during a visit belongs to it, and takes place where it does
    /// ("During his stay, President Thuong is scheduled to call on Emperor Naruhito").
    mutating func nestStops() {
        for index in events.indices where events[index].parent == nil && !events[index].kind.isVisit {
            guard let days = events[index].dayRange else { continue }
            for visit in events.indices where visit != index && events[visit].kind.isVisit && events[visit].kind != .trip {
                guard let visitDays = events[visit].dayRange, visitDays.overlaps(days),
                    events[index].places.isEmpty || !Set(events[visit].places).isDisjoint(with: events[index].places),
                    !Set(events[visit].agents).isDisjoint(with: events[index].people)
                else { continue }
                events[index].parent = visit
                if events[index].places.isEmpty {
                    events[index].places = events[visit].places
                    events[index].city = events[index].city ?? events[visit].city
                }
                break
            }
        }
    }

    /// An event whose status no word gives: held when its dates are past, planned when ahead.
    mutating func finishStatuses() {
        guard let today = reference?.dayRange else { return }
        for index in events.indices where events[index].status != .cancelled {
            guard let days = events[index].dayRange else { continue }
            // One that begins after the page's day is ahead, whatever past tense another clause has ("đã điện
            // đàm ..., thảo luận về Hội nghị ... vào tháng 12 năm nay": the past tense is the call's).
            if days.lowerBound > today.upperBound {
                events[index].status = .planned
            } else if events[index].status == .unknown {
                events[index].status = .held
            }
        }
    }
}
