import DiploModel
import Testing

@testable import DiploImport

/// What the words of one sentence name (`MentionFinder.find`): people with their titles,
/// countries, cities, organisations, dates, and the cue words of events.
@Suite struct MentionFinderTests {
    /// The mentions of the text's first sentence.
    func found(_ text: String, _ lang: Language) throws -> (StageReading, SentenceMentions) {
        let reading = try StageReading(text, lang: lang)
        return (reading, reading.found(0))
    }

    /// Each person as "name [role/country, ...]".
    func persons(_ mentions: SentenceMentions) -> [String] {
        mentions.persons.map { person in
            "\(person.name) \(person.titles.map { "\($0.role)/\($0.country ?? "-")" })"
        }
    }

    func countries(_ reading: StageReading, _ mentions: SentenceMentions) -> [String] {
        mentions.countries.map { "\($0.iso) \(reading.text(0, $0.first, $0.end))" }
    }

    @Test func aTitleChainThenAName() throws {
        let (reading, vi) = try found("Thủ tướng Nhật Bản Kenji Sato hội đàm với Thủ tướng Trần Văn Hải tại Hà Nội.", .vi)
        #expect(persons(vi) == [#"Kenji Sato ["prime_minister/JP"]"#, #"Trần Văn Hải ["prime_minister/-"]"#])
        let sato = try #require(vi.persons.first)
        #expect((sato.first, sato.nameFirst, sato.nameEnd, sato.end) == (0, 4, 6, 6))
        #expect(sato.titles.map(\.text) == ["Thủ tướng Nhật Bản"])
        #expect(countries(reading, vi) == ["JP Nhật Bản"])
        #expect(vi.cities.map(\.name) == ["Hà Nội"])

        let (_, chain) = try found("Tổng Bí thư, Chủ tịch nước Trần Văn Hải tiếp Đại sứ Ba Lan Jan Kowalski.", .vi)
        #expect(
            persons(chain) == [
                #"Trần Văn Hải ["general_secretary/-", "state_president/-"]"#, #"Jan Kowalski ["ambassador/PL"]"#,
            ])
        // "Jan" in a name is no January.
        #expect(chain.dates.isEmpty)
    }

    @Test func aTitleAloneBeforeANameMetAlreadyIsItsTitle() throws {
        // Two prime ministers: "Thủ tướng Rojas" before a lower-case word is no titled name of its own, but
        // "Rojas" was met already; the title before it is his, and "của" before the title makes him the visitor.
        let reading = try StageReading(
            "Thủ tướng Chile Pedro Rojas phát biểu theo lời mời của Thủ tướng Ana Soto. "
                + "Chuyến thăm của Thủ tướng Rojas diễn ra từ ngày 14/11 đến 17/11.", lang: .vi)
        let rojas = try #require(reading.mentions[1].persons.first)
        #expect((rojas.first, rojas.nameFirst, rojas.end) == (3, 5, 6))
        #expect(rojas.titles.map(\.role) == ["prime_minister"])
        #expect(reading.mentions[1].titlesAlone.isEmpty)
        let visit = try #require(reading.frames.first { $0.sentence == 1 })
        #expect(reading.names(visit.agents) == ["Pedro Rojas"])
    }

    @Test func anEnglishTitleThenANameThenItsCountry() throws {
        let (reading, en) = try found(
            "Prime Minister Anthony Albanese of Australia met with Foreign Minister Anna Berg in Canberra on 4 June 2024.", .en)
        #expect(persons(en) == [#"Anthony Albanese ["prime_minister/AU"]"#, #"Anna Berg ["foreign_minister/-"]"#])
        // "of Australia" is part of the mention.
        #expect(
            en.persons.map { reading.text(0, $0.first, $0.end) } == [
                "Prime Minister Anthony Albanese of Australia", "Foreign Minister Anna Berg",
            ])
        #expect(en.cities.map { "\($0.name) \($0.iso)" } == ["Canberra AU"])
        #expect(en.dates.count == 1)
    }

    @Test func aNameBeforeItsTitles() throws {
        let (_, vi) = try found(
            "Trần Văn Hải, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, tiếp Đại sứ Ba Lan Jan Kowalski.", .vi)
        #expect(
            persons(vi) == [
                #"Trần Văn Hải ["politburo_member/-", "secretariat_member/-"]"#, #"Jan Kowalski ["ambassador/PL"]"#,
            ])
        let hai = try #require(vi.persons.first)
        #expect((hai.first, hai.nameFirst, hai.nameEnd, hai.end) == (0, 0, 3, 15))

        let (_, en) = try found("Anna Berg, Foreign Minister of Sweden, met with Kenji Sato in Tokyo.", .en)
        #expect(persons(en).first == #"Anna Berg ["foreign_minister/SE"]"#)
        #expect(en.persons.map(\.name) == ["Anna Berg", "Kenji Sato"])

        // Particles are part of the name, not words of it: "da", "van der".
        let (_, particles) = try found(
            "Marta da Costa, President of Portugal, received Pieter van der Berg, Prime Minister of the Netherlands.", .en)
        #expect(
            persons(particles) == [
                #"Marta da Costa ["president/PT"]"#, #"Pieter van der Berg ["prime_minister/NL"]"#,
            ])
    }

    /// A line of a list of people: honorific, name, then the title with no comma, to the line's end.
    @Test func aListLineGivesTheTitleAfterTheName() throws {
        let (_, line) = try found("Her Excellency Tania Ortiz Ambassador-designate of the Republic of El Salvador", .en)
        #expect(persons(line) == [#"Tania Ortiz ["ambassador/SV"]"#])
        let (_, commissioner) = try found("His Excellency Tom Amolo High Commissioner of Kenya", .en)
        #expect(persons(commissioner) == [#"Tom Amolo ["ambassador/KE"]"#])
        // Inside a sentence, a title after a name with no comma is not the name's: it opens the next one.
        let (_, sentence) = try found("The minister met Her Excellency Tania Ortiz Ambassador of Chile Pedro Rojas.", .en)
        #expect(!persons(sentence).contains(#"Tania Ortiz ["ambassador/CL"]"#))
    }

    /// A title's place ("bang X", "tỉnh X") ends before a foreign name of two words, and a country
    /// word that is also a given name ("Đức") is the country after a title's organisation.
    @Test func aTitlesPlaceOrOrganisationThenAForeignName() throws {
        let (_, state) = try found("Thủ tướng tiếp Thủ hiến bang New South Wales Chris Minns.", .vi)
        #expect(persons(state).contains(#"Chris Minns ["governor/-"]"#))
        let (_, province) = try found("Chủ tịch UBND tỉnh Thừa Thiên Huế Nguyễn Văn Phương tiếp khách.", .vi)
        #expect(province.persons.map(\.name) == ["Nguyễn Văn Phương"])
        let (_, council) = try found("Bộ trưởng chào xã giao Chủ tịch Hội đồng liên bang Đức Bodo Weber.", .vi)
        #expect(persons(council).contains(#"Bodo Weber ["president/DE"]"#))
        // Such a word opening the sentence, a name after it (the fuzzer's find: no range below zero).
        let (_, opening) = try found("Đức Bodo Weber đến Hà Nội.", .vi)
        #expect(opening.persons.count <= 1)
    }

    /// A word may stand between a title in the plural and its names, as a comma may.
    @Test func aPluralTitleThenAWordThenItsNames() throws {
        let (_, en) = try found("The new ambassadors are Lebbius Tobias from Namibia and Mary Walsh from Ireland.", .en)
        #expect(persons(en) == [#"Lebbius Tobias ["ambassador/NA"]"#, #"Mary Walsh ["ambassador/IE"]"#])
    }

    @Test func honorificsOpenAName() throws {
        let (_, vi) = try found("Ngài Trần Văn Hải tiếp bà Nguyễn Thị Lan và ông Kenji Sato.", .vi)
        #expect(vi.persons.map(\.name) == ["Trần Văn Hải", "Nguyễn Thị Lan", "Kenji Sato"])
        // The honorific is part of the mention, not of the name.
        #expect(vi.persons.map(\.first) == [0, 5, 10])
        #expect(vi.persons.map(\.nameFirst) == [1, 6, 11])

        let (_, en) = try found("H.E. Dr. Kenji Sato met with Ms. Anna Berg and Mr Carlos Ruiz.", .en)
        #expect(en.persons.map(\.name) == ["Kenji Sato", "Anna Berg", "Carlos Ruiz"])
        #expect(en.persons.map(\.titles.isEmpty) == [true, true, true])

        // British honorifics open a name as the others do.
        let (_, british) = try found("Baroness Jane Whitfield met Sir John Harper in London.", .en)
        #expect(british.persons.map(\.name) == ["Jane Whitfield", "John Harper"])
        // Between a title and its holder's name, foreign honorifics in a Vietnamese text too.
        let (_, between) = try found("Thủ tướng Trần Văn Hải tiếp Bộ trưởng Ngoại giao Bhutan Lyonpo Dr. Karma Wangdi.", .vi)
        #expect(between.persons.map(\.name) == ["Trần Văn Hải", "Karma Wangdi"])
    }

    @Test func englishTitlesWithLongPortfolios() throws {
        // A portfolio listing its fields with commas, then the name.
        let (_, listed) = try found(
            "Under Secretary of State for Civilian Security, Democracy, and Human Rights Uzra Zeya will travel to Jamaica.", .en)
        #expect(listed.persons.map(\.name) == ["Uzra Zeya"])
        // A list closed by its last field and the country: no name inside it.
        let (_, closed) = try found(
            "Mr Kenji Sato, Minister of Economy, Trade and Industry of Japan, and Ms Anna Berg attended the meeting.", .en)
        #expect(closed.persons.map(\.name) == ["Kenji Sato", "Anna Berg"])
        // An organisation's words after a title are no one's name.
        let (_, body) = try found(
            "Secretary Anna Berg met the Director of the Office of the Central Foreign Affairs Commission.", .en)
        #expect(body.persons.map(\.name) == ["Anna Berg"])
        // A people's name names the country; before "Airlines" it is a company's.
        let (_, slovak) = try found("Slovak Foreign Minister Peter Novak flew in on an Ethiopian Airlines flight.", .en)
        #expect(slovak.allCountries.map(\.iso) == ["SK"])
        #expect(persons(slovak) == [#"Peter Novak ["foreign_minister/SK"]"#])
    }

    @Test func vietnameseTitlesWithLongQualifiers() throws {
        // A state's form with its qualifiers; a city's or a province's committee; a portfolio listing its fields.
        let (reading, form) = try found(
            "Tổng thống nước Cộng hòa Xã hội chủ nghĩa Dân chủ Sri Lanka Ranil Perera hội đàm với Thủ tướng Trần Văn Hải.", .vi)
        #expect(persons(form) == [#"Ranil Perera ["president/LK"]"#, #"Trần Văn Hải ["prime_minister/-"]"#])
        #expect(countries(reading, form) == ["LK Cộng hòa Xã hội chủ nghĩa Dân chủ Sri Lanka"])
        let (_, local) = try found(
            "Phó Chủ tịch UBND thành phố Hà Nội Trần Văn Tuấn và Chủ tịch Ủy ban nhân dân tỉnh Quảng Ninh Nguyễn Văn Hùng tiếp đoàn.",
            .vi)
        #expect(local.persons.map(\.name) == ["Trần Văn Tuấn", "Nguyễn Văn Hùng"])
        #expect(local.organizations.map(\.name).contains("UBND thành phố Hà Nội"))
        let (_, portfolio) = try found("Bộ trưởng Khoa học, Công nghệ và Đổi mới Brazil Ana Souza làm việc với đoàn.", .vi)
        #expect(persons(portfolio) == [#"Ana Souza ["minister/BR"]"#])
        // Not a list of fields: no country is taken into a title from what the minister said.
        let (_, said) = try found("Bộ trưởng Khoa học nói rằng Pháp là đối tác quan trọng.", .vi)
        #expect(said.persons.isEmpty)
    }

    @Test func aDepartmentAfterItsHeadsTitleIsNoName() throws {
        // "Vụ", "Cục" open a department's name: in sentence case, or in capitals up to the person after it.
        let (_, vi) = try found(
            "Dự buổi tiếp có Vụ trưởng Vụ Lễ tân, Cục trưởng Cục Lãnh sự Lê Văn Bình và Vụ trưởng Vụ Châu Âu Trần Thị Lan.", .vi)
        #expect(vi.persons.map(\.name) == ["Lê Văn Bình", "Trần Thị Lan"])
        #expect(vi.organizations.map(\.name).sorted() == ["Cục Lãnh sự", "Vụ Châu Âu", "Vụ Lễ tân"])
        // "Nam" of "Đông Nam Á" is not NAM, the movement written in capitals.
        let (_, region) = try found("Bà Lan là Vụ trưởng Vụ Đông Nam Á - Nam Á - Nam Thái Bình Dương.", .vi)
        #expect(!region.organizations.contains { $0.known != nil })
    }

    @Test func namesJoinedByHyphensParticlesAndInitials() throws {
        let (_, en) = try found("President Jean-Luc Moreau met with Prime Minister John K. Tanner and Mr. Marco da Costa.", .en)
        #expect(en.persons.map(\.name) == ["Jean-Luc Moreau", "John K. Tanner", "Marco da Costa"])
    }

    /// In English, names no title introduces are found by the event verbs beside them.
    @Test func untitledEnglishNamesBesideAnEventVerb() throws {
        let (_, en) = try found("Carlos Ruiz left for Tokyo on Monday.", .en)
        #expect(en.persons.map(\.name) == ["Carlos Ruiz"])
        #expect(en.cities.map(\.name) == ["Tokyo"])
        let (_, hyphened) = try found("Jean-Luc Moreau met with Carlos Ruiz in Rome.", .en)
        #expect(hyphened.persons.last?.name == "Carlos Ruiz")
        #expect(hyphened.persons.map(\.name) == ["Jean-Luc Moreau", "Carlos Ruiz"])
    }

    @Test func regionalGroupingsAreKnownOrganisations() throws {
        let (_, en) = try found(
            "The ministers met at the BIMSTEC summit, spoke of the Lima Group and the Indian Ocean Rim Association, and of Shanghai Cooperation Organization rules.",
            .en)
        #expect(en.organizations.compactMap(\.known).count == 4)
        #expect(
            en.organizations.map(\.name) == [
                "BIMSTEC", "Lima Group", "Indian Ocean Rim Association", "Shanghai Cooperation Organization",
            ])
    }

    @Test func anOrganisationsWordsAreNeverAPerson() throws {
        let (_, vi) = try found("Bộ trưởng Bộ Ngoại giao Nhật Bản tiếp Đoàn đại biểu Quốc hội Việt Nam.", .vi)
        #expect(vi.persons.isEmpty)
        #expect(vi.organizations.map(\.name).sorted() == ["Bộ Ngoại giao Nhật Bản", "Quốc hội Việt Nam"])
        #expect(vi.organizations.first { $0.name == "Quốc hội Việt Nam" }?.country == "VN")
        // A title with no name after it is a title alone, of its organisation's country.
        #expect(vi.titlesAlone.map { $0.titles.map(\.role) } == [["foreign_minister"]])
        #expect(vi.titlesAlone.first?.titles.first?.country == "JP")

        let (_, en) = try found("The Ministry of Foreign Affairs of Japan hosted a reception in Tokyo on 6 May 2024.", .en)
        #expect(en.persons.isEmpty)
        #expect(en.organizations.map { "\($0.name) \($0.country ?? "-")" } == ["Ministry of Foreign Affairs of Japan JP"])
    }

    @Test func countriesWithTheirStateForms() throws {
        let (reading, vi) = try found("Chủ tịch nước Trần Văn Hải sẽ thăm Cộng hòa Ba Lan và Liên bang Nga.", .vi)
        #expect(countries(reading, vi) == ["PL Cộng hòa Ba Lan", "RU Liên bang Nga"])
        let (english, en) = try found("The Republic of Poland and the Kingdom of Thailand signed an agreement.", .en)
        #expect(countries(english, en) == ["PL The Republic of Poland", "TH Kingdom of Thailand"])
        // Not a form that ends the event's words: "thăm cấp Nhà nước Lào" is a state visit to Laos.
        let (visit, state) = try found("Chủ tịch nước Trần Văn Hải sẽ thăm cấp Nhà nước Lào.", .vi)
        #expect(countries(visit, state) == ["LA Lào"])
        #expect(state.cues.map { visit.text(0, $0.first, $0.end) } == ["sẽ", "thăm cấp Nhà nước"])
    }

    @Test func aCountryWordThatIsAlsoAGivenName() throws {
        let (reading, title) = try found("Thủ tướng Anh Oliver Grant hội đàm với Thủ tướng Trần Văn Hải.", .vi)
        #expect(countries(reading, title) == ["GB Anh"])
        #expect(persons(title).first == #"Oliver Grant ["prime_minister/GB"]"#)
        // "Đức" between a family name and another name word is a given name, not Germany.
        let (_, name) = try found("Ông Phạm Đức Long tiếp Đại sứ Pháp Pierre Durand.", .vi)
        #expect(name.countries.map(\.iso) == ["FR"])
        #expect(name.persons.map(\.name) == ["Phạm Đức Long", "Pierre Durand"])
    }

    @Test func possessivesAndDemonymsNameTheTitlesCountry() throws {
        let (reading, possessive) = try found("Japan's Foreign Minister Kenji Sato held talks with Mr. Carlos Ruiz.", .en)
        #expect(countries(reading, possessive) == ["JP Japan's"])
        #expect(persons(possessive) == [#"Kenji Sato ["foreign_minister/JP"]"#, "Carlos Ruiz []"])
        let (_, demonym) = try found("Prime Minister Anna Berg met Japanese Prime Minister Kenji Sato.", .en)
        #expect(demonym.demonyms.map(\.iso) == ["JP"])
        #expect(persons(demonym) == [#"Anna Berg ["prime_minister/-"]"#, #"Kenji Sato ["prime_minister/JP"]"#])
        // Guinea's people, told from those of Guinea-Bissau and Equatorial Guinea.
        let (_, guineans) = try found(
            "Guinean President Alpha Diallo met Bissau-Guinean President Rui Gomes and Equatorial Guinean President Juan Obama.",
            .en)
        #expect(guineans.demonyms.map(\.iso) == ["GN", "GW", "GQ"])
        // A name's possessive is not part of the name.
        let (_, owner) = try found("President Anna Berg's official visit to Japan will take place in May.", .en)
        #expect(owner.persons.map(\.name) == ["Anna Berg"])
    }

    /// An ambassador is of the country that sends them, not of the one they serve in.
    @Test func anAmbassadorIsOfTheCountryThatSendsThem() throws {
        let (_, vi) = try found("Đại sứ Hoa Kỳ tại Việt Nam Mark Evans tiếp bà Nguyễn Thị Lan.", .vi)
        #expect(persons(vi) == [#"Mark Evans ["ambassador/US"]"#, "Nguyễn Thị Lan []"])
        let (_, en) = try found("The Ambassador to Vietnam Mark Evans met with Kenji Sato.", .en)
        #expect(persons(en).first == #"Mark Evans ["ambassador/-"]"#)
    }

    @Test func eventCues() throws {
        func cues(_ text: String, _ lang: Language) throws -> [String] {
            let (reading, mentions) = try found(text, lang)
            return mentions.cues.map { cue in
                let kind: String
                switch cue.cue {
                case .trigger(let event, let verb): kind = "\(event.rawValue)\(verb ? " verb" : "")"
                default: kind = "\(cue.cue)"
                }
                return "\(reading.text(0, cue.first, cue.end)): \(kind)"
            }
        }
        #expect(
            try cues("Ngày 10/9/2024, Thủ tướng Trần Văn Hải sẽ hội đàm với Thủ tướng Nhật Bản Kenji Sato.", .vi) == [
                "sẽ: planned", "hội đàm với: talks verb",
            ])
        #expect(
            try cues("Chuyến thăm Nhật Bản của Chủ tịch nước Trần Văn Hải đã bị hủy.", .vi) == [
                "Chuyến thăm: visit", "đã: held", "bị hủy: cancelled",
            ])
        #expect(
            try cues("Bộ trưởng Ngoại giao Lê Văn Minh cho biết Thủ tướng Kenji Sato sẽ thăm Việt Nam.", .vi) == [
                "cho biết: reported", "sẽ: planned", "thăm: visit verb",
            ])
        #expect(
            try cues("Foreign Minister Anna Berg invited Kenji Sato to visit Sweden.", .en) == [
                "invited: invitation", "visit: visit verb",
            ])
        #expect(
            try cues("President Anna Berg will pay a state visit to Japan.", .en) == [
                "will: planned", "pay a state visit: state_visit verb",
            ])
    }

    @Test func partnershipLevels() throws {
        let (reading, vi) = try found("Việt Nam và Nhật Bản là Đối tác Chiến lược Toàn diện.", .vi)
        #expect(vi.levels.map { reading.text(0, $0.first, $0.end) } == ["Đối tác Chiến lược Toàn diện"])
        #expect(vi.levels.map(\.level.key) == ["comprehensive_strategic_partnership"])
        #expect(vi.countries.map(\.iso) == ["VN", "JP"])
    }

    @Test func aTitleInThePluralBeforeAListOfNamesEachWithItsCountry() throws {
        let (_, en) = try found(
            "The President met with ambassadors Tomas Remengesau of Palau, Hilda Heine of Kiribati, and Anote Tong of Nauru.", .en
        )
        #expect(
            persons(en) == [
                #"Tomas Remengesau ["ambassador/PW"]"#, #"Hilda Heine ["ambassador/KI"]"#, #"Anote Tong ["ambassador/NR"]"#,
            ])
        // "the ambassadors of X, NAME, Y, NAME": each country before its holder.
        let (_, countriesFirst) = try found(
            "She received the credentials of the ambassadors of Uruguay, Nester Diaz, Chile, Julio Rojas, and Australia, Tegan White.",
            .en)
        #expect(
            persons(countriesFirst) == [
                #"Nester Diaz ["ambassador/UY"]"#, #"Julio Rojas ["ambassador/CL"]"#, #"Tegan White ["ambassador/AU"]"#,
            ])
        // One name alone after the plural is no list.
        let (_, one) = try found("The President thanked the ambassadors on 3 May 2024.", .en)
        #expect(persons(one).isEmpty)
        // The countries listed first, then as many names in the same order.
        let (_, respective) = try found("She met her peers from Peru and Ecuador, Raul Medina and Sofia Paredes, in Quito.", .en)
        #expect(persons(respective) == [#"Raul Medina ["counterpart/PE"]"#, #"Sofia Paredes ["counterpart/EC"]"#])
        // Two countries but one name: no pairing, and no list.
        let (_, short) = try found("She met her peers from Peru and Ecuador, Raul Medina, in Quito.", .en)
        #expect(persons(short).isEmpty)
        // A demonym before the title gives its country to each name; a semicolon parts the list as a comma does.
        let (_, demonym) = try found("The Speaker received the Kenyan lawmakers Peter Otieno and Grace Wanjiru.", .en)
        #expect(persons(demonym) == [#"Peter Otieno ["legislator/KE"]"#, #"Grace Wanjiru ["legislator/KE"]"#])
        let (_, apposed) = try found("They prepared a meeting of their two leaders, Anna Berg and Kenji Sato.", .en)
        #expect(apposed.persons.map(\.name) == ["Anna Berg", "Kenji Sato"])
        let (_, semicolon) = try found("He met the Presidents of Ghana, Kofi Mensah; and Senegal, Awa Diallo.", .en)
        #expect(persons(semicolon) == [#"Kofi Mensah ["president/GH"]"#, #"Awa Diallo ["president/SN"]"#])
        // "of" may open each item again.
        let (_, ofEach) = try found("He met the Presidents of Ghana, Kofi Mensah; of Mali, Ali Keita; of Togo, Eric Dogbe.", .en)
        #expect(
            persons(ofEach) == [
                #"Kofi Mensah ["president/GH"]"#, #"Ali Keita ["president/ML"]"#, #"Eric Dogbe ["president/TG"]"#,
            ])
    }

    @Test func aVietnameseHeadWordDoesNotStopAnEnglishName() throws {
        // "Ban" heads a Vietnamese body ("Ban Đối ngoại"), not an English name.
        let (_, en) = try found("Secretary-General Ban Ki-moon will travel to Trinidad and Tobago and Saint Lucia.", .en)
        #expect(persons(en) == [#"Ban Ki-moon ["secretary_general/-"]"#])
        #expect(en.countries.map(\.iso) == ["TT", "LC"])
        // In an English text, an English head word still stops one.
        let (_, office) = try found("She met the Director of the Office of the Foreign Affairs Commission.", .en)
        #expect(office.persons.isEmpty)
    }

    @Test func aBodysHeadWordIsNoWordOfAName() throws {
        let (_, en) = try found("Today Government House welcomed Ambassador Anna Berg of Hungary.", .en)
        #expect(en.persons.map(\.name) == ["Anna Berg"])
    }

    @Test func aChairpersonSetOffByCommasIsATitledName() throws {
        let (_, en) = try found("The Chairperson of the African Union Commission, Amara Diallo, concluded a working visit.", .en)
        #expect(en.persons.map(\.name) == ["Amara Diallo"])
        #expect(en.persons.first?.titles.map(\.role) == ["president"])
    }

    @Test func aTitleInThePluralAfterATitleIsNoName() throws {
        // "Foreign Ministers’" names the meeting the chair is of, not someone who chairs it.
        let (_, en) = try found("She spoke as the Chair of the G7 Foreign Ministers’ Meeting in Hiroshima.", .en)
        #expect(en.persons.isEmpty)
        let (_, named) = try found("She spoke with the Chair of the G7 meeting, Foreign Minister Kenji Sato.", .en)
        #expect(named.persons.map(\.name) == ["Kenji Sato"])
    }

    @Test func aDelegationListOfTitlesThePortfolioOfOneStopsAtTheNextTitle() throws {
        let (_, en) = try found(
            "She was accompanied by National Security Advisor Jorge Lima, Special Presidential Envoy for Climate Marta Costa, and Senior Director for Asia Pedro Alves.",
            .en)
        #expect(en.persons.map(\.name) == ["Jorge Lima", "Marta Costa", "Pedro Alves"])
        #expect(
            en.persons.map { $0.titles.map(\.text) } == [
                ["National Security Advisor"], ["Special Presidential Envoy for Climate"], ["Senior Director for Asia"],
            ])
        // "of the" before a portfolio, and a Vietnamese name of three words after it.
        let (_, the) = try found(
            "Welcoming her were Director of the State Protocol Department Pham Quoc Anh and Chairman of the People's Council of Hanoi Tran Van Minh.",
            .en)
        #expect(the.persons.map(\.name) == ["Pham Quoc Anh", "Tran Van Minh"])
    }

    @Test func aNameSetOffBeforeItsTitlesInLowerCaseOrAfterTheirCountry() throws {
        let (_, after) = try found("In his speech, Ivan Petrov, Russian Ambassador to China, praised the relations.", .en)
        #expect(persons(after) == [#"Ivan Petrov ["ambassador/RU"]"#])
        let (_, lower) = try found("Kenyan president Daniel Otieno spoke with spokesman Peter Kamau.", .en)
        #expect(persons(lower) == [#"Daniel Otieno ["president/KE"]"#, #"Peter Kamau ["spokesperson/-"]"#])
        // Not in Vietnamese, where a lower-case "chủ tịch" is rarely a title.
        let (_, vi) = try found("Ông nói chủ tịch Trần Văn Hải đã đến.", .vi)
        #expect(vi.persons.allSatisfy { $0.titles.isEmpty })
    }

    @Test func aTitleInThePluralOrThePossessiveIsNoName() throws {
        let (_, plural) = try found("The two Prime Ministers will meet in Lima next week.", .en)
        #expect(plural.persons.isEmpty)
        let (_, possessive) = try found("Officials said the Foreign Minister’s visit was a success.", .en)
        #expect(possessive.persons.isEmpty)
        // Two capitalised words before a verb still name someone.
        let (_, name) = try found("Luis Vega will meet the press in Lima.", .en)
        #expect(name.persons.map(\.name) == ["Luis Vega"])
    }

    @Test func leavingAPlaceForAnotherIsOneVisitCue() throws {
        let (reading, en) = try found("President Ana Soto left Lima for Quito on Monday.", .en)
        let cue = try #require(en.cues.first)
        #expect(reading.text(0, cue.first, cue.end) == "left Lima for")
        guard case .trigger(.visit, verb: true) = cue.cue else {
            Issue.record("not a visit's verb: \(cue.cue)")
            return
        }
        // Without "for" after the place, "left" is no cue.
        let (_, stayed) = try found("President Ana Soto left Lima on Monday.", .en)
        #expect(stayed.cues.isEmpty)
    }

    @Test func aCityThatIsAGivenNameAfterATitle() throws {
        let (_, name) = try found("The Chilean Foreign Minister, Santiago Vega, is on an official visit to Peru.", .en)
        #expect(persons(name) == [#"Santiago Vega ["foreign_minister/CL"]"#])
        #expect(name.cities.isEmpty)
        // A city after "of" in a title is the title's city.
        let (_, city) = try found("He met the Mayor of Santiago Carla Diaz.", .en)
        #expect(city.cities.map(\.name) == ["Santiago"])
    }

    @Test func ambassadorsOfCountriesEachBeforeADashAndAName() throws {
        let (_, en) = try found(
            "The Ambassadors Extraordinary and Plenipotentiary of Kenya - Hilda Wanjiru, the Republic of Moldova - Ana Rusu and Chile - Khalid al-Nasr presented their credentials.",
            .en)
        #expect(
            persons(en) == [
                #"Hilda Wanjiru ["ambassador/KE"]"#, #"Ana Rusu ["ambassador/MD"]"#, #"Khalid al-Nasr ["ambassador/CL"]"#,
            ])
    }

    @Test func aNameSetOffByACommaAndClosedByAndBeforeTheNextTitle() throws {
        let (_, en) = try found(
            "The Ambassador of Chile to Kenya, Ana Soto and the Peruvian Ambassador to Kenya, Luis Vega, presented their letters.",
            .en)
        #expect(persons(en) == [#"Ana Soto ["ambassador/CL"]"#, #"Luis Vega ["ambassador/PE"]"#])
        // "and" before no title closes nothing: a portfolio runs on.
        let (_, portfolio) = try found("The Minister of Trade, Tourism and Industry Ana Soto spoke.", .en)
        #expect(!portfolio.persons.contains { $0.name == "Tourism" })
    }

    @Test func anEnvoyForACountryIsThatCountrysAndANameMayEndBeforeALowerCaseWord() throws {
        let (_, envoy) = try found("The Ambassador for Chile in Peru Luis Vega attended the ceremony.", .en)
        #expect(persons(envoy) == [#"Luis Vega ["ambassador/CL"]"#])
        let (_, lower) = try found("He met Peru’s Minister for Climate Change, Carlos Diaz at the hotel.", .en)
        #expect(lower.persons.map(\.name) == ["Carlos Diaz"])
        // Not before "of" or "for": a portfolio's words, not a name.
        let (_, portfolio) = try found("The Minister of Finance, Economic Planning of Uganda spoke.", .en)
        #expect(portfolio.persons.isEmpty)
    }

    @Test func aPortfolioGoesOnAfterItsFirstFieldUpToItsHoldersName() throws {
        let (_, listed) = try found(
            "The Minister of Foreign Affairs, Regional Cooperation and Nationals Abroad, Omar Haddad, met the envoy.", .en)
        #expect(listed.persons.map(\.name) == ["Omar Haddad"])
        let (_, anded) = try found("The Minister of Foreign Affairs and Trade, Lena Holm, met the envoy.", .en)
        #expect(anded.persons.map(\.name) == ["Lena Holm"])
        // Up to whose portfolio it is.
        let (_, whose) = try found("Minister for Trade and Investment of Australia Tom Reid met the envoy.", .en)
        #expect(whose.persons.map(\.name) == ["Tom Reid"])
        // Set off after its holder's name, the portfolio holds no name; in a list of titles and names, it does.
        let (_, apposed) = try found("Marc Dubois, Minister for Europe and Foreign Affairs, spoke to the envoy.", .en)
        #expect(!apposed.persons.map(\.name).contains("Foreign Affairs"))
        let (_, list) = try found(
            "The guests were Minister of Transport Ali Rahman, Minister of Communications and Digital Siti Aminah Yusof, and officials.",
            .en)
        #expect(list.persons.map(\.name).contains { $0.hasSuffix("Aminah Yusof") })
    }
}
