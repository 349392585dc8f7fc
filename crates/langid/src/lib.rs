//! Language identification: which language a document is written in, and
//! whether hearsay's English models can read it.
//!
//! The statistics come from [`whatlang`] (trigram profiles of 70 languages, no
//! model files; `docs/QUALITY.md` has the measurements against `lingua` that
//! chose it). Whatlang alone reads an English article with one French quote as
//! French, so [`identify`] runs it on each sentence and quotation and lets the
//! letters vote, each chunk with its letters times whatlang's confidence in it
//! and quotations at half weight: a page mostly in English with a foreign quote
//! is English. The [`Reading`] then decides what the English analyzer does with
//! it: a text mostly in a script other than Latin is foreign; a Latin-script
//! text is foreign only when another language wins with [`CONFIDENT`]
//! confidence, over at least [`MIN_FOREIGN_LETTERS`] letters, and English
//! function words do not veto it ([`ENGLISH_VETO`]); anything else is analyzed.
//!
//! ```
//! use hearsay_langid::{Reading, identify};
//! let de = identify("Der Minister sagte, die Gespräche würden in der nächsten Woche fortgesetzt.").unwrap();
//! assert_eq!((de.language, de.reading), ("de", Reading::Foreign));
//! let en = identify("The Kremlin rejected the report on Thursday. \"Это очередная выдумка \
//!     западных СМИ\", Dmitry Peskov told journalists, according to the state news agency. \
//!     Western officials, who spoke on condition of anonymity, said the intelligence had been \
//!     shared with allies last month and that they stood by their assessment.").unwrap();
//! assert_eq!((en.language, en.reading), ("en", Reading::English));
//! ```
//!
//! [`LanguageStage`] writes the identification on the document and flags what
//! the English stages after it must not read (the analyzer stops there).

pub mod eval;
mod stage;

pub use stage::LanguageStage;

use whatlang::{Lang, Script};

/// The identification model, named in the analyzer version: a stored analysis
/// made before another model is redone by `hearsay add --reanalyze`.
pub const MODEL: &str = "whatlang-0.18";

/// What the identification means for the English analyzer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// English, surely enough: analyze it.
    English,
    /// Surely not English: the English models would invent claims, so it is not analyzed.
    Foreign,
    /// Too little text (or too mixed) to tell; analyzed as English and flagged.
    Unsure,
}

/// The language of a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Identification {
    /// ISO 639-1 code (`en`, `de`, `zh`).
    pub language: &'static str,
    /// The language's English name ("German"), for messages.
    pub name: &'static str,
    /// In [0, 1], two decimals: `language`'s share of the votes times their
    /// strength (whatlang's mean confidence, or for long texts the amount of
    /// agreeing evidence).
    pub confidence: f32,
    /// Whether the English analyzer should read it.
    pub reading: Reading,
}

/// Below this confidence an identification is unsure, and an English text is
/// analyzed whatever the guess. Short English sentences ("The Russian Defense
/// Ministry said so.") get guesses such as Afrikaans at up to 0.54.
pub const CONFIDENT: f32 = 0.7;

/// Fewest letters in a Latin-script text for it to be judged foreign: below this,
/// trigram statistics mistake English for its neighbours too often.
pub const MIN_FOREIGN_LETTERS: usize = 40;

/// A Latin-script text in which at least this share of the words are English
/// function words is never judged foreign, whatever whatlang guessed: whatlang
/// took one English sentence of 3,210 from PolNeAR dev for French (0.71), and
/// short ones for Afrikaans, while texts in the test set's other languages have
/// none of these words. Losing an English article's claims costs more than
/// analyzing a foreign one.
pub const ENGLISH_VETO: f64 = 0.1;

/// English words that are not also common words of the other languages
/// written in the Latin script ("also" and "will" are German, "of" Dutch,
/// "for" and "by" Danish, "he" Spanish).
const ENGLISH_WORDS: &[&str] = &[
    "about", "after", "and", "are", "been", "but", "could", "had", "has", "have", "his", "its",
    "it", "not", "said", "says", "she", "should", "than", "that", "the", "their", "there", "they",
    "this", "were", "what", "when", "which", "who", "with", "from", "would",
];

/// The share of the words of `text` that are [`ENGLISH_WORDS`].
fn english_words(text: &str) -> f64 {
    let (mut english, mut words) = (0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if word.len() <= 6 && ENGLISH_WORDS.iter().any(|e| e.eq_ignore_ascii_case(word)) {
            english += 1;
        }
    }
    english as f64 / words.max(1) as f64
}

/// A chunk with fewer letters than this is merged with the next one: whatlang
/// needs a few words to say anything.
const MIN_CHUNK_LETTERS: usize = 24;

/// Letters examined at most (some twenty sentences); chunks of longer texts are
/// sampled evenly across the text, so that the cost per document stays bounded
/// at a small share of the analysis.
const MAX_LETTERS: usize = 2000;

/// Identify the language of `text`; `None` when it has no letters (or none
/// that whatlang can judge).
pub fn identify(text: &str) -> Option<Identification> {
    let chunks = chunks(text);
    let letters: usize = chunks.iter().map(|c| c.letters).sum();
    if letters == 0 {
        return None;
    }
    let stride = letters.div_ceil(MAX_LETTERS);
    let mut votes: Vec<(Lang, f64)> = Vec::new();
    let (mut examined, mut latin) = (0.0, 0.0);
    for chunk in chunks.iter().step_by(stride) {
        let letters = chunk.weight();
        examined += letters;
        let Some(info) = whatlang::detect(chunk.text) else {
            continue;
        };
        if info.script() == Script::Latin {
            latin += letters;
        }
        let weight = letters * info.confidence();
        match votes.iter_mut().find(|(l, _)| *l == info.lang()) {
            Some((_, w)) => *w += weight,
            None => votes.push((info.lang(), weight)),
        }
    }
    // Of equal votes, the language that voted first (in text order) wins.
    let (lang, weight) = votes
        .iter()
        .copied()
        .reduce(|best, v| if v.1 > best.1 { v } else { best })?;
    // Two decimals: what a reader can use.
    let confidence = ((weight / votes_total(&votes) * strength(&votes, examined)) * 100.0).round()
        as f32
        / 100.0;
    let reading = if latin * 2.0 < examined {
        // English is written in the Latin script: a text mostly in another is not English.
        Reading::Foreign
    } else if confidence < CONFIDENT {
        Reading::Unsure
    } else if lang == Lang::Eng {
        Reading::English
    } else if latin >= MIN_FOREIGN_LETTERS as f64 && english_words(text) < ENGLISH_VETO {
        Reading::Foreign
    } else {
        Reading::Unsure
    };
    Some(Identification {
        language: iso_639_1(lang),
        name: lang.eng_name(),
        confidence,
        reading,
    })
}

/// All the votes cast.
fn votes_total(votes: &[(Lang, f64)]) -> f64 {
    votes
        .iter()
        .map(|(_, w)| w)
        .sum::<f64>()
        .max(f64::MIN_POSITIVE)
}

/// Letters of confident votes that make any text's vote count in full.
const FULL_EVIDENCE: f64 = 300.0;

/// How much the votes can be trusted, in [0, 1]: whatlang's mean confidence
/// over the examined letters, or for long texts the amount of evidence (many
/// sentences that agree outweigh each one's doubt).
fn strength(votes: &[(Lang, f64)], examined: f64) -> f64 {
    let total = votes_total(votes);
    (total / examined).max((total / FULL_EVIDENCE).min(1.0))
}

/// A piece of text that whatlang judges on its own.
struct Chunk<'a> {
    text: &'a str,
    letters: usize,
}

/// How much a quotation's letters count against the narration's: what people
/// are quoted saying is often in their own language, and the article's is the
/// one it is told in.
const QUOTE_WEIGHT: f64 = 0.5;

impl Chunk<'_> {
    /// True when the chunk opens with a quotation mark.
    fn is_quote(&self) -> bool {
        self.text
            .trim_start()
            .starts_with(['"', '“', '„', '«', '‹', '「'])
    }

    /// Its letters, a quotation's counted at [`QUOTE_WEIGHT`].
    fn weight(&self) -> f64 {
        let w = self.letters as f64;
        if self.is_quote() { w * QUOTE_WEIGHT } else { w }
    }
}

/// True for a character that ends a chunk: sentence ends, line breaks and
/// quotation marks (a quote in another language becomes a chunk of its own).
fn is_boundary(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '\n'
            | '"'
            | '“'
            | '”'
            | '„'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '。'
            | '！'
            | '？'
            | '؟'
    )
}

/// The text cut at every boundary, pieces with too few letters joined to the next.
fn chunks(text: &str) -> Vec<Chunk<'_>> {
    let mut out = Vec::new();
    let (mut start, mut letters) = (0, 0);
    for (i, c) in text.char_indices() {
        if c.is_alphabetic() {
            letters += 1;
        } else if is_boundary(c) && letters >= MIN_CHUNK_LETTERS {
            let end = i + c.len_utf8();
            out.push(Chunk {
                text: &text[start..end],
                letters,
            });
            (start, letters) = (end, 0);
        }
    }
    if letters > 0 {
        out.push(Chunk {
            text: &text[start..],
            letters,
        });
    }
    out
}

/// The ISO 639-1 code of every language whatlang knows (each has one).
fn iso_639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
    }
}

/// One text of the test set: news-style texts written for hearsay in twelve
/// languages (`crates/langid/testset/CODE/NAME.txt`, embedded at build time).
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    /// The language it is written in (ISO 639-1, the folder's name).
    pub language: &'static str,
    /// The file's stem.
    pub name: &'static str,
    /// The text.
    pub text: &'static str,
}

/// The test set that `hearsay eval langid` scores by default.
pub const TESTSET: &[Sample] = include!(concat!(env!("OUT_DIR"), "/testset.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_a_two_letter_code() {
        for &lang in Lang::all() {
            let code = iso_639_1(lang);
            assert_eq!(code.len(), 2, "{lang:?}");
            assert!(code.chars().all(|c| c.is_ascii_lowercase()), "{lang:?}");
        }
    }

    #[test]
    fn no_letters_no_language() {
        assert_eq!(identify("1,500 – 12,000 (2024)"), None);
        assert_eq!(identify(""), None);
    }

    #[test]
    fn a_foreign_quote_is_its_own_chunk() {
        let text = "The minister defended the timetable. \"Nous avons fait le choix de la régularité\", he told reporters.";
        let pieces: Vec<&str> = chunks(text).iter().map(|c| c.text).collect();
        assert_eq!(
            pieces,
            [
                "The minister defended the timetable.",
                " \"Nous avons fait le choix de la régularité\"",
                ", he told reporters."
            ]
        );
    }

    #[test]
    fn short_pieces_join_the_next() {
        let pieces: Vec<&str> = chunks("Yes. No. The spokesman said so on Monday.")
            .iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(pieces, ["Yes. No. The spokesman said so on Monday."]);
    }

    #[test]
    fn english_function_words_veto_a_foreign_guess() {
        // Whatlang reads this PolNeAR dev sentence as French (0.71).
        let text = "Republicans said the findings raised more troubling questions about the Justice Department's actions.";
        let id = identify(text).unwrap();
        assert_eq!(id.reading, Reading::Unsure, "{id:?}");
        assert!(english_words(text) > 0.25);
        assert_eq!(
            english_words("Der Minister will also mehr Geld für die Häfen."),
            0.0
        );
    }

    #[test]
    fn a_short_english_sentence_is_unsure_not_foreign() {
        let id = identify("The Russian Defense Ministry said so.").unwrap();
        assert_eq!(id.reading, Reading::Unsure, "{id:?}");
    }

    #[test]
    fn a_short_text_in_another_script_is_foreign() {
        let id = identify("部长说，谈判将于下周继续。").unwrap();
        assert_eq!((id.language, id.reading), ("zh", Reading::Foreign));
    }

    #[test]
    fn long_texts_are_sampled_across_the_text() {
        let english = "The ministry said on Monday that the talks would resume next week. ";
        let german = "Das Ministerium teilte am Montag mit, die Gespräche würden fortgesetzt. ";
        let text = format!("{}{}", english.repeat(10), german.repeat(400));
        let id = identify(&text).unwrap();
        assert_eq!((id.language, id.reading), ("de", Reading::Foreign));
    }

    #[test]
    fn the_test_set_is_embedded() {
        assert!(TESTSET.len() >= 50);
        for lang in ["en", "de", "fr", "es", "ru", "uk", "ar", "zh"] {
            assert!(TESTSET.iter().any(|s| s.language == lang), "{lang}");
        }
    }
}
