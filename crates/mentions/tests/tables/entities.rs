//! Entity typing and alias resolution.

use super::{Report, analyze};
use hearsay_core::{EntityKind as K, EntityType as T};

/// (text, a mention as written, canonical name of its entity, type, kind).
const CASES: &[(&str, &str, &str, T, K)] = &[
    // Countries, aliases, demonyms, metonyms.
    (
        "North Korea fired a missile.",
        "North Korea",
        "North Korea",
        T::Gpe,
        K::Country,
    ),
    (
        "The DPRK fired a missile.",
        "DPRK",
        "North Korea",
        T::Gpe,
        K::Country,
    ),
    (
        "Pyongyang fired a missile.",
        "Pyongyang",
        "North Korea",
        T::Gpe,
        K::Country,
    ),
    (
        "North Korean troops arrived.",
        "North Korean",
        "North Korea",
        T::Gpe,
        K::Country,
    ),
    (
        "They met North Koreans there.",
        "North Koreans",
        "North Korea",
        T::Gpe,
        K::Country,
    ),
    (
        "The Democratic People's Republic of Korea denied it.",
        "Democratic People's Republic of Korea",
        "North Korea",
        T::Gpe,
        K::Country,
    ),
    // A country the gazetteer does not know, typed by its demonym.
    (
        "The buildup could pressure Estravia, two officials of the Estravian defence ministry said.",
        "Estravia",
        "Estravia",
        T::Gpe,
        K::Country,
    ),
    (
        "The buildup could pressure Estravia, two officials of the Estravian defence ministry said.",
        "Estravian",
        "Estravia",
        T::Gpe,
        K::Country,
    ),
    // A feature word after an unknown name makes it a location, not a city.
    (
        "Troops reached the Varenga peninsula. Fishermen left Varenga on Monday.",
        "Varenga",
        "Varenga",
        T::Loc,
        K::Location,
    ),
    (
        "The Northern Fleet moved 40 landing craft to the Varenga coast.",
        "Varenga",
        "Varenga",
        T::Loc,
        K::Location,
    ),
    (
        "Talks on fishing rights in the Gulf of Varenga will resume on October 6.",
        "Gulf of Varenga",
        "Gulf of Varenga",
        T::Loc,
        K::Location,
    ),
    (
        "Tankers waited at the mouth of the Kessel river for a week.",
        "Kessel",
        "Kessel",
        T::Loc,
        K::Location,
    ),
    (
        "South Korea protested.",
        "South Korea",
        "South Korea",
        T::Gpe,
        K::Country,
    ),
    (
        "The ROK protested.",
        "ROK",
        "South Korea",
        T::Gpe,
        K::Country,
    ),
    (
        "Seoul protested on Friday.",
        "Seoul",
        "South Korea",
        T::Gpe,
        K::Country,
    ),
    ("Russia denied it.", "Russia", "Russia", T::Gpe, K::Country),
    (
        "The Russian Federation denied it.",
        "Russian Federation",
        "Russia",
        T::Gpe,
        K::Country,
    ),
    (
        "Russian officials denied it.",
        "Russian",
        "Russia",
        T::Gpe,
        K::Country,
    ),
    ("Moscow denied it.", "Moscow", "Russia", T::Gpe, K::Country),
    (
        "The Kremlin denied it.",
        "Kremlin",
        "Russia",
        T::Gpe,
        K::Country,
    ),
    (
        "Ukraine asked for help.",
        "Ukraine",
        "Ukraine",
        T::Gpe,
        K::Country,
    ),
    (
        "Ukrainian forces advanced.",
        "Ukrainian",
        "Ukraine",
        T::Gpe,
        K::Country,
    ),
    (
        "Kyiv asked for help.",
        "Kyiv",
        "Ukraine",
        T::Gpe,
        K::Country,
    ),
    (
        "Kiev asked for help.",
        "Kiev",
        "Ukraine",
        T::Gpe,
        K::Country,
    ),
    (
        "The U.S. imposed sanctions.",
        "U.S.",
        "United States",
        T::Gpe,
        K::Country,
    ),
    (
        "The US imposed sanctions.",
        "US",
        "United States",
        T::Gpe,
        K::Country,
    ),
    (
        "The United States imposed sanctions.",
        "United States",
        "United States",
        T::Gpe,
        K::Country,
    ),
    (
        "America imposed sanctions.",
        "America",
        "United States",
        T::Gpe,
        K::Country,
    ),
    (
        "American officials said so.",
        "American",
        "United States",
        T::Gpe,
        K::Country,
    ),
    (
        "Washington imposed sanctions.",
        "Washington",
        "United States",
        T::Gpe,
        K::Country,
    ),
    (
        "The White House said so.",
        "White House",
        "United States",
        T::Gpe,
        K::Country,
    ),
    ("Beijing objected.", "Beijing", "China", T::Gpe, K::Country),
    (
        "Chinese diplomats objected.",
        "Chinese",
        "China",
        T::Gpe,
        K::Country,
    ),
    (
        "The UK objected.",
        "UK",
        "United Kingdom",
        T::Gpe,
        K::Country,
    ),
    (
        "Britain objected.",
        "Britain",
        "United Kingdom",
        T::Gpe,
        K::Country,
    ),
    (
        "British troops left.",
        "British",
        "United Kingdom",
        T::Gpe,
        K::Country,
    ),
    (
        "Downing Street said so.",
        "Downing Street",
        "United Kingdom",
        T::Gpe,
        K::Country,
    ),
    (
        "Iranian drones were used.",
        "Iranian",
        "Iran",
        T::Gpe,
        K::Country,
    ),
    ("Tehran denied it.", "Tehran", "Iran", T::Gpe, K::Country),
    (
        "Türkiye closed the straits.",
        "Türkiye",
        "Turkey",
        T::Gpe,
        K::Country,
    ),
    (
        "Turkish ships waited.",
        "Turkish",
        "Turkey",
        T::Gpe,
        K::Country,
    ),
    (
        "Troops went to Egypt, Syria and Zimbabwe.",
        "Zimbabwe",
        "Zimbabwe",
        T::Gpe,
        K::Country,
    ),
    (
        "Côte d'Ivoire voted.",
        "Côte d'Ivoire",
        "Ivory Coast",
        T::Gpe,
        K::Country,
    ),
    (
        "The UAE mediated.",
        "UAE",
        "United Arab Emirates",
        T::Gpe,
        K::Country,
    ),
    (
        "Burma's junta ruled.",
        "Burma",
        "Myanmar",
        T::Gpe,
        K::Country,
    ),
    (
        "Israeli jets struck.",
        "Israeli",
        "Israel",
        T::Gpe,
        K::Country,
    ),
    // Capitals as the city after a locative preposition.
    (
        "The talks were held in Moscow.",
        "Moscow",
        "Moscow",
        T::Gpe,
        K::City,
    ),
    (
        "He flew to Pyongyang.",
        "Pyongyang",
        "Pyongyang",
        T::Gpe,
        K::City,
    ),
    ("Protests erupted in Kyiv.", "Kyiv", "Kyiv", T::Gpe, K::City),
    // Cities, regions, locations.
    (
        "Troops trained in Khabarovsk.",
        "Khabarovsk",
        "Khabarovsk",
        T::Gpe,
        K::City,
    ),
    (
        "Ships sailed to Vladivostok.",
        "Vladivostok",
        "Vladivostok",
        T::Gpe,
        K::City,
    ),
    (
        "Fighting continued near Kharkov.",
        "Kharkov",
        "Kharkiv",
        T::Gpe,
        K::City,
    ),
    ("Shelling hit Odessa.", "Odessa", "Odesa", T::Gpe, K::City),
    ("Crimea was annexed.", "Crimea", "Crimea", T::Gpe, K::Region),
    (
        "The war in Donbass went on.",
        "Donbass",
        "Donbas",
        T::Gpe,
        K::Region,
    ),
    (
        "Tensions on the Korean Peninsula rose.",
        "Korean Peninsula",
        "Korean Peninsula",
        T::Loc,
        K::Location,
    ),
    (
        "Ships in the Black Sea were hit.",
        "Black Sea",
        "Black Sea",
        T::Loc,
        K::Location,
    ),
    ("Voters in Ohio decided.", "Ohio", "Ohio", T::Gpe, K::Region),
    (
        "He spoke in New York City.",
        "New York City",
        "New York",
        T::Gpe,
        K::City,
    ),
    // News outlets.
    (
        "It was first reported by The Wall Street Journal.",
        "The Wall Street Journal",
        "The Wall Street Journal",
        T::Org,
        K::NewsOutlet,
    ),
    (
        "the WSJ reported it.",
        "WSJ",
        "The Wall Street Journal",
        T::Org,
        K::NewsOutlet,
    ),
    (
        "The New York Times reported it.",
        "New York Times",
        "The New York Times",
        T::Org,
        K::NewsOutlet,
    ),
    (
        "According to the NYT, it happened.",
        "NYT",
        "The New York Times",
        T::Org,
        K::NewsOutlet,
    ),
    (
        "Reuters reported it.",
        "Reuters",
        "Reuters",
        T::Org,
        K::NewsOutlet,
    ),
    (
        "AP reported it.",
        "AP",
        "Associated Press",
        T::Org,
        K::NewsOutlet,
    ),
    (
        "AFP reported it.",
        "AFP",
        "Agence France-Presse",
        T::Org,
        K::NewsOutlet,
    ),
    ("The BBC reported it.", "BBC", "BBC", T::Org, K::NewsOutlet),
    // Outlets by their head word, their medium, a describing noun; "The" in the name.
    (
        "The Velm Courier reported it on Monday.",
        "Velm Courier",
        "The Velm Courier",
        T::Org,
        K::NewsOutlet,
    ),
    (
        "She told Radio Tessel on Monday that it rained.",
        "Radio Tessel",
        "Radio Tessel",
        T::Org,
        K::NewsOutlet,
    ),
    (
        "It was first reported by the independent news site Corvane on Monday.",
        "Corvane",
        "Corvane",
        T::Org,
        K::NewsOutlet,
    ),
    // A dateline: its place is a city, its wire an outlet.
    (
        "Storm\n\nBRAVOS, June 4 (Coast Wire) — It rained.",
        "Coast Wire",
        "Coast Wire",
        T::Org,
        K::NewsOutlet,
    ),
    (
        "Storm\n\nBRAVOS, June 4 (Coast Wire) — It rained.",
        "BRAVOS",
        "BRAVOS",
        T::Gpe,
        K::City,
    ),
    (
        "Yonhap reported it.",
        "Yonhap",
        "Yonhap",
        T::Org,
        K::NewsOutlet,
    ),
    (
        "KCNA reported it.",
        "KCNA",
        "Korean Central News Agency",
        T::Org,
        K::NewsOutlet,
    ),
    (
        "Babel sources said so.",
        "Babel",
        "Babel",
        T::Org,
        K::NewsOutlet,
    ),
    (
        "It was first reported by The Kyiv Independent.",
        "The Kyiv Independent",
        "Kyiv Independent",
        T::Org,
        K::NewsOutlet,
    ),
    ("TASS reported it.", "TASS", "TASS", T::Org, K::NewsOutlet),
    // Government agencies, intelligence services, militaries.
    (
        "The NIS said so.",
        "NIS",
        "National Intelligence Service (South Korea)",
        T::Org,
        K::GovernmentAgency,
    ),
    (
        "The SBU detained him.",
        "SBU",
        "Security Service of Ukraine",
        T::Org,
        K::GovernmentAgency,
    ),
    (
        "The FSB detained him.",
        "FSB",
        "Federal Security Service (Russia)",
        T::Org,
        K::GovernmentAgency,
    ),
    (
        "The CIA declined to comment.",
        "CIA",
        "Central Intelligence Agency",
        T::Org,
        K::GovernmentAgency,
    ),
    (
        "The Pentagon declined to comment.",
        "Pentagon",
        "Pentagon",
        T::Org,
        K::GovernmentAgency,
    ),
    (
        "The State Department declined to comment.",
        "State Department",
        "State Department",
        T::Org,
        K::GovernmentAgency,
    ),
    (
        "GUR said the ships left.",
        "GUR",
        "Main Directorate of Intelligence (Ukraine)",
        T::Org,
        K::GovernmentAgency,
    ),
    (
        "The Russian Defense Ministry said so.",
        "Russian Defense Ministry",
        "Ministry of Defense of Russia",
        T::Org,
        K::GovernmentAgency,
    ),
    (
        "The Ministry of Finance said so.",
        "Ministry of Finance",
        "Ministry of Finance",
        T::Org,
        K::GovernmentAgency,
    ),
    (
        "The Russian Pacific Fleet sailed.",
        "Russian Pacific Fleet",
        "Russian Pacific Fleet",
        T::Org,
        K::MilitaryUnit,
    ),
    (
        "The Korean People's Army marched.",
        "Korean People's Army",
        "Korean People's Army",
        T::Org,
        K::MilitaryUnit,
    ),
    (
        "The 155th Marine Brigade attacked.",
        "Marine Brigade",
        "Marine Brigade",
        T::Org,
        K::MilitaryUnit,
    ),
    // International organizations, NGOs, parties.
    (
        "NATO allies met.",
        "NATO",
        "North Atlantic Treaty Organization",
        T::Org,
        K::InternationalOrganization,
    ),
    (
        "The UN condemned it.",
        "UN",
        "United Nations",
        T::Org,
        K::InternationalOrganization,
    ),
    (
        "The EU condemned it.",
        "EU",
        "European Union",
        T::Org,
        K::InternationalOrganization,
    ),
    (
        "The IAEA inspected it.",
        "IAEA",
        "International Atomic Energy Agency",
        T::Org,
        K::InternationalOrganization,
    ),
    (
        "Amnesty International condemned it.",
        "Amnesty International",
        "Amnesty International",
        T::Org,
        K::Ngo,
    ),
    (
        "The GOP won.",
        "GOP",
        "Republican Party",
        T::Org,
        K::PoliticalParty,
    ),
    // Universities, think tanks, companies.
    // An institution named by its head word, whatever its first word is.
    (
        "Satellite images reviewed by the Open Maritime Observatory, a research group in Tallinn, show ships.",
        "Open Maritime Observatory",
        "Open Maritime Observatory",
        T::Org,
        K::ThinkTank,
    ),
    (
        "He teaches at Kookmin University.",
        "Kookmin University",
        "Kookmin University",
        T::Org,
        K::University,
    ),
    (
        "He teaches at Harvard.",
        "Harvard",
        "Harvard University",
        T::Org,
        K::University,
    ),
    (
        "She studied at Odesa National University.",
        "Odesa National University",
        "Odesa National University",
        T::Org,
        K::University,
    ),
    (
        "He works at the Rand Corporation.",
        "Rand Corporation",
        "RAND Corporation",
        T::Org,
        K::ThinkTank,
    ),
    (
        "The Institute for the Study of War said so.",
        "Institute for the Study of War",
        "Institute for the Study of War",
        T::Org,
        K::ThinkTank,
    ),
    (
        "The ISW said so.",
        "ISW",
        "Institute for the Study of War",
        T::Org,
        K::ThinkTank,
    ),
    (
        "Gazprom cut supplies.",
        "Gazprom",
        "Gazprom",
        T::Org,
        K::Company,
    ),
    (
        "Acme Holdings denied it.",
        "Acme Holdings",
        "Acme Holdings",
        T::Org,
        K::Company,
    ),
    // Persons: known names, given names, surname to full name.
    (
        "Vladimir Putin spoke.",
        "Vladimir Putin",
        "Vladimir Putin",
        T::Person,
        K::Person,
    ),
    (
        "Putin spoke.",
        "Putin",
        "Vladimir Putin",
        T::Person,
        K::Person,
    ),
    (
        "Kim Jong Un spoke.",
        "Kim Jong Un",
        "Kim Jong Un",
        T::Person,
        K::Person,
    ),
    (
        "Kim Jong-un spoke.",
        "Kim Jong-un",
        "Kim Jong Un",
        T::Person,
        K::Person,
    ),
    (
        "Zelenskyy spoke.",
        "Zelenskyy",
        "Volodymyr Zelensky",
        T::Person,
        K::Person,
    ),
    (
        "Kyrylo Budanov says so.",
        "Kyrylo Budanov",
        "Kyrylo Budanov",
        T::Person,
        K::Person,
    ),
    (
        "Fyodor Tertytskyi, a specialist, said so.",
        "Fyodor Tertytskyi",
        "Fyodor Tertytskyi",
        T::Person,
        K::Person,
    ),
    (
        "Benjamin Young explains it. Young said more.",
        "Young",
        "Benjamin Young",
        T::Person,
        K::Person,
    ),
    (
        "Maria Kowalczyk spoke first. Later, Kowalczyk said more.",
        "Kowalczyk",
        "Maria Kowalczyk",
        T::Person,
        K::Person,
    ),
    (
        "Benjamin Young explains it. \"Never,\" Yang said.",
        "Yang",
        "Benjamin Young",
        T::Person,
        K::Person,
    ),
    (
        "President Joe Biden spoke.",
        "Joe Biden",
        "Joe Biden",
        T::Person,
        K::Person,
    ),
    // "Jordan" the country vs the person: a title or given name before it, a person
    // of the name in the document, the pronoun that agrees with it, a locative
    // preposition, coordination with places, what it owns, the verb it is the
    // subject of; rows where the NER's label is wrong included ("Niger expelled
    // its …" is PERSON to the NER, "Mr. Israel" LOCATION).
    (
        "Jordan closed its airspace.",
        "Jordan",
        "Jordan",
        T::Gpe,
        K::Country,
    ),
    (
        "King Abdullah of Jordan spoke.",
        "Jordan",
        "Jordan",
        T::Gpe,
        K::Country,
    ),
    (
        "Jim Jordan questioned the witness. Jordan said it was a lie.",
        "Jim Jordan",
        "Jim Jordan",
        T::Person,
        K::Person,
    ),
    (
        "Jim Jordan questioned the witness. Jordan said it was a lie.",
        "Jordan",
        "Jim Jordan",
        T::Person,
        K::Person,
    ),
    (
        "Jordan's government denied the report.",
        "Jordan",
        "Jordan",
        T::Gpe,
        K::Country,
    ),
    (
        "Egypt and Jordan signed the accord.",
        "Jordan",
        "Jordan",
        T::Gpe,
        K::Country,
    ),
    (
        "Refugees fled to Jordan.",
        "Jordan",
        "Jordan",
        T::Gpe,
        K::Country,
    ),
    (
        "Chad closed its border with Sudan.",
        "Chad",
        "Chad",
        T::Gpe,
        K::Country,
    ),
    (
        "Russia invaded Georgia in 2008.",
        "Georgia",
        "Georgia",
        T::Gpe,
        K::Country,
    ),
    (
        "Georgia's parliament passed the law.",
        "Georgia",
        "Georgia",
        T::Gpe,
        K::Country,
    ),
    (
        "Jim Jordan visited Jordan last year.",
        "Jordan",
        "Jordan",
        T::Gpe,
        K::Country,
    ),
    (
        "Jim Jordan visited Jordan last year.",
        "Jim Jordan",
        "Jim Jordan",
        T::Person,
        K::Person,
    ),
    (
        "Mr. Jordan declined to comment.",
        "Jordan",
        "Jordan",
        T::Person,
        K::Person,
    ),
    (
        "Jordan said he would run again.",
        "Jordan",
        "Jordan",
        T::Person,
        K::Person,
    ),
    (
        "Jordan resigned on Friday.",
        "Jordan",
        "Jordan",
        T::Person,
        K::Person,
    ),
    (
        "Madison said she had no regrets.",
        "Madison",
        "Madison",
        T::Person,
        K::Person,
    ),
    (
        "Chad Smith said he was leaving.",
        "Chad Smith",
        "Chad Smith",
        T::Person,
        K::Person,
    ),
    (
        "Libya, Chad and Niger signed a pact.",
        "Niger",
        "Niger",
        T::Gpe,
        K::Country,
    ),
    (
        "Niger expelled its French ambassador.",
        "Niger",
        "Niger",
        T::Gpe,
        K::Country,
    ),
    ("Chad borders Libya.", "Chad", "Chad", T::Gpe, K::Country),
    (
        "Mr. Israel spoke.",
        "Israel",
        "Israel",
        T::Person,
        K::Person,
    ),
    (
        "Florence told reporters she would stay.",
        "Florence",
        "Florence",
        T::Person,
        K::Person,
    ),
    (
        "Charlotte smiled.",
        "Charlotte",
        "Charlotte",
        T::Person,
        K::Person,
    ),
    (
        "Houston resigned.",
        "Houston",
        "Houston",
        T::Person,
        K::Person,
    ),
    // Acronym definitions in the text.
    (
        "The Wall Street Journal (WSJ) reported it. WSJ added more.",
        "WSJ",
        "The Wall Street Journal",
        T::Org,
        K::NewsOutlet,
    ),
    (
        "The head of the Ukrainian Intelligence (known as GUR) spoke.",
        "Ukrainian Intelligence",
        "Main Directorate of Intelligence (Ukraine)",
        T::Org,
        K::GovernmentAgency,
    ),
    (
        "The Bureau of Economic Statistics (BES) said so. The BES added more.",
        "BES",
        "Bureau of Economic Statistics",
        T::Org,
        K::GovernmentAgency,
    ),
    (
        "The Free Speech Coalition (FSC) sued. Later the FSC won.",
        "FSC",
        "Free Speech Coalition",
        T::Org,
        K::Organization,
    ),
    // Descriptions resolved in the document.
    (
        "The NIS said so. According to South Korean intelligence, more will come.",
        "South Korean intelligence",
        "National Intelligence Service (South Korea)",
        T::Org,
        K::GovernmentAgency,
    ),
    (
        "The Wall Street Journal reported it. A source told the newspaper more.",
        "the newspaper",
        "The Wall Street Journal",
        T::Org,
        K::NewsOutlet,
    ),
    (
        "Gazprom cut supplies. The company said it had no choice.",
        "The company",
        "Gazprom",
        T::Org,
        K::Company,
    ),
];

/// (text, words that must not be an entity mention).
const NOT_ENTITIES: &[(&str, &str)] = &[
    ("It may rain in the evening.", "may"),
    ("They eat turkey at home.", "turkey"),
    ("Officials said it rained.", "Officials"),
    ("Tens of thousands of people us included.", "us"),
    (
        "A former Russian intelligence agent said so.",
        "Russian intelligence",
    ),
    ("Michael Jordan scored again.", "Jordan"),
    ("The newspaper stand was empty.", "newspaper"),
    ("Pro-Russian groups marched.", "Russian"),
];

#[test]
fn entity_typing_and_aliases() {
    let mut r = Report::default();
    for &(text, mention, canonical, ty, kind) in CASES {
        let a = analyze(text, None);
        let t = a.text();
        let ent = a
            .entities
            .iter()
            .find(|e| e.mentions.iter().any(|m| m.span.text(t) == mention));
        r.check(
            ent.is_some_and(|e| e.name == canonical && e.etype == ty && e.kind == kind),
            || {
                let all: Vec<String> = a
                    .entities
                    .iter()
                    .map(|e| {
                        let ms: Vec<&str> = e.mentions.iter().map(|m| m.span.text(t)).collect();
                        format!("{}[{:?}/{:?}]{:?}", e.name, e.etype, e.kind, ms)
                    })
                    .collect();
                format!("{text:?}: {mention:?} → want {canonical} {ty:?}/{kind:?}; got {all:?}")
            },
        );
    }
    for &(text, word) in NOT_ENTITIES {
        let a = analyze(text, None);
        let t = a.text();
        let hit = a
            .entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (e, m)))
            .find(|(_, m)| m.span.text(t) == word);
        r.check(hit.is_none(), || {
            format!(
                "{text:?}: {word:?} should not be a mention, got {:?}",
                hit.map(|(e, _)| &e.name)
            )
        });
    }
    r.finish("entities", 120);
}

#[test]
fn ids_are_stable_across_documents() {
    let a = analyze("The DPRK fired a missile.", None);
    let b = analyze(
        "Pyongyang, they said, was behind it. North Korea denied it.",
        None,
    );
    let id = |x: &hearsay_core::Analysis| {
        x.entities
            .iter()
            .find(|e| e.name == "North Korea")
            .map(|e| e.id.clone())
    };
    assert_eq!(id(&a), Some("gpe:north-korea".to_string()));
    assert_eq!(id(&a), id(&b));
}

#[test]
fn name_variant_is_flagged() {
    let a = analyze("Benjamin Young explains it. \"Never,\" Yang said.", None);
    let f = a
        .flags
        .iter()
        .find(|f| f.kind == hearsay_core::FlagKind::NameVariant)
        .expect("a name_variant flag");
    let texts: Vec<&str> = f.mentions.iter().map(|s| s.text(a.text())).collect();
    assert_eq!(texts, ["Benjamin Young", "Yang"]);
    assert_eq!(f.entities, ["person:benjamin-young"]);
}
