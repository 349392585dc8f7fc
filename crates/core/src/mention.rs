use crate::Span;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Coarse entity type, as news NER schemes use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// A person.
    Person,
    /// An organization: agency, company, outlet, party, army unit.
    Org,
    /// A geo-political entity: country, city, region with a government.
    Gpe,
    /// A location without a government: peninsula, sea, front line.
    Loc,
    /// A nationality, religious or political group ("Ukrainians").
    Norp,
    /// A named thing of another kind (event, law, product).
    Misc,
}

/// Finer kind of an entity: what sort of actor or place it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A sovereign country.
    Country,
    /// A city or town.
    City,
    /// A province, state, region.
    Region,
    /// A physical location (sea, peninsula, mountain, front).
    Location,
    /// A newspaper, broadcaster, agency or online outlet.
    NewsOutlet,
    /// A ministry, intelligence service, police, court, government office.
    GovernmentAgency,
    /// An army, fleet, brigade, battalion.
    MilitaryUnit,
    /// A company.
    Company,
    /// A university, research institute or think tank.
    University,
    /// A think tank or research institute.
    ThinkTank,
    /// An international organization (UN, NATO, EU).
    InternationalOrganization,
    /// A political party.
    PoliticalParty,
    /// A non-governmental organization or charity.
    Ngo,
    /// An organization of no more specific kind.
    Organization,
    /// A nationality or group ("North Koreans").
    Group,
    /// Anything else.
    Other,
}

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Where it is (bytes).
    pub span: Span,
    /// The tokens it covers (indices into [`crate::Analysis::tokens`]).
    pub tokens: Range<usize>,
}

/// An actor or place with all its mentions in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id: the same canonical key gives the same id in every document.
    pub id: String,
    /// Canonical name ("North Korea", "National Intelligence Service (South Korea)").
    pub name: String,
    /// Coarse type.
    pub etype: EntityType,
    /// Finer kind.
    pub kind: EntityKind,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// A number with what it counts: "1,500 special forces", "thousands of soldiers".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The whole expression (bytes).
    pub span: Span,
    /// The value when it is one number.
    pub value: Option<f64>,
    /// Lower bound ("more than 10" → 10, "thousands" → 2000).
    pub min: Option<f64>,
    /// Upper bound ("up to 12,000" → 12000).
    pub max: Option<f64>,
    /// What is counted: a noun ("soldiers"), `percent`, or a currency code (`USD`).
    pub unit: Option<String>,
    /// True for vague or rounded amounts ("about", "dozens", "nearly").
    pub approximate: bool,
}

/// How precise a time expression is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeGranularity {
    /// A day or a range of days.
    Day,
    /// A week.
    Week,
    /// A month.
    Month,
    /// A quarter or season.
    Quarter,
    /// A year.
    Year,
    /// A decade or longer.
    Decade,
    /// An imprecise present or period ("currently", "recently").
    Vague,
}

/// What a time expression's calendar value was anchored to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeAnchor {
    /// The text gives the full date.
    Explicit,
    /// Relative or year-less, resolved against the publication date.
    Publication,
    /// Year-less or relative, resolved against the latest explicit year in the text.
    TextYear,
    /// Could not be placed on the calendar.
    None,
}

/// A date or period: "June 2024", "October 8-13", "last week".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// The expression (bytes).
    pub span: Span,
    /// First day of the interval, `YYYY-MM-DD`.
    pub start_date: Option<String>,
    /// Last day of the interval (inclusive), `YYYY-MM-DD`.
    pub end_date: Option<String>,
    /// How precise it is.
    pub granularity: TimeGranularity,
    /// What it was resolved against.
    pub anchor: TimeAnchor,
}

/// How sure a speaker is of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Asserted without qualification.
    Certain,
    /// "likely", "is expected to", "believed to".
    Probable,
    /// "may", "could", "possibly", "reportedly".
    Possible,
    /// "unlikely", "doubtful", "unconfirmed".
    Doubtful,
}

/// What a hedge marker does to the statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HedgeKind {
    /// Epistemic or modal qualification ("could", "likely").
    Hedge,
    /// Second-hand marking ("reportedly", "allegedly").
    Evidential,
    /// Grammatical negation ("did not", "no evidence").
    Negation,
    /// A denial by the source ("denied", "rejected").
    Denial,
}

/// A marker of (un)certainty or polarity: "is likely to", "could", "denied".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hedge {
    /// The marker (bytes).
    pub span: Span,
    /// The certainty it expresses.
    pub certainty: Certainty,
    /// What kind of marker it is.
    pub kind: HedgeKind,
    /// The clause or sentence it qualifies (bytes).
    pub scope: Span,
}
