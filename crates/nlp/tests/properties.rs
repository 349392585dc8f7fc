//! Property tests for the code that reads untrusted input: the tokenizer on
//! any text, and the model loaders on any bytes.

use hearsay_nlp::{models, tokenize};
use proptest::prelude::*;

proptest! {
    /// Tokens are non-empty, ordered, non-overlapping, on char boundaries and never whitespace;
    /// sentences partition the tokens in order.
    #[test]
    fn tokens_and_sentences_are_well_formed(text in "(\\PC|[ \\n\\t.'’ʼ\"“”?!-]){0,200}") {
        let seg = tokenize::segment(&text);
        let mut last = 0;
        for t in &seg.tokens {
            prop_assert!(t.start >= last && t.end > t.start && t.end <= text.len());
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            prop_assert!(!t.text(&text).trim().is_empty());
            last = t.end;
        }
        let mut next = 0;
        for r in &seg.sentences {
            prop_assert_eq!(r.start, next);
            prop_assert!(r.end > r.start);
            next = r.end;
        }
        prop_assert_eq!(next, seg.tokens.len());
    }

    /// Every non-space character ends up in some token.
    #[test]
    fn nothing_visible_is_dropped(text in "[a-zA-Z0-9 .,'\"()-]{0,80}") {
        let seg = tokenize::segment(&text);
        let covered: usize = seg.tokens.iter().map(|t| t.text(&text).chars().filter(|c| !c.is_whitespace()).count()).sum();
        prop_assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
    }

    /// Loading arbitrary bytes as a model gives an error or a model, never a panic.
    #[test]
    fn model_loaders_reject_garbage(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = models::tagger_from_bytes(&bytes);
        let _ = models::parser_from_bytes(&bytes);
        let _ = models::ner_from_bytes(&bytes);
    }

    /// A real model file cut short or with a flipped byte loads as an error or a model, never a panic.
    #[test]
    fn damaged_tagger_never_panics(cut in 0usize..4000, flip in 0usize..4000) {
        let good = models::model_bytes(models::TAGGER_FILE).unwrap();
        let mut bytes = good[..cut.min(good.len())].to_vec();
        if let Some(b) = bytes.get_mut(flip) {
            *b ^= 0x5A;
        }
        let _ = models::tagger_from_bytes(&bytes);
    }
}
