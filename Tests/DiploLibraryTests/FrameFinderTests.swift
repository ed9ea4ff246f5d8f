import DiploModel
import Testing

@testable import DiploImport

/// The event frames of a sentence (`FrameFinder.frames`): the kind, who does it, whom, where,
/// when and whether it is planned or held, read from the sentence's mentions.
@Suite struct FrameFinderTests {
    func reading(_ text: String, _ lang: Language) throws -> StageReading { try StageReading(text, lang: lang) }

    /// The one frame the text yields.
    func frame(_ text: String, _ lang: Language) throws -> (StageReading, EventFrame) {
        let reading = try reading(text, lang)
        try #require(reading.frames.count == 1, "\(reading.frameSummaries())")
        return (reading, reading.frames[0])
    }

    /// A frame's date as "day/month/year[-day/month/year]", "_" for what it leaves out.
    func date(_ frame: EventFrame) -> String? {
        func text(_ date: WrittenDate) -> String {
            [date.day, date.month, date.year].map { $0.map(String.init) ?? "_" }.joined(separator: "/")
        }
        return frame.date.map { date in text(date.from) + (date.to.map { "-" + text($0) } ?? "") }
    }

    @Test func whoMeetsWhomInEnglish() throws {
        let (reading, met) = try frame(
            "Prime Minister Anthony Albanese of Australia met with Foreign Minister Anna Berg in Canberra on 4 June 2024.", .en)
        #expect(met.kind == .meeting && met.verb)
        #expect(reading.names(met.agents) == ["Anthony Albanese"])
        #expect(reading.names(met.counterparts) == ["Anna Berg"])
        #expect(met.places == ["AU"] && met.city == "Canberra")
        #expect(date(met) == "4/6/2024")
        #expect(met.status == .held)
    }

    @Test func twoJoinedByAndAndAPossessiveDoItTogether() throws {
        let (reading, talks) = try frame(
            "Chilean Foreign Minister Ana Soto and her Peruvian counterpart Luis Vega held talks on Tuesday.", .en)
        #expect(talks.kind == .talks)
        #expect(reading.names(talks.agents) == ["Ana Soto", "Luis Vega"])
    }

    @Test func aListOfPeopleSetOffByCommasDoesItTogether() throws {
        let (reading, met) = try frame(
            "On 3 May 2024, Foreign Minister Ana Soto, Defence Minister Luis Vega and Prime Minister Pedro Rojas met President Kenji Sato of Japan.",
            .en)
        #expect(reading.names(met.agents) == ["Ana Soto", "Luis Vega", "Pedro Rojas"])
        #expect(reading.names(met.counterparts) == ["Kenji Sato"])
        let (vi, received) = try frame(
            "Ngày 3/5/2024, Tổng Bí thư Trần Văn Hải, Chủ tịch nước Nguyễn Văn Bình, Thủ tướng Lê Minh Tâm và Chủ tịch Quốc hội Phạm Văn Nam đã tiếp Tổng thống Chile Pedro Rojas.",
            .vi)
        #expect(vi.names(received.agents) == ["Trần Văn Hải", "Nguyễn Văn Bình", "Lê Minh Tâm", "Phạm Văn Nam"])
        #expect(vi.names(received.counterparts) == ["Pedro Rojas"])
    }

    @Test func congratulatoryMessagesAreEventsWithTheirOwnLabel() throws {
        let (_, sent) = try frame(
            "Ngày 12/3/2024, Chủ tịch nước Nguyễn Văn Bình đã gửi điện mừng Tổng thống Chile Pedro Rojas.", .vi)
        #expect(sent.kind == .other && sent.label?["vi"] == "Điện mừng")
        let (_, banquet) = try frame("President Ana Soto hosted a state banquet for President Pedro Rojas on 9 May 2024.", .en)
        #expect(banquet.kind == .other && banquet.label == nil)
    }

    @Test func leavingOnePlaceForAnotherVisitsTheOther() throws {
        let (_, visit) = try frame("President Ana Soto left Lima for Quito, Ecuador, on Monday.", .en)
        #expect(visit.kind == .visit && visit.verb)
        #expect(visit.places == ["EC"])
    }

    @Test func aVisitNamingNoPlaceGoesToTheCountryItIsWith() throws {
        let (_, visit) = try frame(
            "Prime Minister Ana Soto is on a two-day official visit to strengthen relations with Peru.", .en)
        #expect(visit.kind == .officialVisit)
        #expect(visit.places == ["PE"])
    }

    @Test func peopleMetOneByOneUnlessOneCountrysGroupUnderOneTitle() throws {
        // Counterparts of two countries: a meeting with each, each with its own side only.
        let two = try reading("On 9 May 2023 Lena Holm met her peers from Peru and Ecuador, Raul Medina and Sofia Paredes.", .en)
        #expect(two.frames.map { two.names($0.counterparts) } == [["Raul Medina"], ["Sofia Paredes"]])
        #expect(two.frames.map(\.sides).allSatisfy { !($0.contains("PE") && $0.contains("EC")) })
        // Two people of one country under one title are met together.
        let group = try reading("On 2 March 2022 Lena Holm met the Kenyan lawmakers Peter Otieno and Grace Wanjiru.", .en)
        #expect(group.frames.map { group.names($0.counterparts) } == [["Peter Otieno", "Grace Wanjiru"]])
        // Of one country under titles of their own: still one meeting each.
        let titled = try reading(
            "On 2 March 2022 Lena Holm met Kenyan Foreign Minister Peter Otieno and Kenyan Defence Minister Grace Wanjiru.", .en)
        #expect(titled.frames.count == 2)
    }

    /// A phone call is between two: one with each person of another country or title.
    @Test func aPhoneCallWithTwoPeopleIsOneWithEach() throws {
        let calls = try reading(
            "On 8 May 2025 Prime Minister Anna Berg spoke by phone with Australian Prime Minister Tom Reid and Thai Prime Minister Niran Chai.",
            .en)
        #expect(calls.frames.map(\.kind) == [.phoneCall, .phoneCall])
        #expect(calls.frames.map { calls.names($0.counterparts) } == [["Tom Reid"], ["Niran Chai"]])
        #expect(calls.frames.map { calls.names($0.agents) } == [["Anna Berg"], ["Anna Berg"]])
    }

    /// "discussed the situation in Syria": what is talked of is no place of the event.
    @Test func aPlaceAfterATopicNounIsNoPlace() throws {
        let (_, met) = try frame("Foreign Minister Anna Berg met Jonas Lind on 5 May 2021 to discuss the crisis in Myanmar.", .en)
        #expect(met.places.isEmpty)
        let (_, inCity) = try frame("Foreign Minister Anna Berg met Jonas Lind in Canberra on 5 May 2021.", .en)
        #expect(inCity.places == ["AU"])
    }

    @Test func aCountryVisitedWithItsArticleIsTheVisitsPlace() throws {
        let (_, visit) = try frame("Prime Minister Anna Berg visited the Philippines on 22 September 2021.", .en)
        #expect(visit.kind == .visit && visit.places == ["PH"])
    }

    @Test func thoseWhoAccompanyAreNoOneMet() throws {
        let reading = try reading(
            "During the meeting, President Anna Berg was accompanied by Foreign Minister Lars Holm and Ambassador Per Ek.", .en)
        let meeting = try #require(reading.frames.first { $0.kind == .meeting })
        #expect(reading.names(meeting.agents) == ["Anna Berg"])
        #expect(meeting.counterparts.isEmpty)
    }

    @Test func oneWhoseGreetingsArePassedOnIsNoOneMet() throws {
        let en = try reading(
            "During the call, Prime Minister Anna Berg conveyed the greetings of President Lars Holm to the Emperor.", .en)
        #expect(en.frames.allSatisfy { !en.names($0.counterparts + $0.agents).contains("Lars Holm") })
        let vi = try reading(
            "Tại cuộc điện đàm, Thủ tướng Trần Văn Hải chuyển lời thăm hỏi của Chủ tịch nước Lê Văn An tới Nhật hoàng.", .vi)
        #expect(vi.frames.allSatisfy { !vi.names($0.counterparts + $0.agents).contains("Lê Văn An") })
    }

    @Test func aNamedSeriesThatHoldsAnEventWordIsReadWhole() throws {
        // The series' name runs past the event word inside it ("General Assembly"): what the series governs
        // starts after its end, not before (a range the wrong way round once stopped the reader).
        let reading = try reading(
            "Foreign Minister Anna Berg attended the UN General Assembly in New York on 20 September 2023.", .en)
        #expect(reading.frames.contains { $0.kind == .conference && $0.attended && date($0) == "20/9/2023" })
    }

    @Test func welcomingSomethingIsNoCeremonyButWelcomingSomeoneIs() throws {
        let approval = try reading("Prime Minister Kenji Sato welcomed the progress of the negotiations.", .en).frames
        #expect(!approval.contains { $0.kind == .ceremony })
        let (reading, welcome) = try frame(
            "Prime Minister Kenji Sato welcomed President Anna Berg at the palace on 4 June 2024.", .en)
        #expect(welcome.kind == .ceremony && reading.names(welcome.counterparts) == ["Anna Berg"])
    }

    @Test func aSummitNamedByTwoCountriesIsAMeetingOfThem() throws {
        let frames = try reading("On 4 June 2024, the Sweden-Chile Summit Meeting took place in Stockholm.", .en).frames
        #expect(!frames.isEmpty && frames.allSatisfy { $0.kind == .meeting && $0.sides == ["SE", "CL"] })
        // Held with someone: one meeting, named by the summit.
        let held = try reading(
            "On 23 May 2022, Prime Minister Kenji Sato held a Japan-Sweden Summit Meeting with President Anna Berg.", .en
        )
        .frames
        #expect(held.allSatisfy { $0.kind == .meeting })
        // Of an organisation and a country, a summit still.
        let asean = try reading("Prime Minister Kenji Sato attended the ASEAN-Japan Summit in Tokyo on 4 June 2024.", .en).frames
        #expect(asean.map(\.kind) == [.summit])
    }

    @Test func anInvitationToALongTitledGuestIsNoVisit() throws {
        let frames = try reading(
            "Ngoại trưởng Peru nhắc lại lời mời Tổng Bí thư Đảng Cộng sản Việt Nam Trần Văn Hải thăm Peru năm 2015.", .vi
        ).frames
        #expect(!frames.contains { $0.kind.isVisit })
    }

    @Test func citiesTheLexiconDoesNotKnowBeforeTheirCountries() throws {
        let stops = try reading(
            "Minister Anna Berg will travel to Kingston, Jamaica, and Belmopan, Belize from 19 to 23 February 2024.", .en
        ).frames
        // One stop in each country, within the journey's days.
        #expect(stops.map(\.kind) == [.visit, .visit] && stops.map(\.places) == [["JM"], ["BZ"]])
    }

    @Test func aSessionOfABodyOfTwoCountriesIsAMeetingOfThem() throws {
        let (_, en) = try frame(
            "The 43rd meeting of the Chile-Peru Inter-governmental Committee took place in Lima on 4 March 2023.", .en)
        #expect(en.kind == .meeting && en.sides == ["CL", "PE"] && date(en) == "4/3/2023")
        let (_, vi) = try frame("Hai bên hoan nghênh kết quả Kỳ họp lần thứ 43 Ủy ban liên Chính phủ Việt Nam - Lào.", .vi)
        #expect(
            vi.kind == .meeting && vi.sides == ["VN", "LA"] && vi.name == "Kỳ họp lần thứ 43 Ủy ban liên Chính phủ Việt Nam - Lào"
        )
        let (_, between) = try frame(
            "They agreed to hold the fifth Strategic Dialogue between Chile and Peru in Santiago in October 2023.", .en)
        #expect(between.kind == .talks && between.sides == ["CL", "PE"])
        // "The two sides welcomed the results": approval, no welcome ceremony.
        #expect(try reading("The two sides welcomed the results of the talks.", .en).frames.isEmpty)
    }

    @Test func whoReceivesWhomInVietnamese() throws {
        let (reading, received) = try frame("Ngày 4/6/2024, Thủ tướng Trần Văn Hải tiếp Đại sứ Nhật Bản Kenji Sato.", .vi)
        #expect(received.kind == .meeting)
        #expect(reading.names(received.agents) == ["Trần Văn Hải"])
        #expect(reading.names(received.counterparts) == ["Kenji Sato"])
        #expect(date(received) == "4/6/2024")
        // The one named first does it, whichever side they are of.
        let (other, talks) = try frame("Thủ tướng Nhật Bản Kenji Sato hội đàm với Thủ tướng Trần Văn Hải tại Hà Nội.", .vi)
        #expect(talks.kind == .talks)
        #expect(other.names(talks.agents) == ["Kenji Sato"] && other.names(talks.counterparts) == ["Trần Văn Hải"])
        #expect(talks.places == ["VN"] && talks.city == "Hà Nội")
        let (call, phone) = try frame("Thủ tướng Trần Văn Hải điện đàm với Thủ tướng Nhật Bản Kenji Sato.", .vi)
        #expect(phone.kind == .phoneCall)
        #expect(call.names(phone.agents) == ["Trần Văn Hải"] && call.names(phone.counterparts) == ["Kenji Sato"])
    }

    @Test func twoPeopleJoinedByAndBothDoIt() throws {
        let (vi, talks) = try frame("Thủ tướng Trần Văn Hải và Thủ tướng Nhật Bản Kenji Sato đã hội đàm tại Tokyo.", .vi)
        #expect(vi.names(talks.agents) == ["Trần Văn Hải", "Kenji Sato"] && talks.counterparts.isEmpty)
        #expect(talks.status == .held && talks.places == ["JP"])
        let (en, held) = try frame("Prime Minister Anna Berg and Japanese Prime Minister Kenji Sato held talks in Tokyo.", .en)
        #expect(en.names(held.agents) == ["Anna Berg", "Kenji Sato"] && held.counterparts.isEmpty)
    }

    /// "the meeting between A and B": A is one side, B the other; one meeting, not one with each.
    @Test func aMeetingBetweenTwoPeople() throws {
        let (reading, meeting) = try frame(
            "Cuộc gặp giữa Thủ tướng Trần Văn Hải và Thủ tướng Nhật Bản Kenji Sato diễn ra tại Tokyo.", .vi)
        #expect(meeting.kind == .meeting && !meeting.verb)
        #expect(reading.names(meeting.agents) == ["Trần Văn Hải"] && reading.names(meeting.counterparts) == ["Kenji Sato"])
        #expect(meeting.places == ["JP"])
    }

    @Test func thePlaceAfterAVisitVerb() throws {
        let (vi, official) = try frame("Ngày 4/6/2024, Bộ trưởng Ngoại giao Lê Văn Minh đã thăm chính thức Nhật Bản.", .vi)
        #expect(official.kind == .officialVisit && official.verb)
        #expect(vi.names(official.agents) == ["Lê Văn Minh"] && official.places == ["JP"])
        let (_, visited) = try frame("President Anna Berg visited Poland on 3 May 2024.", .en)
        #expect(visited.kind == .visit && visited.places == ["PL"] && date(visited) == "3/5/2024")
        let (_, state) = try frame("King Sokha Ren will pay a state visit to the Kingdom of Cambodia from 3 to 5 May 2024.", .en)
        #expect(state.kind == .stateVisit && state.places == ["KH"] && date(state) == "3/5/2024-5/5/2024")
        let (_, city) = try frame("Carlos Ruiz left for Tokyo on Monday.", .en)
        #expect(city.places == ["JP"] && city.city == "Tokyo")
    }

    /// "thăm cấp Nhà nước Lào và Campuchia": a visit to each country, within the journey's range.
    @Test func aVisitToSeveralCountriesIsAStopAtEach() throws {
        let vi = try reading("Chủ tịch nước Trần Văn Hải sẽ thăm cấp Nhà nước Lào và Campuchia từ ngày 9-12/3/2025.", .vi)
        #expect(vi.frames.map(\.places) == [["LA"], ["KH"]])
        #expect(vi.frames.map(\.sharesRange) == [true, true])
        #expect(vi.frames.map(date) == ["9/3/2025-12/3/2025", "9/3/2025-12/3/2025"])
        // Each stop followed by dates of its own keeps them.
        let en = try reading(
            "President Anna Berg will pay official visits to Cambodia from April 24 to 25 and to Laos from April 26 to 27.", .en)
        #expect(en.frames.map(\.places) == [["KH"], ["LA"]])
        #expect(en.frames.map(\.sharesRange) == [false, false])
        #expect(en.frames.map(date) == ["24/4/_-25/4/_", "26/4/_-27/4/_"])
    }

    @Test func plannedOrHeld() throws {
        #expect(
            try frame("Ngày 10/9/2024, Thủ tướng Trần Văn Hải sẽ tiếp Thủ tướng Nhật Bản Kenji Sato.", .vi).1.status == .planned)
        #expect(try frame("Ngày 10/9/2024, Thủ tướng Trần Văn Hải đã tiếp Thủ tướng Nhật Bản Kenji Sato.", .vi).1.status == .held)
        #expect(try frame("Ngày 10/9/2024, Thủ tướng Trần Văn Hải tiếp Thủ tướng Nhật Bản Kenji Sato.", .vi).1.status == .unknown)
        #expect(try frame("Foreign Minister Anna Berg will visit Japan next week.", .en).1.status == .planned)
        #expect(try frame("Prime Minister Anna Berg met Prime Minister Kenji Sato on 6 May 2024.", .en).1.status == .held)
        #expect(try frame("President Anna Berg visited Poland on 3 May 2024.", .en).1.status == .held)
        // "will" before the visit reaches the meeting joined to it by "and".
        let both = try reading("Foreign Minister Anna Berg will visit Japan and meet Prime Minister Kenji Sato.", .en)
        #expect(
            both.frameSummaries() == [
                #"visit planned ["Anna Berg"] -> [] @ ["JP"]"#, #"meeting planned ["Anna Berg"] -> ["Kenji Sato"] @ ["JP"]"#,
            ])
    }

    @Test func aCancelledVisit() throws {
        let (en, postponed) = try frame("The visit to Japan by President Anna Berg was postponed.", .en)
        let (vi, cancelled) = try frame("Chuyến thăm Nhật Bản của Chủ tịch nước Trần Văn Hải đã bị hủy.", .vi)
        #expect(en.names(postponed.agents) == ["Anna Berg"] && postponed.places == ["JP"])
        #expect(vi.names(cancelled.agents) == ["Trần Văn Hải"] && cancelled.places == ["JP"])
        #expect(postponed.status == .cancelled)
        #expect(cancelled.status == .cancelled)
    }

    /// "mời ... sớm thăm Việt Nam", "invited ... to visit": an invitation, not a visit.
    @Test func anInvitationIsNotAVisit() throws {
        let vi = try reading(
            "Bộ trưởng Ngoại giao Lê Văn Minh mời Bộ trưởng Ngoại giao Nhật Bản Kenji Sato sớm thăm Việt Nam.", .vi)
        #expect(vi.frames.isEmpty)
        #expect(vi.persons.map(\.name) == ["Lê Văn Minh", "Kenji Sato"])
        let en = try reading(
            "Foreign Minister Anna Berg invited Foreign Minister Kenji Sato of Japan to visit Sweden at an early date.", .en)
        #expect(en.frames.isEmpty)
    }

    /// "At the invitation of X, Y will visit": X invites, Y visits.
    @Test func theInviterIsNotTheVisitor() throws {
        let (vi, visit) = try frame(
            "Nhận lời mời của Thủ tướng Nhật Bản Kenji Sato, Chủ tịch nước Trần Văn Hải sẽ thăm chính thức Nhật Bản từ ngày 3 đến 5/5/2024.",
            .vi)
        #expect(vi.names(visit.agents) == ["Trần Văn Hải"])
        #expect(visit.inviter.map { vi.persons[$0].name } == "Kenji Sato")
        #expect(visit.kind == .officialVisit && visit.status == .planned && visit.places == ["JP"])
        #expect(date(visit) == "3/5/2024-5/5/2024")
        let (en, official) = try frame(
            "At the invitation of Prime Minister Kenji Sato of Japan, President Anna Berg will pay an official visit to Japan from 3 to 5 May 2024.",
            .en)
        #expect(en.names(official.agents) == ["Anna Berg"])
        #expect(official.inviter.map { en.persons[$0].name } == "Kenji Sato")
    }

    /// "During the talks", "Tại hội đàm": the event told of already, not a new one.
    @Test func duringTheTalksNamesAnEventToldOf() throws {
        let en = try reading(
            "Prime Minister Anna Berg held talks with Japanese Prime Minister Kenji Sato in Tokyo on 6 May 2024. "
                + "During the talks, the two leaders agreed to deepen cooperation.", .en)
        #expect(en.frames.map(\.sentence) == [0])
        #expect(en.frames.first?.kind == .talks)
        let vi = try reading(
            "Ngày 6/5/2024, tại Tokyo, Thủ tướng Trần Văn Hải hội đàm với Thủ tướng Nhật Bản Kenji Sato. "
                + "Tại hội đàm, hai bên nhất trí tăng cường hợp tác.", .vi)
        #expect(vi.frames.map(\.sentence) == [0])
        #expect(vi.frames.first.map { vi.names($0.agents) } == ["Trần Văn Hải"])
        #expect(vi.frames.first?.places == ["JP"])
        let visit = try reading(
            "Chiều 19/9, Phó Thủ tướng Lê Văn Minh đã tiếp Bộ trưởng Ngoại giao Pháp Pierre Durand. "
                + "Trong chuyến thăm, hai bên đã ký kết thỏa thuận.", .vi)
        #expect(!visit.frames.contains { $0.kind.isVisit })
    }

    /// The speaker of "said" is not who does what they report.
    @Test func theSpeakerIsNotTheGuest() throws {
        let (en, visit) = try frame(
            "Foreign Minister Anna Berg said Prime Minister Kenji Sato will visit Sweden next month.", .en)
        #expect(en.names(visit.agents) == ["Kenji Sato"])
        #expect(visit.places == ["SE"] && visit.status == .planned)
        let (held, visited) = try frame(
            "Prime Minister Kenji Sato of Japan said President Anna Berg visited Tokyo on 3 May 2024.", .en)
        #expect(held.names(visited.agents) == ["Anna Berg"] && visited.status == .held)
        let (vi, tham) = try frame(
            "Bộ trưởng Ngoại giao Lê Văn Minh cho biết Thủ tướng Nhật Bản Kenji Sato sẽ thăm Việt Nam vào tháng 9/2024.", .vi)
        #expect(vi.names(tham.agents) == ["Kenji Sato"])
        #expect(tham.places == ["VN"] && date(tham) == "_/9/2024")
    }

    /// "X cho biết, ông và ...": the pronoun after a reporting verb is its speaker.
    @Test func thePronounAfterSaidIsTheSpeaker() throws {
        let (vi, talks) = try frame(
            "Bộ trưởng Ngoại giao Lê Văn Minh cho biết, ông và Thủ tướng Nhật Bản đã có cuộc hội đàm.", .vi)
        #expect(vi.names(talks.agents) == ["Lê Văn Minh"])
        // The other side, named by a title alone, takes part for its country.
        #expect(talks.sides == ["JP"] && talks.status == .held)
    }

    @Test func whoseVisitAndWhoHostsIt() throws {
        let (owner, visit) = try frame(
            "President Anna Berg's official visit to Japan will take place from 3 to 5 May 2024.", .en)
        #expect(owner.names(visit.agents) == ["Anna Berg"])
        #expect(visit.kind == .officialVisit && !visit.verb && visit.status == .planned && visit.places == ["JP"])
        let (hosted, working) = try frame(
            "Foreign Minister Anna Berg will host her Kenyan counterpart, Dr Peter Mwangi, on a Working Visit to Sweden on 21 May 2021.",
            .en)
        #expect(hosted.names(working.agents) == ["Peter Mwangi"] && hosted.names(working.counterparts) == ["Anna Berg"])
        #expect(working.places == ["SE"] && date(working) == "21/5/2021")
    }

    /// "Sau khi hội đàm, ...": an event told of to place another.
    @Test func anEventInAClauseOfAfter() throws {
        let vi = try reading(
            "Sau khi hội đàm, Thủ tướng Trần Văn Hải và Thủ tướng Nhật Bản Kenji Sato chứng kiến lễ ký kết các văn kiện hợp tác.",
            .vi)
        #expect(vi.frames.map(\.kind) == [.talks, .signing])
        #expect(vi.frames.map(\.subordinate) == [true, false])
        #expect(vi.frames.last.map { vi.names($0.agents) } == ["Trần Văn Hải", "Kenji Sato"])
    }

    @Test func theOneARelativePronounStandsForVisits() throws {
        let en = try reading(
            "Foreign Minister Anna Berg will meet Foreign Minister Carlos Ruiz of Mexico, who will visit Sweden from July 3 to 6.",
            .en)
        #expect(en.frames.map(\.kind) == [.meeting, .visit])
        #expect(en.frames.first.map { en.names($0.counterparts) } == ["Carlos Ruiz"])
        #expect(en.frames.last.map { en.names($0.agents) } == ["Carlos Ruiz"])
    }

    /// A demonym before the other side's title ("met with Japanese Prime Minister X") says whose
    /// official they are, not where they met.
    @Test func aDemonymBeforeACounterpartIsNoPlace() throws {
        let (reading, met) = try frame(
            "On 10 September 2024, Prime Minister Anna Berg received Japanese Ambassador Kenji Sato in Stockholm.", .en)
        #expect(reading.names(met.counterparts) == ["Kenji Sato"] && met.city == "Stockholm")
        #expect(met.places == ["SE"])
    }

    @Test func aMeetingDatedAfterItsNoun() throws {
        let (reading, meeting) = try frame(
            "The meeting between Prime Minister Anna Berg of Sweden and Prime Minister Kenji Sato of Japan took place in Tokyo on 6 May 2024.",
            .en)
        #expect(reading.names(meeting.agents) == ["Anna Berg"] && reading.names(meeting.counterparts) == ["Kenji Sato"])
        #expect(date(meeting) == "6/5/2024")
        #expect(meeting.status == .held)
    }

    /// A named gathering the sentence says took place is an event with no one named at it; a short
    /// name in brackets stays inside its name.
    @Test func aNamedGatheringThatTookPlaceIsAFrame() throws {
        let (_, summit) = try frame("The 32nd African Union (AU) summit was held in Addis Ababa on 10 February 2019.", .en)
        #expect(summit.kind == .summit && summit.status == .held)
        #expect(summit.name == "African Union (AU) summit")
        #expect(date(summit) == "10/2/2019")
        let (_, vi) = try frame("Hội nghị Cấp cao ASEAN lần thứ 43 sẽ diễn ra tại Jakarta.", .vi)
        #expect(vi.kind == .summit && vi.status == .planned)
        // The trigger's own words name nothing: no gathering of its own.
        #expect(try reading("Hội nghị diễn ra trong không khí thân mật.", .vi).frames.isEmpty)
    }
}
