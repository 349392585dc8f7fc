//! CoNLL-U, like the shared PolNeAR silver files: `ID FORM LEMMA UPOS XPOS
//! FEATS HEAD DEPREL DEPS MISC`, with `NER=…|Start=…|End=…` (code points) in MISC.

use hearsay_core::{Analysis, CharMap, Sentence, Span};
use std::fmt::Write;

/// The CoNLL-U of an analysis: a `# newdoc id = NAME` line, then per sentence
/// `# sent_id = NAME-N`, `# text = …` and one line per token. Token heads are
/// 1-based within the sentence (0 for the root); a layer the analysis lacks is `_`.
pub fn render(a: &Analysis, name: &str) -> String {
    let text = a.text();
    let map = CharMap::new(text);
    let mut ner = vec!["O"; a.tokens.len()];
    for span in &a.ner {
        for i in span.tokens.clone() {
            if let Some(slot) = ner.get_mut(i) {
                *slot = span.label.as_str();
            }
        }
    }
    let whole;
    let sentences: &[Sentence] = if a.sentences.is_empty() && !a.tokens.is_empty() {
        whole = [Sentence {
            span: Span::new(0, text.len()),
            tokens: 0..a.tokens.len(),
        }];
        &whole
    } else {
        &a.sentences
    };
    let mut out = format!("# newdoc id = {}\n", clean(name));
    for (n, sentence) in sentences.iter().enumerate() {
        let range =
            sentence.tokens.start.min(a.tokens.len())..sentence.tokens.end.min(a.tokens.len());
        if range.is_empty() {
            continue;
        }
        writeln!(out, "# sent_id = {}-{}", clean(name), n + 1).expect("writing to a String");
        writeln!(out, "# text = {}", clean(crate::slice(text, sentence.span)))
            .expect("writing to a String");
        for i in range.clone() {
            let tok = &a.tokens[i];
            let (head, deprel) = if tok.deprel.is_empty() {
                ("_".to_string(), "_".to_string())
            } else {
                let head = match tok.head {
                    Some(h) if range.contains(&h) => (h - range.start + 1).to_string(),
                    _ => "0".to_string(),
                };
                (head, tok.deprel.clone())
            };
            writeln!(
                out,
                "{}\t{}\t{}\t_\t{}\t_\t{}\t{}\t_\tNER={}|Start={}|End={}",
                i - range.start + 1,
                field(crate::slice(text, tok.span)),
                field(&tok.lemma),
                field(&tok.pos),
                head,
                field(&deprel),
                ner[i],
                map.char_of(tok.span.start),
                map.char_of(tok.span.end),
            )
            .expect("writing to a String");
        }
        out.push('\n');
    }
    out
}

/// A column value: no tabs or line breaks; `_` when empty.
fn field(s: &str) -> String {
    let s = clean(s);
    if s.is_empty() { "_".to_string() } else { s }
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use hearsay_core::{Document, NerSpan, Token};

    #[test]
    fn tokens_heads_ner_and_offsets() {
        let text = "Kimʼs aide spoke.";
        let mut a = Analysis::empty(Document::new(text), "t");
        let tok =
            |s: usize, e: usize, lemma: &str, pos: &str, head: Option<usize>, dep: &str| Token {
                span: Span::new(s, e),
                lemma: lemma.into(),
                pos: pos.into(),
                head,
                deprel: dep.into(),
            };
        a.tokens = vec![
            tok(0, 3, "Kim", "NNP", Some(2), "nmod:poss"),
            tok(3, 6, "'s", "POS", Some(0), "case"),
            tok(7, 11, "aide", "NN", Some(3), "nsubj"),
            tok(12, 17, "speak", "VBD", None, "root"),
            tok(17, 18, ".", ".", Some(3), "punct"),
        ];
        a.sentences = vec![Sentence {
            span: Span::new(0, 18),
            tokens: 0..5,
        }];
        a.ner = vec![NerSpan {
            tokens: 0..1,
            span: Span::new(0, 3),
            label: "PERSON".into(),
        }];
        let out = render(&a, "doc");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "# newdoc id = doc");
        assert_eq!(lines[1], "# sent_id = doc-1");
        assert_eq!(lines[2], "# text = Kimʼs aide spoke.");
        assert_eq!(
            lines[3],
            "1\tKim\tKim\t_\tNNP\t_\t3\tnmod:poss\t_\tNER=PERSON|Start=0|End=3"
        );
        assert_eq!(
            lines[4],
            "2\tʼs\t's\t_\tPOS\t_\t1\tcase\t_\tNER=O|Start=3|End=5"
        );
        assert_eq!(
            lines[6],
            "4\tspoke\tspeak\t_\tVBD\t_\t0\troot\t_\tNER=O|Start=11|End=16"
        );
        assert!(
            out.ends_with("4\tpunct\t_\tNER=O|Start=16|End=17\n\n"),
            "{out}"
        );
    }

    #[test]
    fn a_thin_analysis_is_just_the_document_line() {
        let a = Analysis::empty(Document::new("Hello."), "t");
        assert_eq!(render(&a, "x"), "# newdoc id = x\n");
    }

    #[test]
    fn missing_parse_is_underscore() {
        let mut a = Analysis::empty(Document::new("Hi"), "t");
        a.tokens = vec![Token {
            span: Span::new(0, 2),
            lemma: String::new(),
            pos: String::new(),
            head: None,
            deprel: String::new(),
        }];
        let out = render(&a, "x");
        assert!(
            out.contains("1\tHi\t_\t_\t_\t_\t_\t_\t_\tNER=O|Start=0|End=2"),
            "{out}"
        );
    }
}
