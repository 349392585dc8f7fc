//! The pipeline stage: identification written on the document, and the flags
//! that tell the English stages after it (and the analyst) what it found.

use crate::{CONFIDENT, Identification, MODEL, Reading, identify};
use hearsay_core::{Analysis, Flag, FlagKind, Stage};

/// The first stage of the analyzer. It sets `document.language` and
/// `document.language_confidence` from the text (a reader's hint is replaced;
/// it stays only when the text has no letters) and flags the document
/// `unsupported_language` when it is surely not English, which ends the
/// pipeline, or `uncertain_language` when it cannot tell.
///
/// ```
/// use hearsay_core::{Analysis, Document, FlagKind, Stage};
/// let mut a = Analysis::empty(Document::new("Правительство подтвердило, что в порту задержаны ещё три судна."), "");
/// hearsay_langid::LanguageStage.annotate(&mut a);
/// assert_eq!(a.document.language.as_deref(), Some("ru"));
/// assert!(a.unsupported_language());
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct LanguageStage;

impl Stage for LanguageStage {
    fn name(&self) -> &'static str {
        "language"
    }

    fn annotate(&self, analysis: &mut Analysis) {
        let Some(id) = identify(analysis.text()) else {
            return;
        };
        analysis.document.language = Some(id.language.to_string());
        analysis.document.language_confidence = Some(id.confidence);
        let (kind, note) = match id.reading {
            Reading::English => return,
            Reading::Foreign => (
                FlagKind::UnsupportedLanguage,
                format!(
                    "{}; hearsay reads English only: no entities, attributions or claims",
                    if id.confidence >= CONFIDENT {
                        format!("written in {}", described(&id))
                    } else {
                        format!("not written in English (most likely {})", described(&id))
                    }
                ),
            ),
            Reading::Unsure => (
                FlagKind::UncertainLanguage,
                format!(
                    "language uncertain (most likely {}); analyzed as English",
                    described(&id)
                ),
            ),
        };
        analysis.flags.push(Flag {
            kind,
            entities: Vec::new(),
            mentions: Vec::new(),
            note,
        });
    }

    fn version(&self) -> String {
        MODEL.to_string()
    }
}

/// "German (de, confidence 0.98)".
fn described(id: &Identification) -> String {
    format!(
        "{} ({}, confidence {:.2})",
        id.name, id.language, id.confidence
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use hearsay_core::Document;

    fn annotated(text: &str, hint: Option<&str>) -> Analysis {
        let mut doc = Document::new(text);
        doc.language = hint.map(str::to_string);
        let mut a = Analysis::empty(doc, "");
        LanguageStage.annotate(&mut a);
        a
    }

    #[test]
    fn the_text_outweighs_the_page_s_hint() {
        let a = annotated(
            "Die Regierung hat am Dienstag bestätigt, dass drei weitere Schiffe festgehalten werden.",
            Some("en"),
        );
        assert_eq!(a.document.language.as_deref(), Some("de"));
        assert!(a.document.language_confidence.unwrap() > CONFIDENT);
        assert_eq!(a.flags.len(), 1);
        assert_eq!(a.flags[0].kind, FlagKind::UnsupportedLanguage);
        assert!(
            a.flags[0]
                .note
                .starts_with("written in German (de, confidence ")
        );
    }

    #[test]
    fn an_unsure_guess_in_another_script_says_only_that_it_is_not_english() {
        let a = annotated("Наводнение на юге: тысячи жителей покидают свои дома", None);
        assert!(a.unsupported_language());
        assert!(a.document.language_confidence.unwrap() < CONFIDENT);
        assert!(
            a.flags[0]
                .note
                .starts_with("not written in English (most likely "),
            "{}",
            a.flags[0].note
        );
    }

    #[test]
    fn english_is_not_flagged() {
        let a = annotated(
            "The government confirmed on Tuesday that three more cargo ships were being held in the port, a spokesman said.",
            Some("de"),
        );
        assert_eq!(a.document.language.as_deref(), Some("en"));
        assert!(a.flags.is_empty(), "{:?}", a.flags);
    }

    #[test]
    fn an_unsure_text_says_so() {
        let a = annotated("Jordan said he would run again.", None);
        assert!(!a.unsupported_language());
        assert_eq!(a.flags[0].kind, FlagKind::UncertainLanguage);
        assert!(a.document.language_confidence.unwrap() < CONFIDENT);
    }

    #[test]
    fn a_text_without_letters_keeps_its_hint() {
        let a = annotated("1,500 – 12,000", Some("en"));
        assert_eq!(a.document.language.as_deref(), Some("en"));
        assert_eq!(a.document.language_confidence, None);
        assert!(a.flags.is_empty());
    }
}
