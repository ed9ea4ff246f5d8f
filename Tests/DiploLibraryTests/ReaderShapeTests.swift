import DiploImport
import DiploModel
import DiploStore
import Foundation
import Testing

/// Shapes of the real press, each on a short text written for this test: the reader must keep
/// reading them as the gold conventions say.
@Suite struct ReaderShapeTests {
    func read(_ text: String, source: String? = nil, published: String? = nil, lang: String? = nil) throws -> KnowledgeBase {
        let options = ImportOptions(
            lang: lang.flatMap(Language.init(rawValue:)), published: published.map { try! PartialDate($0) }, source: source)
        return try PressReleaseReader(options: options).read(text, file: "shape.txt")
    }

    func iso(_ kb: KnowledgeBase, _ id: String?) -> String? {
        guard let entity = kb.entities.first(where: { $0.id == id }) else { return nil }
        return entity.type == .country ? entity.iso : iso(kb, entity.country)
    }

    func countries(_ kb: KnowledgeBase, _ event: Event) -> Set<String> {
        Set(event.participants.compactMap { iso(kb, $0.entity) } + [iso(kb, event.location?.country)].compactMap { $0 })
    }

    /// When an event starts, from its own date or the range it falls within.
    func first(_ event: Event) -> PartialDate? { event.start ?? event.within?.first }

    // MARK: the page's date

    @Test func everyURLExampleOfTheLexiconGivesItsDate() {
        for example in PageDate.urlExamples {
            #expect(PageDate.isoDate(ofSource: example.url) == example.date, "\(example.url)")
        }
        #expect(PageDate.isoDate(ofSource: "https://example.org/news/item/4521") == nil)
    }

    @Test func theSourceURLDatesAYearlessText() throws {
        let kb = try read(
            """
            Foreign ministers hold talks

            On March 4, Foreign Minister Bui Thanh Son held talks with Japanese Foreign Minister Kamikawa Yoko in Hanoi.
            """, source: "https://news.example.org/politics/2024/03/20240305-talks.html")
        let talks = try #require(kb.events.first { $0.kind == .talks })
        #expect(first(talks) == (try PartialDate("2024-03-04")))
    }

    @Test func aMarkedDateLineGivesTheYearAndAnOldDateInTheTextDoesNot() throws {
        let kb = try read(
            """
            date 2023-05 Hai nước thiết lập quan hệ ngoại giao ngày 12/3/1993.

            Chiều 18/5, tại Hà Nội, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Ba Lan Mateusz Morawiecki nhân chuyến thăm chính thức Việt Nam.
            """)
        let talks = try #require(kb.events.first { $0.kind == .talks })
        #expect(first(talks) == (try PartialDate("2023-05-18")))
    }

    /// Date lines as pages print them: dots between the numbers ("2023.11.17", "10. 1. 2009"), or the
    /// time before the date ("16:19 July 21, 2022"); the talks of "Wednesday" are the day before.
    @Test(arguments: ["2023.11.17", "17. 11. 2023 10:14", "16:19 November 17, 2023", "Posted 09:05 17 November 2023"])
    func aDateLineWithDotsOrATimeFirstGivesTheDay(line: String) throws {
        let kb = try read(
            """
            Leaders discuss energy

            \(line)

            President Anna Berg on Wednesday held talks with visiting Japanese Prime Minister Kenji Sato.
            """, lang: "en")
        let talks = try #require(kb.events.first { $0.kind == .talks })
        #expect(first(talks) == (try PartialDate("2023-11-15")), "\(line)")
    }

    @Test func aDateLineWrittenYearFirstWithTheMonthsNameGivesTheYear() throws {
        let kb = try read(
            """
            Briefing Room

            2022 Nov. 17

            Leaders discuss energy

            President Anna Berg on Nov. 17 held talks with visiting Japanese Prime Minister Kenji Sato.
            """)
        let talks = try #require(kb.events.first { $0.kind == .talks })
        #expect(first(talks) == (try PartialDate("2022-11-17")))
        // "visiting" qualifies the guest: no visit of its own beside the talks.
        #expect(kb.events.count == 1)
    }

    @Test func aDayTheTextSaysIsTodayWinsOverTheDateOfItsURL() throws {
        let kb = try read(
            """
            Envoys in Cape Town

            President Ana Silva met envoys today, Friday 23 March 2018, in Cape Town.

            In the first engagement today, President Silva hosted a courtesy call by Mr Tomas Remengesau, Special Envoy of Palau.
            """, source: "http://news.example.org/stories/201803260866.html", lang: "en")
        let call = try #require(kb.events.first { $0.kind == .courtesyCall })
        #expect(first(call) == (try PartialDate("2018-03-23")))
    }

    @Test func withoutPageDateTheFirstFullDateOfTheTextGivesTheYear() throws {
        let kb = try read(
            """
            Joint statement on a visit

            The President of Chile paid an official visit to Vietnam from 3 to 5 November 2019. On November 4, President Nguyen Phu Trong held talks with President Sebastian Pinera.
            """)
        let talks = try #require(kb.events.first { $0.kind == .talks })
        #expect(first(talks) == (try PartialDate("2019-11-04")))
    }
}

extension ReaderShapeTests {
    func person(_ kb: KnowledgeBase, _ name: String) -> Entity? {
        kb.entities.first { $0.type == .person && $0.name.folded == name.folded }
    }

    // MARK: people named in English orders

    @Test func aNameSetOffByCommasAfterATitleOfACountry() throws {
        let kb = try read(
            """
            A state visit announced

            The Prime Minister of Norway, Jonas Gahr Store, will pay a state visit to Vietnam on 4 June 2025.
            """, lang: "en")
        let store = try #require(person(kb, "Jonas Gahr Store"))
        #expect(iso(kb, store.country) == "NO")
    }

    @Test func aPortfolioClosedByACommaIsNoName() throws {
        let kb = try read(
            """
            Ministers to meet

            The Minister of Trade and Industry, Dr Amara Kone, will host Ghana's Foreign Minister Kofi Mensah on 2 May 2023.
            """, lang: "en")
        #expect(person(kb, "Industry") == nil && person(kb, "Trade") == nil)
        #expect(person(kb, "Amara Kone") != nil)
        #expect(iso(kb, person(kb, "Kofi Mensah")?.country) == "GH")
    }

    @Test func aSultanIsATitle() throws {
        let kb = try read(
            """
            Leaders meet

            President Luong Cuong met Brunei Sultan Hassanal Bolkiah in Lima on 15 November 2024.
            """, lang: "en")
        #expect(iso(kb, person(kb, "Hassanal Bolkiah")?.country) == "BN")
    }

    @Test func yearsCountedSinceRelationsBeganAreNoUpgradeToday() throws {
        let kb = try read(
            """
            Thủ tướng thăm Peru

            Ngày 17/12/2019, trong chuyến thăm chính thức Peru, Thủ tướng Trần Văn Hải hội đàm với Cố vấn Nhà nước Peru Ana Quispe và chứng kiến ký kết một số văn kiện hợp tác giữa Việt Nam - Peru, hai nước có gần 25 năm chính thức thiết lập quan hệ ngoại giao.
            Sau đó, Thủ tướng Trần Văn Hải và Cố vấn Nhà nước Peru có cuộc gặp gỡ báo chí.
            """, lang: "vi")
        #expect(iso(kb, person(kb, "Ana Quispe")?.country) == "PE")
        #expect(kb.events.contains { $0.kind == .talks } && kb.events.contains { $0.kind == .pressConference })
        #expect(!kb.events.contains { $0.kind == .meeting })
        let relations = try #require(kb.partnerships.first { $0.level.key == "diplomatic_relations" })
        #expect(relations.established == nil)

        // "kể từ khi" (since): a level reached in the past, not on the day of the call.
        let since = try read(
            """
            Điện đàm

            Ngày 13/2/2015, Bộ trưởng Ngoại giao Trần Văn Hải điện đàm với Ngoại trưởng Peru Pedro Rojas, điểm lại những tiến triển kể từ khi hai nước xác lập quan hệ "Đối tác toàn diện".
            """, lang: "vi")
        let partnership = try #require(since.partnerships.first { $0.level.key == "comprehensive_partnership" })
        #expect(partnership.established == nil)
    }

    @Test func aShortFormBeforeTheFullNameAndAVisitorToTheHomeSide() throws {
        let kb = try read(
            """
            Spokesperson's remarks

            Spokesperson Li Wen said on 19 May 2022: This year marks the 70th anniversary of diplomatic relations between China and Chile. FM Pedro will visit China from May 21.
            Foreign Minister Pedro Alvarez Soto's visit to China will last two days.
            """, lang: "en")
        let people = kb.entities.filter { $0.type == .person }
        #expect(Set(people.map(\.name)) == ["Li Wen", "Pedro Alvarez Soto"])
        #expect(iso(kb, person(kb, "Pedro Alvarez Soto")?.country) == "CL")
    }

    @Test func oneDayOpeningASentenceOfTwoEventsIsTheDayOfEach() throws {
        let kb = try read(
            """
            Busy day in Tokyo

            On 8 May 2023, Prime Minister Tanaka Hiroshi received the Foreign Minister of Chile, Ana Lee, and met President Maria Santos of Peru in Tokyo.
            """, lang: "en")
        #expect(kb.events.count == 2)
        #expect(kb.events.allSatisfy { $0.start == (try? PartialDate("2023-05-08")) && $0.within == nil })
    }

    @Test func aNameWrittenFamilyNameFirstIsCalledByItsFirstWord() throws {
        let en = try read(
            """
            Leaders meet in Manila

            Prime Minister Tanaka Hiroshi of Japan met President Maria Santos of the Philippines in Manila on 5 May 2023.
            Prime Minister Tanaka thanked President Santos for her hospitality.
            """, lang: "en")
        #expect(Set(en.entities.filter { $0.type == .person }.map(\.name)) == ["Tanaka Hiroshi", "Maria Santos"])
        let vi = try read(
            """
            Hai nhà lãnh đạo hội đàm

            Ngày 5/5/2023, Thủ tướng Phạm Văn Hùng đã hội đàm với Thủ tướng Hàn Quốc Kang Min-jun tại Hà Nội.
            Thủ tướng Kang cảm ơn Thủ tướng Hùng đã đón tiếp trọng thị.
            """, lang: "vi")
        #expect(Set(vi.entities.filter { $0.type == .person }.map(\.name)) == ["Phạm Văn Hùng", "Kang Min-jun"])
    }
}

extension ReaderShapeTests {
    // MARK: the home side comes from the document

    @Test func everyPublisherExampleOfTheLexiconGivesItsCountry() {
        for example in HomeSide.examples {
            #expect(HomeSide.publisherCountry(example.source) == example.country, "\(example.source)")
        }
    }

    @Test func aForeignMinistrysTextAboutTwoOtherCountriesHasNoVietnam() throws {
        let kb = try read(
            """
            Ministers of Chile and Peru meet

            On 3 April 2023, Chilean Foreign Minister Alberto van Klaveren met Peruvian Foreign Minister Ana Gervasi in Santiago. The two sides celebrated the 80th anniversary of the establishment of diplomatic relations.
            """, source: "https://www.minrel.example.cl/news/2023/04/03/meeting", lang: "en")
        #expect(!kb.entities.contains { $0.type == .country && $0.iso == "VN" })
        let relations = try #require(kb.partnerships.first { $0.level.key == "diplomatic_relations" })
        #expect(Set(relations.parties.compactMap { iso(kb, $0) }) == ["CL", "PE"])
    }
}

extension ReaderShapeTests {
    // MARK: pages as they come

    @Test func aShareButtonUnderTheHeadlineDoesNotEndTheArticle() throws {
        let kb = try read(
            """
            Bộ trưởng Ngoại giao hai nước gặp nhau

            Chia sẻ:

            Ngày 8/8/2023, tại Jakarta, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã có cuộc gặp với Bộ trưởng Ngoại giao Indonesia Retno Marsudi bên lề hội nghị.
            """)
        #expect(kb.events.contains { $0.kind == .meeting })
    }

    @Test func aPageCutMidSentenceStillYieldsItsLastLine() throws {
        let kb = try read(
            """
            Điện đàm giữa hai Thủ tướng

            Tối 12/6/2022, Thủ tướng Phạm Minh Chính đã điện đàm với Thủ tướng Thái Lan Prayut Chan-o-cha. Hai bên nhất trí tăng cường hợp tác trong các lĩnh vực thương mại, đầu tư và du lịch, đồng thời thúc đẩy giao lưu nhân dân giữa hai nư
            """)
        #expect(kb.events.contains { $0.kind == .phoneCall })
    }

    @Test func aPageRunIntoOneLineIsReadSentenceBySentence() throws {
        let navigation =
            "Trang chủ Thời sự Thế giới Kinh tế Văn hóa Thể thao Video Ảnh Podcast Tin mới nhất Tin nổi bật Tin trong ngày "
        let body =
            "Thủ tướng tiếp Đại sứ Nhật Bản Trang chủ Thời sự (Ảnh: Minh Anh) Chiều 14/4/2023, tại trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Nhật Bản Yamada Takio đến chào nhân dịp kết thúc nhiệm kỳ công tác tại Việt Nam. Thủ tướng cảm ơn Đại sứ vì những đóng góp cho quan hệ hai nước trong thời gian qua. Đại sứ Yamada Takio khẳng định sẽ tiếp tục đóng góp cho quan hệ Đối tác chiến lược sâu rộng giữa hai nước. "
        let text =
            navigation + body
            + String(
                repeating:
                    "Hai bên trao đổi về các biện pháp thúc đẩy hợp tác kinh tế, thương mại và đầu tư trong thời gian tới. ",
                count: 10)
        let kb = try read(text)
        #expect(person(kb, "Yamada Takio") != nil)
        #expect(kb.events.contains { [.courtesyCall, .meeting].contains($0.kind) })
    }
}

extension ReaderShapeTests {
    @Test func teasersAfterTheArticleAreAHeadlineThenItsSummary() throws {
        let kb = try read(
            """
            Thủ tướng tiếp Đại sứ Ai-len

            Ngày 5/6/2023, tại Hà Nội, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Ai-len Deirdre Ní Fhallúin đến chào kết thúc nhiệm kỳ công tác tại Việt Nam.

            3 2
            Chủ tịch Quốc hội Vương Đình Huệ hội kiến Tổng thống Đức Frank-Walter Steinmeier
            Chủ tịch Quốc hội Vương Đình Huệ đã hội kiến Tổng thống Đức Frank-Walter Steinmeier tại Berlin, hai bên trao đổi về hợp tác.

            Quan hệ hai nước tiếp tục phát triển
            Quan hệ hai nước tiếp tục phát triển tốt đẹp trên mọi lĩnh vực, hai bên nhất trí tăng cường trao đổi đoàn các cấp.
            """)
        #expect(!kb.entities.contains { $0.type == .country && $0.iso == "DE" })
        #expect(!kb.events.contains { event in countries(kb, event).contains("DE") })
    }
}

extension ReaderShapeTests {
    @Test func initialsAndHonorificsInARowStayInTheName() throws {
        let kb = try read(
            """
            A minister travels

            His Excellency Dr. K. Natwar Singh, Minister of External Affairs of India, will visit Nepal on 3 March 2005. President John F. Kennedy was named in the speech.
            """, lang: "en")
        #expect(person(kb, "K. Natwar Singh") != nil)
        #expect(person(kb, "Dr") == nil)
        #expect(person(kb, "John F. Kennedy") != nil)
    }

    @Test func theSpeakingSidesOfficialsNeedNoCountry() throws {
        let kb = try read(
            """
            President meets his Chilean counterpart

            President Lula met Chilean President Gabriel Boric in Brasilia on 5 December 2023. Foreign Minister Mauro Vieira attended the meeting on trade between Brazil and Chile.
            """, source: "https://www.example.gov.br/news/2023/12/05/meeting", lang: "en")
        #expect(iso(kb, person(kb, "Mauro Vieira")?.country) == "BR")
        #expect(iso(kb, person(kb, "Gabriel Boric")?.country) == "CL")
    }
}

extension ReaderShapeTests {
    // MARK: partnerships and anniversaries

    @Test func aLevelFollowedByAListOfCountriesIsAPartnershipWithEach() throws {
        let kb = try read(
            """
            Nâng cấp quan hệ

            Chiều 26/2/2025, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Chile Gabriel Boric. Trước đó, Việt Nam đã thiết lập quan hệ Đối tác chiến lược toàn diện với ba nước, bao gồm: Nhật Bản, Hàn Quốc và Ấn Độ.
            """)
        let pairs = Set(
            kb.partnerships.filter { $0.level.key == "comprehensive_strategic_partnership" }
                .map { Set($0.parties.compactMap { iso(kb, $0) }) })
        #expect(pairs.isSuperset(of: [["VN", "JP"], ["VN", "KR"], ["VN", "IN"]]))
    }

    @Test func theTwoCountriesOfAnAnniversaryCanComeFromTheWholeText() throws {
        let kb = try read(
            """
            Chủ tịch nước lên đường thăm Ai-len

            Sáng 4/5/2023, Chủ tịch nước Võ Văn Thưởng lên đường thăm chính thức Ai-len. Quan hệ Việt Nam và Ai-len đang phát triển tốt đẹp.

            Năm 2023, hai nước kỷ niệm 27 năm thiết lập quan hệ ngoại giao với nhiều hoạt động có ý nghĩa, trong đó có các hoạt động giao lưu văn hóa và nhân dân
            """)
        let relations = try #require(kb.partnerships.first { $0.level.key == "diplomatic_relations" })
        #expect(Set(relations.parties.compactMap { iso(kb, $0) }) == ["VN", "IE"])
        #expect(kb.anniversaries.contains { $0.years == 27 })
    }
}

extension ReaderShapeTests {
    @Test func aVisitWithNoDateTakesNoneOfAVisitElsewhere() throws {
        let kb = try read(
            """
            Prime Minister visits Peru

             date 2024-10-18

            Prime Minister Ana Soto is on a two-day official visit to Peru.

            Soto will travel to Quito next Wednesday.
            """, lang: "en")
        let peru = try #require(kb.events.first { $0.kind == .officialVisit })
        let quito = try #require(kb.events.first { $0.kind == .visit })
        #expect(quito.start == (try PartialDate("2024-10-23")))
        // Next Wednesday's date is the journey to Quito's, not the visit to Peru's.
        #expect(peru.start != quito.start)
    }

    @Test func anEventPlacedAfterAnotherIsOnItsDay() throws {
        let kb = try read(
            """
            Welcome for the President of Chile

            2023-12-13

            On 12 December, President Ana Soto hosted an official welcome ceremony in Oslo for President Pedro Rojas of Chile.

            It comes a year after the visit to Chile by President Ana Soto in October 2022.

            Following the welcome ceremony, President Soto held talks with President Pedro Rojas.
            """, lang: "en")
        let talks = try #require(kb.events.first { $0.kind == .talks })
        // The ceremony's day, not the month of the visit told of last.
        #expect(first(talks) == (try PartialDate("2023-12-12")))
        #expect(talks.end == nil || talks.end == talks.start)
        let vi = try read(
            """
            Lễ đón Tổng thống Chile

            13/12/2023

            Sáng 12/12/2023, Tổng Bí thư Lê Văn Minh chủ trì lễ đón chính thức Tổng thống Chile Pedro Rojas tại Hà Nội.

            Năm 2022, Tổng Bí thư Lê Văn Minh đã thăm Chile.

            Sau lễ đón, Tổng Bí thư Lê Văn Minh hội đàm với Tổng thống Pedro Rojas.
            """, lang: "vi")
        let hoiDam = try #require(vi.events.first { $0.kind == .talks })
        #expect(first(hoiDam) == (try PartialDate("2023-12-12")))
    }

    @Test func aPronounAFewWordsAfterAReportingVerbIsItsSpeaker() throws {
        let kb = try read(
            """
            President to tour the region

            2022-12-03

            President Ana Soto said on Twitter that she will pay official visits to Barbados and Grenada.
            """, lang: "en")
        let soto = try #require(kb.entities.first { $0.name == "Ana Soto" })
        let visits = kb.events.filter { $0.kind.isVisit && $0.kind != .trip }
        #expect(visits.count == 2)
        #expect(visits.allSatisfy { $0.participants.contains { $0.entity == soto.id } })
    }

    @Test func aSummitNamedByAPairAndItsNumberKeepsItsOwnMonth() throws {
        let kb = try read(
            """
            Điện đàm Chile - Peru

             date 2025-09-18

            Ngày 17/9, Tổng thống Chile Pedro Rojas đã có cuộc điện đàm với Tổng thống Peru Ana Soto, tập trung thảo luận về Hội nghị thượng đỉnh Chile - Peru lần thứ 5 vào tháng 12 năm nay.
            """, lang: "vi")
        let summit = try #require(kb.events.first { $0.kind == .summit })
        #expect(summit.start == (try PartialDate("2025-12")))
        // The past tense is the call's: a summit after the page's day is ahead.
        #expect(summit.status == .planned)
        let call = try #require(kb.events.first { $0.kind == .phoneCall })
        #expect(call.start == (try PartialDate("2025-09-17")) && call.status == .held)
    }

    // MARK: days told from the page's date

    @Test func everyRelativeDayExampleOfTheLexiconGivesItsDates() throws {
        for example in PageDate.relativeExamples {
            let kb = try read("News of the day\n\n" + example.text, published: example.page, lang: "en")
            let event = try #require(kb.events.first, "\(example.text)")
            #expect(first(event)?.description == example.start, "\(example.text)")
            if let end = example.end { #expect(event.end?.description == end, "\(example.text)") }
            #expect((event.status == .planned) == example.planned, "\(example.text)")
        }
    }

    /// "Thủ tướng Thái Lan bắt đầu chuyến thăm chính thức Lào" (a headline): the visitor no name gives is
    /// their country's side; the body's talks name the people.
    @Test func aVisitorGivenByTitleAndCountryIsTheirCountrysSide() throws {
        let kb = try read(
            """
            Thủ tướng Thái Lan bắt đầu chuyến thăm chính thức Lào

            Tại cuộc hội đàm, Thủ tướng Lào Somsak Vong và Thủ tướng Thái Lan Niran Chai nhất trí tăng cường hợp tác.
            """, published: "2014-11-27", lang: "vi")
        let visit = try #require(kb.events.first { $0.kind == .officialVisit })
        #expect(countries(kb, visit) == ["TH", "LA"])
        #expect(first(visit) == (try PartialDate("2014-11-27")))
    }

    /// A meeting named as the occasion of something ("after the meeting between A and B", "sau cuộc
    /// gặp giữa A và B"): no word says when, so the report's news is of its day; what is announced
    /// keeps no date.
    @Test func anEventNoWordDatesIsOfThePagesDayUnlessAnnounced() throws {
        let english = try read(
            """
            Peru and Japan issue a joint statement

            The joint statement came after the meeting between Peruvian President Lena Ortiz and Japanese Prime Minister Kenji Sato in Lima.
            """, published: "2025-03-12", lang: "en")
        let meeting = try #require(english.events.first { $0.kind.family == .meeting })
        #expect(first(meeting) == (try PartialDate("2025-03-12")))
        #expect(meeting.status == .held)
        let vietnamese = try read(
            """
            Hai nước nâng cấp quan hệ

            Tuyên bố được công bố sau cuộc gặp giữa Thủ tướng Malaysia Rahim Osman và Tổng thống Chile Pedro Rojas tại Kuala Lumpur.

            Tổng thống Chile Pedro Rojas sẽ thăm chính thức Thái Lan.
            """, published: "2025-10-26", lang: "vi")
        let talks = try #require(vietnamese.events.first { $0.kind.family == .meeting })
        #expect(first(talks) == (try PartialDate("2025-10-26")))
        let visit = try #require(vietnamese.events.first { $0.kind.isVisit })
        #expect(visit.status == .planned)
        #expect(first(visit) == nil)
    }
}

extension ReaderShapeTests {
    // MARK: who is of which side

    @Test func aVisitorIsNotOfTheCountryVisitedAndTheHostIs() throws {
        let kb = try read(
            """
            President to visit Kenya

            President Lula will pay a state visit to Kenya on 4 March 2025. During the visit, President Lula will hold talks with President Ruto on trade between Brazil and Kenya.
            """, source: "https://www.example.gov.br/news/2025/03/01/visit", lang: "en")
        #expect(iso(kb, person(kb, "Lula")?.country) == "BR")
        #expect(iso(kb, person(kb, "Ruto")?.country) == "KE")
    }

    @Test func aPairOfCountriesAfterAVisitIsNoDestination() throws {
        let kb = try read(
            """
            President to visit Kenya

            President Cyril Ramaphosa of South Africa will pay a state visit to Kenya on 4 March 2025. The visit will give new impetus to South Africa-Kenya relations.
            """, lang: "en")
        #expect(!kb.events.contains { $0.kind.isVisit && iso(kb, $0.location?.country) == "ZA" })
    }
}

extension ReaderShapeTests {
    // MARK: kinds of events

    @Test func aBanquetIsAnEventWithinTheVisitItIsPartOf() throws {
        let kb = try read(
            """
            State visit

            President Sauli Niinisto paid a state visit to Vietnam from 2 to 4 October 2023. During the visit, President Sauli Niinisto attended a state banquet hosted by President Vo Van Thuong.
            """, lang: "en")
        let banquet = try #require(kb.events.first { $0.kind == .other })
        let day = try #require(first(banquet)?.dayRange?.lowerBound)
        let visit = try PartialDate("2023-10-02").dayRange!.lowerBound...PartialDate("2023-10-04").dayRange!.lowerBound
        #expect(visit.contains(day))
        #expect(!kb.events.contains { $0.kind == .meeting })
    }

    @Test func aCoronationAndAnInaugurationAreCeremonies() throws {
        let kb = try read(
            """
            Chủ tịch nước dự Lễ đăng quang

            Ngày 6/5/2023, Chủ tịch nước Võ Văn Thưởng dự Lễ đăng quang của Nhà vua Anh Charles III tại London.
            """)
        #expect(kb.events.contains { $0.kind == .ceremony })
    }

    @Test func congratulatoryMessagesAreOneEventEachAndSaySo() throws {
        let kb = try read(
            """
            Lãnh đạo Việt Nam gửi điện mừng

            Nhân dịp kỷ niệm 30 năm quan hệ ngoại giao, ngày 12/3/2024, Chủ tịch nước Nguyễn Văn Bình, Phó Chủ tịch nước Đỗ Thị Lan và Thủ tướng Lê Minh Tâm đã gửi điện mừng Tổng thống Chile Pedro Rojas. Cùng ngày, Bộ trưởng Ngoại giao Trần Văn Hải gửi thư mừng tới Bộ trưởng Ngoại giao Chile Ana Souza.
            """)
        let messages = kb.events.filter { $0.kind == .other }
        #expect(
            messages.map(\.title) == [
                "Điện mừng: Nguyễn Văn Bình, Đỗ Thị Lan, Lê Minh Tâm – Pedro Rojas", "Điện mừng: Trần Văn Hải – Ana Souza",
            ])
        #expect(messages.allSatisfy { $0.start == (try? PartialDate("2024-03-12")) && $0.status == .held })
    }
}

extension ReaderShapeTests {
    @Test func aListOfNamesEachWithTitlesAfterIt() throws {
        let kb = try read(
            """
            Summit statement

            Mr Fumio Kishida, Prime Minister of Japan, Mr Charles Michel, President of the European Council, and Ms Ursula von der Leyen, President of the European Commission, met in Brussels on 13 July 2023.
            """, lang: "en")
        #expect(iso(kb, person(kb, "Fumio Kishida")?.country) == "JP")
        #expect(iso(kb, person(kb, "Charles Michel")?.country) != "JP")
    }

    @Test func aDateWrittenWithHyphens() throws {
        let kb = try read(
            """
            Chủ tịch nước thăm Lào

            Chủ tịch nước Nguyễn Minh Triết thăm chính thức Lào từ ngày 24 đến ngày 26-8-2010 theo lời mời của Chủ tịch nước Lào.
            """)
        let visit = try #require(kb.events.first { $0.kind == .officialVisit })
        #expect(visit.end == (try PartialDate("2010-08-26")))
    }

    @Test func aWeekdayBeforeADateIsPartOfIt() throws {
        let kb = try read(
            """
            Working visit

            Foreign Minister Naledi Pandor of South Africa will host Foreign Minister Frederick Shava of Zimbabwe on a Working Visit to South Africa on Friday, 21 May 2021 in Cape Town.
            """, lang: "en")
        let visit = try #require(kb.events.first { $0.kind.isVisit })
        #expect(first(visit) == (try PartialDate("2021-05-21")))
    }
}

extension ReaderShapeTests {
    @Test func aLeaderNamedInLowerCaseAfterADemonym() throws {
        let kb = try read(
            """
            Talks in Astana

            ASTANA, June 3, 2024. Russian President Vladimir Putin held talks with Kazakh leader Kassym-Jomart Tokayev in Astana on June 3, 2024.
            """, lang: "en")
        #expect(iso(kb, person(kb, "Kassym-Jomart Tokayev")?.country) == "KZ")
        #expect(kb.events.contains { $0.kind == .talks && countries(kb, $0).isSuperset(of: ["RU", "KZ"]) })
    }

    @Test func aHeadlineWrittenAsASentenceIsArticleText() throws {
        let kb = try read(
            """
            Prime Minister receives the outgoing ambassador of Chile on his farewell call
            Hanoi (VNA) - The ambassador thanked the government for its support during his term.
            """, published: "2024-05-02", lang: "en")
        #expect(kb.events.contains { $0.kind == .meeting || $0.kind == .courtesyCall } || kb.entities.contains { $0.iso == "CL" })
    }
}

extension ReaderShapeTests {
    @Test func aMeetingOpeningTheSentenceIsDoneByWhoFollowsTheComma() throws {
        let kb = try read(
            """
            Bilateral meetings before the summit

            In a bilateral meeting with President of the United States Barack Obama, President Susilo Bambang Yudhoyono thanked the US for its support on 12 November 2011.
            """, source: "https://www.example.go.id/news/2011/11/12/meetings", lang: "en")
        #expect(iso(kb, person(kb, "Barack Obama")?.country) == "US")
        let meeting = try #require(kb.events.first { $0.kind == .meeting })
        #expect(countries(kb, meeting).isSuperset(of: ["US"]))
    }

    @Test func aNicknameInQuotesStaysInTheName() throws {
        let kb = try read(
            """
            Meeting

            President Joko “Jokowi” Widodo met Prime Minister Fumio Kishida of Japan in Bali on 14 November 2022. Later that day, President Jokowi visited the harbour.
            """, lang: "en")
        // "President Jokowi" is the nickname of the name given before: the same person.
        #expect(kb.entities.filter { $0.type == .person }.map(\.name).sorted() == ["Fumio Kishida", "Joko “Jokowi” Widodo"])
    }

    @Test func aMiddleNameGivenByItsInitialOrLeftOutIsTheSamePerson() throws {
        let kb = try read(
            """
            Talks

            On 30 October 2020 Foreign Minister Anna Berg held talks with Secretary of State Michael Richard Pompeo in Hanoi. Michael R. Pompeo thanked her for the welcome.
            """, lang: "en")
        #expect(kb.entities.filter { $0.type == .person }.map(\.name).sorted() == ["Anna Berg", "Michael Richard Pompeo"])
        // Middle names left out: the same first and last words, the others in order.
        let left = try read(
            """
            Visit

            On 1 August 2021 President Joao Manuel Goncalves Lourenco of Angola arrived in Accra. President Joao Lourenco will hold talks with President Nana Akufo-Addo on 2 August 2021.
            """, lang: "en")
        #expect(
            left.entities.filter { $0.type == .person }.map(\.name).sorted() == [
                "Joao Manuel Goncalves Lourenco", "Nana Akufo-Addo",
            ])
        // A second family name after the first, left out ("Gustavo Petro" of "Gustavo Francisco Petro Urrego").
        let second = try read(
            """
            Visit

            On 3 May 2024 President Gustavo Francisco Petro Urrego of Colombia arrived in Lima. President Gustavo Petro held talks with President Dina Boluarte on 4 May 2024.
            """, lang: "en")
        #expect(
            second.entities.filter { $0.type == .person }.map(\.name).sorted() == [
                "Dina Boluarte", "Gustavo Francisco Petro Urrego",
            ])
    }

    @Test func aShortNameInBracketsAfterAFullNameIsThatPerson() throws {
        let kb = try read(
            """
            Meeting

            President Andres Manuel Lopez Obrador (AMLO) met Prime Minister Fumio Kishida of Japan in Tokyo on 14 November 2022. Later that day, President AMLO visited the harbour.
            """, lang: "en")
        #expect(
            kb.entities.filter { $0.type == .person }.map(\.name).sorted() == ["Andres Manuel Lopez Obrador", "Fumio Kishida"])
    }

    @Test func aWeekdayWithAMonthFirstDateInBrackets() throws {
        let kb = try read(
            """
            Meetings

            President Joko Widodo Monday (11/14) met Prime Minister Fumio Kishida of Japan in Bali.
            """, published: "2022-11-15", lang: "en")
        let meeting = try #require(kb.events.first { $0.kind == .meeting })
        #expect(first(meeting) == (try PartialDate("2022-11-14")))
    }
}

extension ReaderShapeTests {
    @Test func aReadoutThatSaysSpokeWithIsACall() throws {
        let kb = try read(
            """
            Readout

            Secretary of State Marco Ruiz spoke today with Foreign Minister Ana Kovac of Croatia about energy security.
            """, published: "2024-02-07", lang: "en")
        let call = try #require(kb.events.first { $0.kind == .phoneCall })
        #expect(first(call) == (try PartialDate("2024-02-07")) || first(call) == nil)
        #expect(countries(kb, call).contains("HR"))
    }
}

extension ReaderShapeTests {
    @Test func aRelatedLinksBoxInsideTheTextDoesNotEndTheArticle() throws {
        let kb = try read(
            """
            Đại sứ trình Thư ủy nhiệm

            Sáng 12/3/2024, tại thủ đô Viêng Chăn, Đại sứ Nguyễn Minh Tâm đã trình Thư ủy nhiệm lên Chủ tịch nước Lào Thongloun Sisoulith.
            TIN LIÊN QUAN
            dai su trinh thu uy nhiem len chu tich nuoc lao Hợp tác giáo dục Việt Nam - Lào tiếp tục phát triển
            Tham dự lễ trình Thư ủy nhiệm có Bộ trưởng Ngoại giao Lào Saleumxay Kommasith và nhiều quan chức cấp cao của Lào.
            """)
        #expect(person(kb, "Saleumxay Kommasith") != nil)
        #expect(kb.events.contains { $0.kind == .ceremony })
    }
}

extension ReaderShapeTests {
    @Test func aForeignDelegationListWithPortfoliosInVietnamese() throws {
        let kb = try read(
            """
            Tổng thống Chile thăm Việt Nam

            Ngày 5/3/2024, Tổng thống Chile Gabriel Boric đến Hà Nội, bắt đầu chuyến thăm cấp Nhà nước Việt Nam. Tháp tùng Tổng thống có: Bộ trưởng Ngoại giao Alberto van Klaveren; Bộ trưởng Nông nghiệp Esteban Valenzuela; Bộ trưởng Khoa học và Công nghệ Aisén Etcheverry; Bộ trưởng Mỏ và Năng lượng Diego Pardow.
            """)
        #expect(person(kb, "Esteban Valenzuela") != nil)
        #expect(person(kb, "Aisén Etcheverry") != nil)
        #expect(person(kb, "Diego Pardow") != nil)
    }

    @Test func aCountryWordInsideAVietnameseNameIsPartOfTheName() throws {
        let kb = try read(
            """
            Đón đoàn

            Ngày 5/3/2024, ra sân bay đón đoàn có Bộ trưởng Bộ Nông nghiệp và Môi trường Đỗ Đức Duy; Thứ trưởng Bộ Ngoại giao Đỗ Hùng Việt.
            """)
        #expect(!kb.entities.contains { $0.type == .country && $0.iso == "DE" })
    }
}

extension ReaderShapeTests {
    @Test func theNthAnniversaryWithoutAVerbBeforeIt() throws {
        let kb = try read(
            """
            Minister to visit

            Foreign Minister Aiko Tanaka of Japan will visit Peru on 3 March 2023. The visit will coincide with the 150th anniversary of the establishment of diplomatic relations between Japan and Peru.
            """, lang: "en")
        #expect(kb.anniversaries.contains { $0.years == 150 })
    }
}

extension ReaderShapeTests {
    @Test func aRelativeClauseGivesASummitItsOwnDate() throws {
        let kb = try read(
            """
            Before the summit

            Ahead of the ASEAN Summit that will take place on October 26-28, 2025, Prime Minister Anwar Ibrahim of Malaysia met President Prabowo Subianto of Indonesia on October 24, 2025.
            """, lang: "en")
        let summit = try #require(kb.events.first { $0.kind == .summit })
        #expect(first(summit) == (try PartialDate("2025-10-26")))
    }

    @Test func payingCallsOnSeveralLeadersIsACallOnEach() throws {
        let kb = try read(
            """
            Prime Minister to visit Thailand

            Prime Minister Pham Minh Chinh will pay an official visit to Thailand from May 3 to 4, 2025. In Thailand, Prime Minister Pham Minh Chinh will pay calls to King Maha Vajiralongkorn and President of the Senate Mongkol Surasajja.
            """, lang: "en")
        #expect(kb.events.filter { $0.kind == .courtesyCall }.count == 2)
    }
}

extension ReaderShapeTests {
    @Test func aListOfPastVisitsIsAVisitPerPerson() throws {
        let kb = try read(
            """
            Quan hệ Việt Nam - Ba Lan

            Về phía Việt Nam, có các chuyến thăm Ba Lan của: Thủ tướng Phan Văn Khải (tháng 3/2003), Chủ tịch nước Nguyễn Minh Triết (tháng 5/2008), Thủ tướng Nguyễn Tấn Dũng (tháng 10/2013).
            """, published: "2024-01-10")
        let visits = kb.events.filter { $0.kind.isVisit && iso(kb, $0.location?.country) == "PL" }
        #expect(visits.count == 3)
        #expect(visits.contains { first($0) == (try? PartialDate("2008-05")) })
    }
}

extension ReaderShapeTests {
    @Test func oneSentenceAnnouncingVisitsToSeveralCountries() throws {
        let kb = try read(
            """
            Chủ tịch nước lên đường thăm hai nước châu Phi

            Nhận lời mời của Tổng thống Ghana Nana Akufo-Addo và Tổng thống Kenya William Ruto, sáng 8/3/2024, Chủ tịch nước Võ Văn Thưởng lên đường thăm cấp Nhà nước tới nước Cộng hòa Thống nhất Kenya và Cộng hòa Ghana từ ngày 9-15/3.
            """)
        let visits = kb.events.filter { $0.kind == .stateVisit }
        #expect(Set(visits.compactMap { iso(kb, $0.location?.country) }) == ["GH", "KE"])
        #expect(visits.allSatisfy { first($0) == (try? PartialDate("2024-03-09")) })
        #expect(kb.events.contains { $0.kind == .trip })
    }
}

extension ReaderShapeTests {
    @Test func aVisitNamedWithItsVisitorThenItsPlaceAndDates() throws {
        let kb = try read(
            """
            Chuyến thăm có ý nghĩa lớn

            Chuyến thăm chính thức của Chủ tịch nước Nguyễn Minh Triết tới Campuchia từ ngày 10 đến ngày 12-5-2009 là sự kiện có ý nghĩa lớn đối với quan hệ hai nước.
            """)
        let visit = try #require(kb.events.first { $0.kind == .officialVisit })
        #expect(first(visit) == (try PartialDate("2009-05-10")))
    }
}

/// A person the knowledge base knows under both orders of their name, named both ways in one text.
@Suite struct KnownNameOrderTests {
    @Test func bothOrdersOfAKnownNameAreOnePerson() throws {
        let folder = try TemporaryFolder()
        let store = try folder.store()
        try store.merge(
            KnowledgeBase(entities: [
                Entity(id: "country:jp", type: .country, name: "Japan", iso: "JP"),
                Entity(
                    id: "person:kishida", type: .person, name: "Fumio Kishida", aliases: ["Kishida Fumio"], country: "country:jp"),
            ]), file: "known.json")
        let text = """
            Talks in Tokyo

            Prime Minister Kishida Fumio of Japan held talks with Prime Minister Pham Minh Chinh in Tokyo on May 3, 2024. \
            Prime Minister Fumio Kishida said the two countries would deepen their ties.
            """
        let kb = try PressReleaseReader(options: ImportOptions(lang: .en), store: store).read(text, file: "tokyo.txt")
        let kishida = kb.entities.filter { $0.id == "person:kishida" }
        #expect(kishida.count == 1)
        try store.merge(kb, file: "tokyo.txt")
        let person = try #require(try store.entity("person:kishida"))
        #expect(Set([person.name] + person.aliases).isSuperset(of: ["Fumio Kishida", "Kishida Fumio"]))
    }
}

/// Texts cut where a reader looks one word further: found by `make fuzz`.
@Suite struct CutTextTests {
    @Test func aVisitPhraseAtTheVeryEndOfTheText() throws {
        for ending in ["on a Working Visit to", "on a Working Visit to South Africa and", "chuyến thăm chính thức tới"] {
            let text = "Media statement\n\nThe Minister of Foreign Affairs, Dr Anna Berg, will host her counterpart " + ending
            _ = try? PressReleaseReader(options: ImportOptions(published: try PartialDate("2021-05-21"))).read(
                text, file: "cut.txt")
        }
    }
}

extension ReaderShapeTests {
    @Test func aCaptionGivenTwiceIsNoTeaser() throws {
        let kb = try read(
            """
            Hai nước ra tuyên bố chung

            Ngày 4/5/2024, hai nước Việt Nam và Chile ra tuyên bố chung về hợp tác kinh tế, thương mại và giáo dục trong giai đoạn mới.

            Chủ tịch nước và Tổng thống Chile Gabriel Boric tại lễ đón. (Ảnh: TTXVN)
            Chủ tịch nước và Tổng thống Chile Gabriel Boric tại lễ đón. (Ảnh: TTXVN)

            Nhận lời mời của Tổng thống Chile Gabriel Boric, Chủ tịch nước Nguyễn Văn Bình đã thăm cấp Nhà nước Chile từ ngày 2 đến ngày 4 tháng 5 năm 2024.
            """, lang: "vi")
        let visit = try #require(kb.events.first { $0.kind == .stateVisit })
        #expect(visit.start?.description == "2024-05-02")
        #expect(visit.end?.description == "2024-05-04")
    }

    /// What a photo inside the article shows is read, its credit is not; a caption whose words
    /// were saved run together, or one above the lead, is not read.
    @Test func aCaptionInsideTheArticleIsReadWithoutItsCredit() throws {
        let kb = try read(
            """
            Leaders meet in Canberra

            Prime Minister Anna Berg of Sweden held talks with Australian Prime Minister Tom Grady in Canberra on 4 May 2024.

            Prime Minister Anna Berg and Prime Minister Tom Grady speak to the media. (Photo: Eric Draper)

            The two leaders agreed to deepen cooperation in trade, education and clean energy.
            """, lang: "en")
        #expect(kb.events.contains { $0.kind == .pressConference })
        #expect(!kb.entities.contains { $0.name.contains("Draper") })
        let runTogether = try read(
            """
            Leaders meet in Canberra

            Prime Minister Anna Berg of Sweden held talks with Australian Prime Minister Tom Grady in Canberra on 4 May 2024.

            Prime Minister of SwedenAnna Berg and Prime Minister Tom Grady speak to the media. (Photo: Eric Draper)
            """, lang: "en")
        #expect(!runTogether.events.contains { $0.kind == .pressConference })
        #expect(!runTogether.entities.contains { $0.name.contains("SwedenAnna") })
    }

    @Test func aTitleEndingWithAPartyHeadWordThenThePartysNameAndCountry() throws {
        let kb = try read(
            """
            Tin đối ngoại

            Ngày 9/6/2024, Tổng Bí thư Đảng Cộng sản Việt Nam Nguyễn Văn Bình đã tiếp Chủ tịch Đảng Dân chủ Xã hội Ong Ka Lim tại Hà Nội.
            """, lang: "vi")
        let names = Set(kb.entities.filter { $0.type == .person }.map(\.name))
        #expect(names == ["Nguyễn Văn Bình", "Ong Ka Lim"])
    }
}

extension ReaderShapeTests {
    @Test func aDayAndMonthJoinedByAHyphenAfterAWordForTheDay() throws {
        let kb = try read(
            """
            Gặp gỡ bạn cũ

            Tổng thống Chile Gabriel Boric đã có một cuộc gặp thân mật vào tối 9-11 với nguyên Chủ tịch nước Nguyễn Văn Bình tại Hà Nội.
            """, published: "2023-11-10", lang: "vi")
        let meeting = try #require(kb.events.first { $0.kind.family == .meeting })
        #expect(first(meeting)?.description == "2023-11-09")
    }

    @Test func theCallToldOfAgainIsTheSameCall() throws {
        let kb = try read(
            """
            Hai Bộ trưởng điện đàm

            Chiều 26/10/2023, Bộ trưởng Ngoại giao Nguyễn Văn Bình điện đàm với Bộ trưởng Ngoại giao Chile Alberto van Klaveren.

            Tại điện đàm, Bộ trưởng Nguyễn Văn Bình khẳng định Việt Nam coi trọng quan hệ với Chile.
            """, lang: "vi")
        #expect(kb.events.filter { $0.kind == .phoneCall }.count == 1)
    }

    @Test func aCountryIsShownByThePresssName() throws {
        let kb = try read(
            """
            Tin ngắn

            Ngày 5/3/2025, Bộ trưởng Ngoại giao Nguyễn Văn Bình đã thăm chính thức Trung Quốc và Myanmar.
            """, lang: "vi")
        let names = Set(kb.entities.filter { $0.type == .country }.map(\.name))
        #expect(names.isSuperset(of: ["Trung Quốc", "Myanmar"]))
        #expect(!names.contains { $0.contains("đại lục") || $0.contains("(") })
    }
}

extension ReaderShapeTests {
    @Test func aDayAndMonthJoinedByAFullStop() throws {
        let kb = try read(
            """
            Hội kiến tại Cairo

            Sáng 6.8, tại Cairo, Chủ tịch nước Nguyễn Văn Bình đã hội kiến Chủ tịch Hạ viện Ai Cập Omar Fathy.
            """, published: "2025-08-07", lang: "vi")
        let meeting = try #require(kb.events.first { $0.kind == .meeting })
        #expect(meeting.start?.description == "2025-08-06")
    }

    @Test func aMeetingBetweenTwoLeadersIsOneMeeting() throws {
        let kb = try read(
            """
            Ministers travel

            Building on the meeting between Prime Minister Anthony Albanese of Australia and President Xi Jinping of China in Bali, the two foreign ministers will meet next week.
            """, published: "2022-12-19", lang: "en")
        let meetings = kb.events.filter { $0.kind == .meeting && $0.participants.count >= 2 }
        #expect(meetings.count == 1)
    }

    @Test func theYearOfACelebratedAnniversaryDatesAYearlessText() throws {
        let kb = try read(
            """
            Lễ kỷ niệm 30 năm quan hệ ngoại giao

            Ngày 9/8, tại Hà Nội, Đại sứ quán Chile tổ chức Lễ kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Chile.

            Hai nước thiết lập quan hệ ngoại giao năm 1971.
            """, lang: "vi")
        let ceremony = try #require(kb.events.first { $0.kind == .ceremony })
        #expect(first(ceremony)?.description == "2001-08-09")
    }
}

extension ReaderShapeTests {
    @Test func aNameWithoutTitleBeforeOrAfterAVerbOfAnEventIsAPerson() throws {
        let kb = try read(
            """
            Leaders to meet

            Hage Geingob left for Luanda on Tuesday morning. On Wednesday he will meet with Carlos Alberto Mendes at the palace. The Joint Declaration was signed later.
            """, published: "2023-05-02", lang: "en")
        let names = Set(kb.entities.filter { $0.type == .person }.map(\.name))
        #expect(names == ["Hage Geingob", "Carlos Alberto Mendes"])
        #expect(kb.events.contains { $0.kind == .visit && $0.participants.contains { $0.entity == "person:hage-geingob" } })
    }
}

extension ReaderShapeTests {
    @Test func aWeekdayEndsANameAndASummitThatWillTakePlaceIsPlanned() throws {
        let kb = try read(
            """
            Meetings in Bali

            Before the ASEAN Summit that will take place on May 10-11, 2023, President Maria Lopes Tuesday (5/9) met with Prime Minister of Thailand Somchai Wongsa in Jakarta.
            """, published: "2023-05-10", lang: "en")
        #expect(kb.entities.contains { $0.type == .person && $0.name == "Maria Lopes" })
        let summit = try #require(kb.events.first { $0.kind == .summit })
        #expect(summit.status == .planned)
        let meeting = try #require(kb.events.first { $0.kind == .meeting })
        #expect(first(meeting)?.description == "2023-05-09")
    }

    @Test func meetingsToldOfAsAWholeDateTheOnesNamedAfter() throws {
        let kb = try read(
            """
            Talks in Oslo

            Before the Nordic Council session that opens on March 8, 2023, Prime Minister Anna Berg on Tuesday (3/7) held bilateral meetings with the heads of government of the region in Oslo.
            In her meeting with Prime Minister Lars Holm of Denmark, Prime Minister Berg spoke of energy links.
            During a meeting with President Sauli Kettunen of Finland, Prime Minister Berg raised trade.
            """, published: "2023-03-08", lang: "en")
        let meetings = kb.events.filter { $0.kind == .meeting }
        #expect(meetings.count == 2)
        // The meetings are those of Tuesday, not the session's dates nor the page's.
        #expect(meetings.allSatisfy { first($0)?.description == "2023-03-07" })
    }

    @Test func aWeekdayInAPageDatedByItsMonthIsADayOfThatMonth() throws {
        let kb = try read(
            """
            President leaves for Lima

            President Maria Lopes left for Lima on Thursday morning for a visit to Peru.
            """, published: "2025-05", lang: "en")
        let visit = try #require(kb.events.first { $0.kind.isVisit })
        #expect(first(visit)?.description == "2025-05")
    }

    @Test func holdingBilateralMeetingsWithTwoLeadersIsAMeetingWithEach() throws {
        let kb = try read(
            """
            President to visit Fiji

            President Droupadi Murmu will visit Fiji on 5-6 August 2024. President Murmu will be holding bilateral meetings with President Wiliame Katonivere and Prime Minister Sitiveni Rabuka.
            """, published: "2024-07-30", lang: "en")
        #expect(kb.events.filter { $0.kind == .meeting }.count == 2)
    }
}

extension ReaderShapeTests {
    @Test func anOfficialNamedByATitleAloneTakesPartForTheirCountry() throws {
        let kb = try read(
            """
            Talks in Hanoi

            On 6 May 2024, Prime Minister Anna Berg of Sweden held talks with the Japanese Prime Minister in Hanoi.
            """, published: "2024-12-01", lang: "en")
        let talks = try #require(kb.events.first { $0.kind == .talks })
        #expect(countries(kb, talks).isSuperset(of: ["SE", "JP"]))
    }

    @Test func theTitlesAfterANameAreThatPersonsNotAnotherSide() throws {
        let kb = try read(
            """
            Tiếp Đại sứ

            Ngày 27/3/2014, Bộ trưởng Ngoại giao Nguyễn Văn Bình đã tiếp Ngài Pavel Novak, Đại sứ Cộng hòa Séc tại Việt Nam đến chào xã giao.
            """, lang: "vi")
        #expect(kb.events.filter { $0.kind.family == .meeting }.count == 1)
    }
}

extension ReaderShapeTests {
    @Test func ambassadorsWhoCameToPresentTheirCredentialsAtAReceptionThatWasHeld() throws {
        let kb = try read(
            """
            Leader receives new ambassadors

            President Nguyen Van Binh hosted receptions in Hanoi on Wednesday for the new ambassadors of Thailand and India, who came to present their credentials.
            """, published: "2019-08-08", lang: "en")
        let ceremony = try #require(kb.events.first { $0.kind == .ceremony })
        #expect(ceremony.status == .held)
        #expect(first(ceremony)?.description == "2019-08-07")
    }
}

extension ReaderShapeTests {
    @Test func oneNamedRightBeforeAVisitVerbIsTheVisitorThoughAnEarlierEventTookThemAsObject() throws {
        let kb = try read(
            """
            Đón Chủ tịch Quốc hội Chile

            Ngày 21/10/2025, Chủ tịch Quốc hội Nguyễn Văn Bình chủ trì lễ đón và hội đàm, chiêu đãi Chủ tịch Thượng viện Chile Ana Rojas. Tại hội đàm, Chủ tịch Quốc hội Nguyễn Văn Bình chào mừng Chủ tịch Thượng viện Chile Ana Rojas thăm chính thức Việt Nam.
            """, published: "2025-10-22", lang: "vi")
        let visit = try #require(kb.events.first { $0.kind == .officialVisit })
        #expect(visit.participants.contains { $0.entity == "person:ana-rojas" && $0.role == .guest })
        #expect(kb.events.contains { $0.kind == .other })
    }
}

extension ReaderShapeTests {
    @Test func oneWordOfANameIsThatNameOnlyWithItsMarks() throws {
        let kb = try read(
            """
            Quan hệ Việt Nam - Ba Lan

            Ngày 3/4/2024, Chủ tịch nước Võ Văn Thưởng đã tiếp Đại sứ Ba Lan Anna Nowak. Hai bên bàn về Hiệp định Thương mại tự do. Thưởng cho biết hai nước sẽ hợp tác.
            """, lang: "vi")
        let names = kb.entities.filter { $0.type == .person }.map(\.name)
        // "Thương mại" (trade) is no mention of "Thưởng"; "Thưởng cho biết" is.
        #expect(names.sorted() == ["Anna Nowak", "Võ Văn Thưởng"])
    }
}

extension ReaderShapeTests {
    @Test func whatIsAnnouncedForTheDayOfTheTalksHeldTakesTheirDay() throws {
        let kb = try read(
            """
            Talks in Warsaw

            Prime Minister Anna Berg held talks with Prime Minister Jan Kowal of Poland in Warsaw on 22 August 2024. Prime Minister Berg will also meet President Piotr Nowak of Poland.
            """, published: "2024-08-22", lang: "en")
        let meeting = try #require(kb.events.first { $0.kind == .meeting })
        #expect(meeting.status == .planned)
        #expect(first(meeting)?.description == "2024-08-22")
    }
}

extension ReaderShapeTests {
    @Test func aCeremonyOfACountrysPresidentElectTakesTheDateAfterTheirName() throws {
        let kb = try read(
            """
            Inauguration in Lima

            President Luiz Carlos Duarte Mendes attended the inauguration ceremony of Peru's President-elect Rosa Quispe on Friday, July 28, in Lima. Duarte met with President-elect Quispe the day before.
            """, published: "2028-07", lang: "en")
        let names = Set(kb.entities.filter { $0.type == .person }.map(\.name))
        // "Duarte" alone is the inner word of the full name given before: the same person.
        #expect(names == ["Luiz Carlos Duarte Mendes", "Rosa Quispe"])
        let ceremony = try #require(kb.events.first { $0.kind == .ceremony })
        #expect(first(ceremony)?.description == "2028-07-28")
    }
}

extension ReaderShapeTests {
    @Test func arrangingTimeForAMeetingIsNoAnnouncement() throws {
        let kb = try read(
            """
            Gặp gỡ

            Tổng thống Chile Ana Rojas đã sắp xếp thời gian để có cuộc gặp với Chủ tịch nước Nguyễn Văn Bình tối 9/11.
            """, published: "2017-11-10", lang: "vi")
        // "sắp xếp" (arrange) is not "sắp" (about to).
        let meeting = try #require(kb.events.first { $0.kind == .meeting })
        #expect(meeting.status == .held)
    }
}

extension ReaderShapeTests {
    @Test func visitsToTwoCountriesEachWithItsDatesAndAParagraphsPlace() throws {
        let kb = try read(
            """
            Prime Minister to visit Cambodia and Laos

            Prime Minister Anna Berg will pay official visits to the Kingdom of Cambodia from April 24 to 25 and to Laos from April 26 to 27.
            In Cambodia, Prime Minister Anna Berg will hold talks with Prime Minister Sok Dara. Prime Minister Anna Berg will pay calls to King Norodom Vira.
            """, published: "2017-04-20", lang: "en")
        let visits = kb.events.filter { $0.kind == .officialVisit }
        #expect(
            visits.map { "\(iso(kb, $0.location?.country) ?? "-") \(first($0)?.description ?? "-")" }.sorted() == [
                "KH 2017-04-24", "LA 2017-04-26",
            ])
        // A range that ends the sentence ("from April 26 to 27.") keeps its end.
        #expect(visits.contains { $0.end?.description == "2017-04-27" })
        // The call's sentence names no place: the paragraph's "In Cambodia" holds, and the visit there dates it.
        let call = try #require(kb.events.first { $0.kind == .courtesyCall })
        #expect(first(call)?.description == "2017-04-24")
    }
}

extension ReaderShapeTests {
    @Test func aForumToBeHeldInACityOnADayTakesThatDay() throws {
        let kb = try read(
            """
            Briefing

            Next, Foreign Minister Anna Berg will deliver opening remarks at the 2022 Nordic-Andean Cooperation Forum to be held in Busan on Tuesday, July 5.
            """, published: "2022-06-30", lang: "en")
        let forum = try #require(kb.events.first { $0.kind == .conference })
        #expect(first(forum)?.description == "2022-07-05")
    }
}

extension ReaderShapeTests {
    @Test func honorificsOfBhutanAndOneInBrackets() throws {
        let kb = try read(
            """
            Visit to Bhutan

            Foreign Minister Anna Berg will make an official visit to Bhutan from 29-30 April 2022, at the invitation of Hon’ble Lyonpo (Dr.) Tandi Dorji, Minister for Foreign Affairs. Berg will also call on Lyonchhen (Dr.) Lotay Tshering, Prime Minister, and meet with Lyonpo (Dr.) Tandi Dorji.
            """, published: "2022-04-28", lang: "en")
        let names = Set(kb.entities.filter { $0.type == .person }.map(\.name))
        #expect(names == ["Anna Berg", "Tandi Dorji", "Lotay Tshering"])
        #expect(kb.events.contains { $0.kind == .courtesyCall })
        #expect(kb.events.contains { $0.kind == .meeting })
    }
}

extension ReaderShapeTests {
    @Test func theSentencesOneDateIsTheDayOfEachOfItsEvents() throws {
        let kb = try read(
            """
            Leader receives new ambassadors

            Party General Secretary, President Nguyễn Văn Bình hosted receptions in Hà Nội on Wednesday for the new ambassadors of Thailand, Colombia, Germany and Kazakhstan, who came to present their credentials.
            """, published: "2019-08-08", lang: "en")
        // "on Wednesday" is the receptions' own date, and the credentials' day too.
        let ceremony = try #require(kb.events.first { $0.kind == .ceremony })
        #expect(first(ceremony)?.description == "2019-08-07")
    }
}

extension ReaderShapeTests {
    @Test func oneHostedOnAVisitIsTheVisitorAndTheHostIsWhoHosts() throws {
        let kb = try read(
            """
            Media statement

            The Minister of Foreign Affairs, Dr Anna Berg, will host her Kenyan counterpart, Dr Peter Mwangi, on a Working Visit to Sweden on Friday, 21 May 2021 in Stockholm.
            """, published: "2021-05-20", lang: "en")
        let visit = try #require(kb.events.first { $0.kind == .workingVisit })
        #expect(visit.participants.contains { $0.entity == "person:peter-mwangi" && $0.role == .guest })
        #expect(visit.participants.contains { $0.entity == "person:anna-berg" && $0.role == .host })
    }
}

extension ReaderShapeTests {
    @Test func aNameWithItsTitlesAfterItIsAPersonAndTheRelativePronounReachesIt() throws {
        let kb = try read(
            """
            Courtesy call

            President Anna Berg received Marco Ventura, Prime Minister of Italy, who is visiting Sweden from 10 to 14 May 2024.
            """, published: "2024-05-12", lang: "en")
        // Plain name words before ", Prime Minister of Italy" are his name, and "who is visiting" is his visit.
        let person = try #require(kb.entities.first { $0.id == "person:marco-ventura" })
        #expect(person.name == "Marco Ventura")
        let visit = try #require(kb.events.first { $0.kind.isVisit })
        #expect(visit.participants.contains { $0.entity == "person:marco-ventura" && $0.role == .guest })
        #expect(!visit.participants.contains { $0.entity == "person:anna-berg" && $0.role == .guest })
    }
}

extension ReaderShapeTests {
    @Test func aMeetingNamedWithADayOfItsOwnIsOneThoughThePairMetBefore() throws {
        let kb = try read(
            """
            Gặp lại người bạn cũ

            Dù lịch làm việc dày đặc, Tổng thống Peru Carlos Ruiz vẫn dành thời gian cho một cuộc gặp thân mật vào tối 14-3 với nguyên Chủ tịch nước Trần Văn Hải.
            Năm 2012, Tổng thống Carlos Ruiz đã gặp Chủ tịch nước Trần Văn Hải tại Lima.
            """, published: "2019-03-14", lang: "vi")
        // The pair met in 2012; the meeting of 14 March is another, on its own day.
        let meetings = kb.events.filter { $0.kind.family == .meeting }
        #expect(meetings.contains { first($0)?.description == "2019-03-14" })
        #expect(meetings.count == 2)
    }
}

extension ReaderShapeTests {
    @Test func anUntitledNameFoundBesideAnEventWordIsKnownInTheOtherSentences() throws {
        let kb = try read(
            """
            Leader travels abroad

            Marta Olsen left for Lima on Monday morning. Marta Olsen had earlier been in Peru to take part in the inauguration ceremony of its president.
            """, published: "2025-05-02", lang: "en")
        // Found first by "left for", the name is hers again where no event word stands beside it.
        let ceremony = try #require(kb.events.first { $0.kind == .ceremony })
        #expect(ceremony.participants.contains { $0.entity == "person:marta-olsen" })
    }
}

extension ReaderShapeTests {
    @Test func aStateVisitConductedToTwoCountriesWithTheMonthOnTheLastDayOnly() throws {
        let kb = try read(
            """
            Thông báo của Bộ Ngoại giao

            Ngày 2-5, Bộ Ngoại giao cho biết Chủ tịch nước Trần Văn Hải sẽ tiến hành chuyến thăm cấp Nhà nước tới Ai Cập từ ngày 7 đến 9-5 và tới Kenya từ ngày 9 đến 11-5.
            """, published: "2023-05-02", lang: "vi")
        // "tiến hành chuyến thăm" is a visit made; "từ ngày 7 đến 9-5" gives its month on the last day.
        let visits = kb.events.filter { $0.kind == .stateVisit }
        #expect(visits.count == 2)
        #expect(Set(visits.compactMap { $0.start?.description }) == ["2023-05-07", "2023-05-09"])
        #expect(Set(visits.compactMap { $0.end?.description }) == ["2023-05-09", "2023-05-11"])
        #expect(visits.allSatisfy { $0.status == .planned })
    }
}

extension ReaderShapeTests {
    @Test func aDatelineDatesWhatWasDoneNotWhatItAnnounces() throws {
        let announced = try read(
            """
            Visit announced

            STOCKHOLM, May 5 (Nordic News) -- Japanese Prime Minister Kenji Sato will visit Sweden next week for talks with Prime Minister Anna Berg, her office said.
            """, published: "2024-05-05", lang: "en")
        let talks = try #require(announced.events.first { $0.kind == .talks })
        // Within next week, as the visit it belongs to.
        #expect(talks.within?.map(\.description) == ["2024-05-06", "2024-05-12"])
        let held = try read(
            """
            Leaders meet

            STOCKHOLM, May 5 (Nordic News) -- Prime Minister Anna Berg held talks with Japanese Prime Minister Kenji Sato in Stockholm.
            """, published: "2024-05-06", lang: "en")
        #expect(held.events.first { $0.kind == .talks }.flatMap(first)?.description == "2024-05-05")
    }
}

extension ReaderShapeTests {
    @Test func levelsWrittenTheWaysThePressWritesThem() throws {
        let vi = try read(
            """
            Tin đối ngoại

            Ngày 3/4/2024, Thủ tướng Trần Văn Hải cho biết chuyến thăm nhằm thúc đẩy quan hệ đối tác, hợp tác chiến lược toàn diện giữa Việt Nam và Trung Quốc.
            """, published: "2024-04-03", lang: "vi")
        #expect(vi.partnerships.map(\.level.key) == ["comprehensive_strategic_partnership"])
        let en = try read(
            """
            Embassy news

            On 3 April 2024, Ambassador Anna Berg said the visit marked a milestone in the over-50-year diplomatic relationship between Sweden and Vietnam.
            """, published: "2024-04-03", lang: "en")
        #expect(en.partnerships.map(\.level.key) == ["diplomatic_relations"])
    }
}

extension ReaderShapeTests {
    @Test func theTwoCountriesAreTheLastPairNamedWithAPartnership() throws {
        let kb = try read(
            """
            Thông tin cơ bản

            Nhận lời mời của Tổng thống Ai Cập và Tổng thống Kenya, Chủ tịch nước Trần Văn Hải sẽ thăm cấp Nhà nước Kenya từ ngày 9 đến 11-5.
            * Việt Nam và Ai Cập thiết lập quan hệ ngoại giao ngày 1-9-1963. Năm 2010, hai nước đã thiết lập quan hệ Đối tác toàn diện.
            """, published: "2023-05-02", lang: "vi")
        // "hai nước" is Việt Nam and Egypt, named in the sentence before, not the visit's Kenya.
        let comprehensive = try #require(kb.partnerships.first { $0.level.key == "comprehensive_partnership" })
        #expect(Set(comprehensive.parties) == ["country:vn", "country:eg"])
    }
}

extension ReaderShapeTests {
    @Test func theOneNamedAfterAnOpeningVisitPhraseMakesTheVisitAndWhatFollows() throws {
        let kb = try read(
            """
            Tin đối ngoại

            date 2018-03 Trong khuôn khổ chuyến thăm chính thức Nhật Bản từ 12-14/3/2018, chiều ngày 13/3, Thủ tướng Trần Văn Hải đã có cuộc điện đàm với Thủ tướng Nhật Bản Kenji Sato.
            """, lang: "vi")
        let visit = try #require(kb.events.first { $0.kind == .officialVisit })
        #expect(visit.participants.contains { $0.entity == "person:tran-van-hai" && $0.role == .guest })
        let call = try #require(kb.events.first { $0.kind == .phoneCall })
        #expect(Set(call.participants.map(\.entity)) == ["person:tran-van-hai", "person:kenji-sato"])
    }
}

extension ReaderShapeTests {
    @Test func theVisitingMinisterCallsOnOneNamedWithAnHonorificAndTitlesAfter() throws {
        let kb = try read(
            """
            Visit of the State Minister

            Mr. Aki Tanaka, State Minister for Foreign Affairs of Japan, arrived in Kathmandu, Nepal on 30 August 2016. The visiting State Minister paid a courtesy call on the Rt. Hon’ble Mrs. Maya Rai, President of Nepal, at her residence this afternoon. He also called on the Rt. Hon. Prime Minister Mr. Hari Gurung at his office.
            """, published: "2016-08-30", lang: "en")
        let calls = kb.events.filter { $0.kind == .courtesyCall }
        #expect(calls.count == 2)
        for call in calls {
            // The visitor calls; the one called on is not taken for the visitor too.
            let people = call.participants.compactMap { participant in kb.entities.first { $0.id == participant.entity }?.name }
            #expect(people.contains("Aki Tanaka"))
            #expect(Set(people).count == people.count)
        }
        #expect(person(kb, "Maya Rai") != nil)
    }
}

extension ReaderShapeTests {
    @Test func aPossessiveEndsANameBeforeTheCapitalisedNameOfAVisit() throws {
        let kb = try read(
            """
            Signing in Accra

            The signing of the agreement was a highlight of President Lindiwe Mokoena’s Working Visit to Ghana on 5 December 2019.
            """, published: "2019-12-05", lang: "en")
        #expect(person(kb, "Lindiwe Mokoena") != nil)
        #expect(!kb.entities.contains { $0.name.contains("Working Visit") })
        #expect(kb.events.contains { $0.kind == .workingVisit && $0.start?.description == "2019-12-05" })
    }
}

extension ReaderShapeTests {
    @Test func theSubjectAfterAnOpeningPhraseIsNotTheGatheringsObject() throws {
        let kb = try read(
            """
            Hội đàm tại Rio

            Trong khuôn khổ chuyến công tác Brazil, tham dự Hội nghị thượng đỉnh G20 tại thành phố Rio de Janeiro, ngày 17/11/2024, Thủ tướng Trần Văn Hải đã có cuộc hội đàm với Tổng thống Brazil Pedro Alves.
            """, published: "2024-11-18", lang: "vi")
        let talks = try #require(kb.events.first { $0.kind == .talks })
        let people = talks.participants.compactMap { participant in kb.entities.first { $0.id == participant.entity }?.name }
        #expect(Set(people) == ["Trần Văn Hải", "Pedro Alves"])
        #expect(kb.events.filter { $0.kind == .talks }.count == 1)
    }

    @Test func whoMeetsOnTheSidelinesOfASummitIsAtItAndNotOfItsHostCountry() throws {
        let kb = try read(
            """
            Leaders meet in Bali

            Prime Minister Anna Berg met President Kenji Sato in Bali on the sidelines of the G20 Summit on 15 November 2022. Sweden and Japan agreed to meet again next year.
            """, source: "https://www.example.gov.se/press/bali", lang: "en")
        let summit = try #require(kb.events.first { $0.kind == .summit })
        #expect(summit.participants.count == 2)
        // Neither is of Indonesia, where they met: both came to the summit.
        #expect(iso(kb, person(kb, "Anna Berg")?.country) == "SE")
        #expect(iso(kb, person(kb, "Kenji Sato")?.country) != "ID")
    }
}

extension ReaderShapeTests {
    @Test func aNameJoinedToATitledOneBeforeTheVerbIsAPersonAndLastEveningIsTheDayBefore() throws {
        let kb = try read(
            """
            Leaders speak by phone

            Arvind Mehta and US President John Carter held a telephonic conversation last evening and exchanged greetings.
            """, published: "2019-01-09", lang: "en")
        #expect(person(kb, "Arvind Mehta") != nil)
        let call = try #require(kb.events.first { $0.kind == .phoneCall })
        #expect(call.participants.count == 2)
        #expect(call.start?.description == "2019-01-08")
    }
}

extension ReaderShapeTests {
    @Test func aMinistrysFieldAfterTheTitleIsItsPortfolioNotTheName() throws {
        let kb = try read(
            """
            Lễ đón

            Tham dự lễ đón có: Bộ trưởng Công Thương Trần Văn An, Bộ trưởng NN&PTNT Lê Thị Bình; Bộ trưởng Tài chính Phạm Văn Cường.
            """, published: "2024-05-02", lang: "vi")
        for name in ["Trần Văn An", "Lê Thị Bình", "Phạm Văn Cường"] { #expect(person(kb, name) != nil) }
        #expect(!kb.entities.contains { $0.type == .person && ($0.name.hasPrefix("Công") || $0.name == "NN") })
    }
}

extension ReaderShapeTests {
    @Test func aSecretarysTitleIsNoSigning() throws {
        let kb = try read(
            """
            Hội đàm

            Ngày 5/9/2016, Tổng thống Nga Ivan Petrov đã hội đàm với Tổng thống Mỹ John Carter. Thư ký báo chí Điện Kremlin Pavel Orlov cho biết hai bên trao đổi về tình hình khu vực.
            """, published: "2016-09-06", lang: "vi")
        #expect(!kb.events.contains { $0.kind == .signing })
        #expect(kb.events.contains { $0.kind == .talks })
    }

    /// "held a virtual summit", "an online summit between A and B": two leaders' summit, named by no one.
    @Test func aSummitOfTwoLeadersNeedsNoName() throws {
        let kb = try read(
            """
            Leaders meet online

            On 4 June 2020, Prime Minister Tom Reid and Prime Minister Kenji Sato of Japan held a virtual summit.
            """, lang: "en")
        let summit = try #require(kb.events.first { $0.kind == .summit })
        #expect(summit.title == "Summit: Tom Reid, Kenji Sato")
        #expect(summit.start?.description == "2020-06-04")
        // "hội đàm thượng đỉnh" is talks at the top, not a summit as well.
        let vi = try read(
            """
            Tổng thống sẽ thăm Nhật Bản

            Ngày 13/8/2025, Văn phòng Tổng thống cho biết Tổng thống Lee Min-ho sẽ hội đàm thượng đỉnh với Thủ tướng Nhật Bản Sato Kenji.
            """, lang: "vi")
        #expect(!vi.events.contains { $0.kind == .summit })
    }

    /// "Tại buổi tiếp Đại sứ X chiều 22/6, ...", "during a reception for Ambassador X on June 22": the
    /// reception's own date comes right after the one it is given to.
    @Test func aReceptionTakesTheDateAfterItsGuest() throws {
        let vi = try read(
            """
            Chủ tịch nước tiếp Đại sứ

            Thứ tư, ngày 22/06/2022

            Tại buổi tiếp Đại sứ Nhật Bản Sato Kenji chiều 22/6, Chủ tịch nước Trần Văn Hải khẳng định Việt Nam coi trọng quan hệ với Nhật Bản.
            """, lang: "vi")
        let meeting = try #require(vi.events.first { $0.kind == .meeting })
        #expect(meeting.start?.description == "2022-06-22")
        let en = try read(
            """
            President receives envoy

            22 June 2022

            President Tran Van Hai made the remark during a reception for Japanese Ambassador Sato Kenji on June 20.
            """, lang: "en")
        let reception = try #require(en.events.first { $0.kind == .meeting })
        #expect(reception.start?.description == "2022-06-20")
    }

    /// "held a reception to mark the 65th anniversary of ...", "tổ chức lễ kỷ niệm 65 năm ...": a
    /// ceremony of its own, whoever is named at it, with the two countries as its sides and the
    /// anniversary it marks.
    @Test func aCelebrationOfAnAnniversaryIsACeremony() throws {
        for (text, lang) in [
            (
                "Embassy marks anniversary\n\n25 August 2022\n\nThe Embassy of Chile in Peru held a reception on Wednesday to mark the 65th anniversary of Chile-Peru diplomatic relations.",
                "en"
            ),
            (
                "Lễ kỷ niệm\n\nNgày 25/8/2022\n\nNgày 24/8, Đại sứ quán Chile tại Peru tổ chức lễ kỷ niệm 65 năm thiết lập quan hệ ngoại giao Chile - Peru.",
                "vi"
            ),
        ] {
            let kb = try read(text, lang: lang)
            let ceremony = try #require(kb.events.first { $0.kind == .ceremony }, "\(text)")
            #expect(ceremony.start?.description == "2022-08-24", "\(text)")
            #expect(countries(kb, ceremony) == ["CL", "PE"], "\(text)")
            #expect(kb.anniversaries.map(\.years) == [65], "\(text)")
        }
        // Not a word of celebration alone: "the celebration will include music" is no ceremony.
        let plain = try read("Festival\n\n25 August 2022\n\nThe celebration will include music and dance.", lang: "en")
        #expect(plain.events.isEmpty)
    }

    /// "presented her credentials to the President of Mongolia", then the other envoys "also presented
    /// their credentials to President X": one ceremony of that day, its date after the verb, the
    /// president's country a side.
    @Test func envoysPresentingCredentialsToOnePresidentAreOneCeremony() throws {
        let kb = try read(
            """
            New envoys

            4 July 2016

            Ambassador Pedro Rojas of Chile presented his credentials to the President of Mongolia in Ulaanbaatar on Saturday. Ambassador Ana Diaz of Peru also presented her credentials to the President of Mongolia on Saturday.
            """, lang: "en")
        let ceremonies = kb.events.filter { $0.kind == .ceremony }
        #expect(ceremonies.count == 1)
        let ceremony = try #require(ceremonies.first)
        #expect(ceremony.start?.description == "2016-07-02")
        #expect(countries(kb, ceremony).isSuperset(of: ["CL", "MN"]))
        // Not one welcomed: "welcomed the Indonesian leader to a meeting" makes no ceremony of Indonesia.
        let welcome = try read(
            "Leaders meet\n\n8 September 2007\n\nPresident Tom Reid welcomed the Indonesian leader to a morning meeting on Saturday.",
            lang: "en")
        #expect(!welcome.events.contains { $0.kind == .ceremony })
    }
}

extension ReaderShapeTests {
    /// A frame that only mentions an event ("the trip to Mongolia") is added after the rest; the one
    /// doing it is who the text told of by then, not the one of an event found later in the text.
    @Test func aMentionTakesItsProtagonistFromWhatCameBefore() throws {
        let kb = try read(
            """
            Briefing

            Hanoi, September 26 - At the regular press briefing, Spokesperson Le Thu Ha announced upcoming activities.

            President Tran Van Minh will pay an official visit to Mongolia and an official visit to France from September 30 to October 7.

            The trip to Mongolia takes place as the two countries celebrate the 70th anniversary of their diplomatic relations this year.

            Prime Minister Le Van Nam will attend the 44th and 45th ASEAN Summits and related summits in Vientiane, Laos, from October 8 to 11.
            """)
        #expect(kb.partnerships.map { Set($0.parties) } == [["country:mn", "country:vn"]])
        #expect(kb.events.contains { $0.kind == .summit && $0.title.contains("ASEAN") })
    }
}

extension ReaderShapeTests {
    /// "A, the Foreign Secretary, met B, the Japanese Foreign Minister": titles set off after their
    /// holders with "the"; and the one of no stated country is not given the country of the one
    /// person they met (two officials of one country rarely hold a bilateral meeting).
    @Test func aTitleAfterTheNameWithTheAndNoCountryFromTheOneMet() throws {
        let kb = try read(
            """
            Foreign Secretary meets Japanese counterpart

            Anna Berg, the Foreign Secretary, has today met with Kenji Sato, the Japanese Foreign Minister, in Tokyo.
            """, published: "2018-01-23", lang: "en")
        let person = { (name: String) in kb.entities.first { $0.type == .person && $0.name == name } }
        #expect(person("Kenji Sato")?.country == "country:jp")
        #expect(person("Anna Berg") != nil)
        #expect(person("Anna Berg")?.country != "country:jp")
        #expect(kb.events.filter { $0.kind == .meeting }.count == 1)
        // Not a place named before a clause whose subject is a title: "a release from the Palace, the President ... accepted".
        let release = try read(
            """
            Envoys present credentials

            According to a release from the Rashtrapati Bhavan, the President of India accepted credentials from three ambassadors on 11 May 2023.
            """, lang: "en")
        #expect(!release.entities.contains { $0.type == .person && $0.name.contains("Bhavan") })
    }
}

extension ReaderShapeTests {
    /// "..., gặp lãnh đạo Nga, Ấn Độ và Liên hợp quốc" (a headline) then "hội kiến Tổng thống Nga X" and
    /// "gặp Thủ tướng Ấn Độ Y" (the body): the leaders the headline names by their country alone are those
    /// the body names; one meeting each, on the body's days, not two more with no date.
    @Test func aHeadlinesLeadersOfCountriesAreTheOnesTheBodyNames() throws {
        let kb = try read(
            """
            Thủ tướng Lê Văn An dự hội nghị thượng đỉnh BRICS mở rộng, gặp lãnh đạo Nga, Ấn Độ và Liên hợp quốc

            Kazan, 24/10 (TTXVN) - Trong khuôn khổ chuyến công tác tại Liên bang Nga từ 22-24/10, sáng 24/10, Thủ tướng Lê Văn An dự hội nghị thượng đỉnh BRICS mở rộng tại thành phố Kazan.

            Bên lề hội nghị, cùng ngày, Thủ tướng Lê Văn An đã hội kiến Tổng thống Nga Ivan Petrov. Hai nhà lãnh đạo trao đổi về hợp tác năng lượng.

            Trước đó, tối 23/10, Thủ tướng Lê Văn An đã gặp Thủ tướng Ấn Độ Ravi Kumar.
            """, published: "2024-10-24", lang: "vi")
        let meetings = kb.events.filter { $0.kind == .meeting }
        #expect(meetings.count == 2)
        #expect(meetings.allSatisfy { $0.start != nil })
        #expect(Set(meetings.compactMap { $0.start?.description }) == ["2024-10-24", "2024-10-23"])
    }
}
