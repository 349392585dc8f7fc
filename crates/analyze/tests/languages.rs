//! The language test set (`crates/langid/testset`, texts written for hearsay in
//! twelve languages) through the whole analyzer: every text not in English gets
//! its language and no entities, attributions or claims; every English text is
//! analyzed exactly as the English stages alone analyze it.

use hearsay_analyze::Analyzer;
use hearsay_core::{Analysis, Document, FlagKind, Stage};
use hearsay_langid::{CONFIDENT, TESTSET};

/// The analyzer without language identification: what English text got before it.
fn english_stages() -> Analyzer {
    let mut stages: Vec<Box<dyn Stage>> = hearsay_nlp::stages().expect("the models load");
    stages.extend(hearsay_mentions::stages());
    stages.extend(hearsay_attribution::stages());
    Analyzer::from_stages(stages)
}

fn is_language_flag(kind: FlagKind) -> bool {
    matches!(
        kind,
        FlagKind::UnsupportedLanguage | FlagKind::UncertainLanguage
    )
}

/// Everything the English stages write, without the language flags.
fn layers(a: &Analysis) -> Analysis {
    let mut a = a.clone();
    a.analyzer.clear();
    a.document.language = None;
    a.document.language_confidence = None;
    a.flags.retain(|f| !is_language_flag(f.kind));
    a
}

#[test]
fn every_text_gets_its_language_and_the_right_treatment() {
    let analyzer = Analyzer::new().unwrap();
    let plain = english_stages();
    let mut foreign = 0;
    for s in TESTSET {
        let name = format!("{}/{}", s.language, s.name);
        let a = analyzer.analyze(Document::new(s.text));
        let language = a.document.language.as_deref();
        let confidence = a.document.language_confidence.expect("identified");
        if confidence >= CONFIDENT {
            assert_eq!(language, Some(s.language), "{name} ({confidence})");
        }
        if s.language == "en" {
            assert!(!a.unsupported_language(), "{name}: {:?}", a.flags);
            assert_eq!(
                layers(&a),
                layers(&plain.analyze(Document::new(s.text))),
                "{name}"
            );
        } else {
            foreign += 1;
            assert!(
                a.unsupported_language(),
                "{name} ({language:?}, {confidence})"
            );
            assert!(
                a.attributions.is_empty() && a.entities.is_empty() && a.tokens.is_empty(),
                "{name}"
            );
            assert!(a.quantities.is_empty() && a.times.is_empty() && a.hedges.is_empty());
            assert!(hearsay_resolve::extract(&a).mentions.is_empty(), "{name}");
            let flag = &a.flags[0];
            assert_eq!(flag.kind, FlagKind::UnsupportedLanguage);
            assert!(
                flag.note.contains("hearsay reads English only"),
                "{}",
                flag.note
            );
        }
    }
    assert!(foreign >= 40, "{foreign} texts not in English");
}

#[test]
fn english_with_a_foreign_quote_is_english() {
    let analyzer = Analyzer::new().unwrap();
    for name in ["6-german-quote", "7-french-quote", "8-russian-quote"] {
        let s = TESTSET
            .iter()
            .find(|s| s.language == "en" && s.name == name)
            .unwrap();
        let a = analyzer.analyze(Document::new(s.text));
        assert_eq!(a.document.language.as_deref(), Some("en"), "{name}");
        assert!(!a.attributions.is_empty(), "{name}: no claims");
    }
}

#[test]
fn identification_is_right_for_most_of_the_set() {
    let right = TESTSET
        .iter()
        .filter(|s| hearsay_langid::identify(s.text).map(|i| i.language) == Some(s.language))
        .count();
    // 51 of 54 when written: two one-sentence English texts and a Russian headline
    // are guessed wrong, with a confidence below CONFIDENT (`hearsay eval langid`).
    assert!(
        right * 100 >= TESTSET.len() * 90,
        "{right} of {}",
        TESTSET.len()
    );
}

#[test]
fn the_sample_article_is_english_and_unchanged() {
    let sample = include_str!("../../../examples/sample-article.txt");
    let a = Analyzer::new().unwrap().analyze(Document::new(sample));
    assert_eq!(a.document.language.as_deref(), Some("en"));
    assert!(a.document.language_confidence.unwrap() >= CONFIDENT);
    assert!(a.flags.iter().all(|f| !is_language_flag(f.kind)));
    assert_eq!(
        layers(&a),
        layers(&english_stages().analyze(Document::new(sample)))
    );
}
