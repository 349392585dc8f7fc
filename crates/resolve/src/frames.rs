//! What a figure counts, as a frame of news reporting: deaths, injuries,
//! people missing, displaced or arrested, cases of a disease, troops, money of
//! one kind. Two figures are about one quantity when they fill the same frame
//! (and qualify it the same way): "the death toll rose to twelve" and "killing
//! at least seven people"; "1,200 troops" and "150 instructors".
//!
//! The frames are the standard event types of news (in the spirit of the ACE
//! and GDELT event codebooks), written here as lemma lists.

use crate::quantity::QuantityFact;

/// A kind of quantity news reports.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Frame {
    /// People killed: deaths, the death toll.
    Killed,
    /// People injured or treated.
    Injured,
    /// People missing or unaccounted for.
    Missing,
    /// People evacuated, displaced, made homeless.
    Displaced,
    /// People arrested or detained.
    Arrested,
    /// Cases of a disease, infections.
    Cases,
    /// Military personnel: troops, soldiers, instructors.
    Military,
    /// People taking part in a gathering.
    Crowd,
    /// An amount of money of one kind (damage, ransom, fine, aid …).
    Money(&'static str),
    /// Anything else: the counted noun.
    Noun(String),
}

impl Frame {
    /// A short name for the frame, for subjects shown to people.
    pub fn label(&self) -> String {
        match self {
            Frame::Killed => "people killed".into(),
            Frame::Injured => "people injured".into(),
            Frame::Missing => "people missing".into(),
            Frame::Displaced => "people displaced".into(),
            Frame::Arrested => "people arrested".into(),
            Frame::Cases => "cases".into(),
            Frame::Military => "military personnel".into(),
            Frame::Crowd => "people taking part".into(),
            Frame::Money(kind) => format!("{kind} (money)"),
            Frame::Noun(n) => n.clone(),
        }
    }
}

const KILLED: &[&str] = &[
    "bodies", "body", "dead", "death", "die", "died", "fatality", "kill", "killed", "killing",
    "life", "lives", "toll",
];
const INJURED: &[&str] = &[
    "hospitalise",
    "hospitalised",
    "hospitalize",
    "hospitalized",
    "hurt",
    "injure",
    "injured",
    "injury",
    "treat",
    "treated",
    "wound",
    "wounded",
];
const MISSING: &[&str] = &["miss", "missing", "unaccount", "unaccounted"];
const DISPLACED: &[&str] = &[
    "displace",
    "displaced",
    "evacuate",
    "evacuated",
    "evacuation",
    "evacuee",
    "flee",
    "fled",
    "home",
    "homeless",
    "shelter",
];
const ARRESTED: &[&str] = &[
    "arrest",
    "arrested",
    "custody",
    "detain",
    "detained",
    "detention",
];
const CASES: &[&str] = &["case", "infect", "infected", "infection", "patient"];
const MILITARY: &[&str] = &[
    "commando",
    "conscript",
    "contingent",
    "fighter",
    "force",
    "instructor",
    "marine",
    "personnel",
    "reservist",
    "sailor",
    "serviceman",
    "servicemen",
    "soldier",
    "troop",
    "troops",
];
const CROWD: &[&str] = &[
    "attend",
    "crowd",
    "demonstrator",
    "join",
    "march",
    "marcher",
    "participant",
    "part",
    "protester",
    "rally",
    "turnout",
];

/// Currency nouns and codes (lemmas, folded).
const CURRENCIES: &[&str] = &[
    "chf", "crown", "dollar", "eur", "euro", "franc", "gbp", "hryvnia", "koruna", "krona", "krone",
    "lira", "mark", "peso", "pound", "real", "rouble", "ruble", "rupee", "usd", "won", "yen",
    "yuan", "zloty",
];

/// Kinds of money, by the words that name them.
const MONEY: &[(&str, &[&str])] = &[
    ("damage", &["cost", "damage", "loss", "losses", "repair"]),
    ("ransom", &["demand", "ransom"]),
    ("fine", &["fine", "penalty", "sanction"]),
    (
        "compensation",
        &["aid", "compensation", "grant", "payment", "relief"],
    ),
    ("spending", &["budget", "spend", "spending"]),
    ("turnover", &["profit", "revenue", "sale", "turnover"]),
];

/// Units of time: such a figure is a claim's figure only as a duration the
/// claim is about ("waited 55 minutes", "within 90 days"), not as a time
/// adjunct ("switched off two weeks before the blast").
const TIME_UNITS: &[&str] = &[
    "day", "decade", "hour", "minute", "month", "second", "week", "year",
];

/// Words before a duration that make it what the claim is about.
const DURATION_ARGUMENT: &[&str] = &[
    "delay", "for", "gap", "last", "spend", "take", "wait", "within",
];

/// True when the figure is what the claim states, not a time adjunct.
pub fn is_figure(q: &QuantityFact) -> bool {
    let head = q.head.as_deref().unwrap_or("");
    // "five times the official toll" multiplies another figure.
    if head == "time" || head == "times" {
        return false;
    }
    let duration =
        TIME_UNITS.contains(&head) || TIME_UNITS.iter().any(|u| head.strip_suffix('s') == Some(u));
    !duration
        || q.before
            .iter()
            .any(|w| DURATION_ARGUMENT.contains(&w.as_str()))
}

/// The frame a figure fills, from its counted noun and the words around it.
pub fn frame(q: &QuantityFact) -> Option<Frame> {
    let head = q.head.as_deref().unwrap_or("");
    let unit_words: Vec<String> = q
        .unit
        .as_deref()
        .map(crate::text::words)
        .unwrap_or_default();
    let ctx = &q.context;
    let in_ctx = |list: &[&str]| ctx.iter().any(|w| list.contains(&w.as_str()));
    let is = |list: &[&str]| {
        list.contains(&head) || unit_words.iter().any(|w| list.contains(&w.as_str()))
    };
    if is(CURRENCIES)
        || unit_words
            .iter()
            .any(|w| w.len() == 3 && CURRENCIES.contains(&w.as_str()))
    {
        let kind = MONEY
            .iter()
            .find(|(_, words)| in_ctx(words))
            .map_or("amount", |(k, _)| k);
        return Some(Frame::Money(kind));
    }
    if is(MILITARY) {
        return Some(Frame::Military);
    }
    if is(&["death", "fatality"]) {
        return Some(Frame::Killed);
    }
    if is(CASES) {
        return Some(Frame::Cases);
    }
    let people = head.is_empty()
        || matches!(
            head,
            "people"
                | "person"
                | "worker"
                | "resident"
                | "civilian"
                | "employee"
                | "passenger"
                | "child"
                | "minor"
                | "villager"
                | "inhabitant"
                | "household"
        );
    if people {
        for (list, f) in [
            (MISSING, Frame::Missing),
            (KILLED, Frame::Killed),
            (INJURED, Frame::Injured),
            (ARRESTED, Frame::Arrested),
            (DISPLACED, Frame::Displaced),
            (CROWD, Frame::Crowd),
            (CASES, Frame::Cases),
        ] {
            if in_ctx(list) {
                return Some(f);
            }
        }
    }
    if is(CROWD) {
        return Some(Frame::Crowd);
    }
    (!head.is_empty()).then(|| Frame::Noun(head.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::Modality;

    fn q(head: Option<&str>, unit: Option<&str>, ctx: &str) -> QuantityFact {
        QuantityFact {
            text: String::new(),
            value: Some(1.0),
            min: None,
            max: None,
            unit: unit.map(str::to_string),
            head: head.map(str::to_string),
            approximate: false,
            vague: false,
            modality: Modality::Actual,
            context: crate::text::words(ctx),
            before: vec![],
        }
    }

    #[test]
    fn frames_from_nouns_and_context() {
        assert_eq!(
            frame(&q(None, None, "the death toll rose to twelve")),
            Some(Frame::Killed)
        );
        assert_eq!(
            frame(&q(
                Some("people"),
                Some("people"),
                "kill at least seven people"
            )),
            Some(Frame::Killed)
        );
        assert_eq!(
            frame(&q(Some("people"), Some("people"), "remain missing")),
            Some(Frame::Missing)
        );
        assert_eq!(
            frame(&q(
                Some("instructor"),
                Some("instructors"),
                "a training mission"
            )),
            Some(Frame::Military)
        );
        assert_eq!(
            frame(&q(Some("troop"), Some("troops"), "arrive")),
            Some(Frame::Military)
        );
        assert_eq!(
            frame(&q(Some("crown"), Some("crowns"), "demand a ransom")),
            Some(Frame::Money("ransom"))
        );
        assert_eq!(
            frame(&q(Some("mark"), Some("marks"), "put the damage at")),
            Some(Frame::Money("damage"))
        );
        assert_eq!(
            frame(&q(Some("record"), Some("records"), "steal")),
            Some(Frame::Noun("record".into()))
        );
    }
}
