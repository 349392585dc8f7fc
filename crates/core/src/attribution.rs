use crate::{Hedge, Span};
use serde::{Deserialize, Serialize};

/// How the content is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// A verbatim quote: `"No amount of training …," Yang said.`
    Direct,
    /// Reported speech: `NIS reported that the DPRK has sent …`.
    Indirect,
    /// Reported speech with quoted parts.
    Mixed,
    /// A prepositional cue: `according to analysts, …`.
    AccordingTo,
    /// A headline of the form `WSJ: There was a secret clause …`.
    Headline,
    /// Beliefs, intentions and other cues.
    Other,
}

/// What kind of source a claim comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A person named in the text.
    NamedPerson,
    /// An unnamed person ("a senior European intelligence source").
    AnonymousPerson,
    /// An unnamed group ("analysts", "officials").
    AnonymousGroup,
    /// A government body ("the National Intelligence Service").
    GovernmentAgency,
    /// A news outlet ("The Wall Street Journal").
    NewsOutlet,
    /// Another organization (company, party, NGO, university).
    Organization,
    /// A document ("the report", "a court filing").
    Document,
    /// Could not be told.
    Unknown,
}

/// The words that mark an attribution: "said", "according to", "told the newspaper".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// Where the cue is (bytes).
    pub span: Span,
    /// The cue's lemma ("say", "according to", "tell").
    pub lemma: String,
}

/// Who a claim is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The source as written, with its apposition (bytes).
    pub span: Span,
    /// The entity it resolves to (an [`crate::Entity::id`]), when known.
    pub entity: Option<String>,
    /// What kind of source it is.
    pub kind: SourceKind,
    /// The role or affiliation the text gives ("a nuclear security researcher at the Rand Corporation").
    pub role: Option<String>,
    /// The words the cue's own grammar names the source by, when [`Source::span`]
    /// is another phrase they stand for: the relative pronoun of "the union,
    /// which says …" (the source is "the union"), or the reporter of "The Ledger
    /// reported, citing two diplomats, …" (the source is the innermost one, "two
    /// diplomats"; the reporter is the last link of the via chain). PolNeAR
    /// annotates these words as the source; the brat output writes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue_source: Option<Span>,
}

/// One link of a claim's chain of sources other than the attributed source itself:
/// an outlet it passed through ("told the newspaper"), or the origin the source
/// cites ("reported … with reference to a former agent").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViaLink {
    /// Where the intermediary is named (bytes); empty when it is implied (the publishing outlet).
    pub span: Span,
    /// Its name as written or known ("The Wall Street Journal").
    pub text: String,
    /// The entity it resolves to, when known.
    pub entity: Option<String>,
    /// What kind of intermediary it is.
    pub kind: SourceKind,
    /// The cue linking it ("citing", "with reference to", "told").
    pub cue: Option<String>,
}

/// A claim and who makes it: source, cue, content, and how it reached the reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// Id unique within the document ("a1", "a2", …).
    pub id: String,
    /// How the content is given.
    pub kind: AttributionKind,
    /// The cue.
    pub cue: Cue,
    /// The source, when the text names or implies one.
    pub source: Option<Source>,
    /// What is claimed, possibly in several pieces (bytes).
    pub content: Vec<Span>,
    /// The rest of the source chain, outermost (closest to the reader) first.
    pub via: Vec<ViaLink>,
    /// The strongest hedge inside the content or on the cue.
    pub hedge: Option<Hedge>,
    /// Model confidence in `[0, 1]`.
    pub confidence: f32,
}
