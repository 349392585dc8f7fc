//! Reading CoNLL-U, the format of the shared silver training data.
//!
//! The PolNeAR files carry, per token, `NER=…|Start=…|End=…` in MISC: the NER
//! class and code-point offsets into the article text. [`ConlluDoc::to_layers`]
//! turns a document back into hearsay's token, sentence and NER layers.
//!
//! ```
//! let src = "# newdoc id = d1\n1\tHi\thi\t_\tUH\t_\t0\troot\t_\tNER=O|Start=0|End=2\n\n";
//! let docs = hearsay_nlp::conllu::parse(src).unwrap();
//! assert_eq!(docs[0].id.as_deref(), Some("d1"));
//! assert_eq!(docs[0].sentences[0].tokens[0].xpos, "UH");
//! ```

use hearsay_core::{CharMap, NerSpan, Sentence, Span, Token};
use std::io::Read;
use std::path::Path;

/// Why a CoNLL-U file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConlluError {
    /// The file could not be opened or decompressed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A token line is malformed.
    #[error("line {line}: {reason}")]
    Syntax {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// Token offsets do not fit the text they are applied to.
    #[error("document {doc}: {reason}")]
    Offsets {
        /// The document id.
        doc: String,
        /// What is wrong.
        reason: String,
    },
}

/// One token line. Multi-word ranges (`1-2`) and empty nodes (`1.1`) are skipped on reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConlluToken {
    /// FORM.
    pub form: String,
    /// LEMMA.
    pub lemma: String,
    /// UPOS (`_` in the PolNeAR files).
    pub upos: String,
    /// XPOS: the Penn Treebank tag.
    pub xpos: String,
    /// HEAD: 1-based index of the head in the sentence, 0 for the root.
    pub head: usize,
    /// DEPREL.
    pub deprel: String,
    /// NER class from MISC (`O` when absent).
    pub ner: String,
    /// Code-point offset of the token's start in the text (MISC `Start=`).
    pub start: Option<usize>,
    /// Code-point offset one past the token's end (MISC `End=`).
    pub end: Option<usize>,
}

/// A sentence: its id comment and its tokens.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluSentence {
    /// `# sent_id = …`
    pub id: Option<String>,
    /// Tokens in order (index `i` is CoNLL-U id `i + 1`).
    pub tokens: Vec<ConlluToken>,
}

/// A document: the sentences after one `# newdoc id = …` comment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluDoc {
    /// `# newdoc id = …`
    pub id: Option<String>,
    /// Sentences in order.
    pub sentences: Vec<ConlluSentence>,
}

/// Parse CoNLL-U text into documents (a file without `newdoc` comments is one document).
pub fn parse(src: &str) -> Result<Vec<ConlluDoc>, ConlluError> {
    let mut docs: Vec<ConlluDoc> = Vec::new();
    let mut sent = ConlluSentence::default();
    let flush = |docs: &mut Vec<ConlluDoc>, sent: &mut ConlluSentence| {
        if !sent.tokens.is_empty() {
            if docs.is_empty() {
                docs.push(ConlluDoc::default());
            }
            docs.last_mut()
                .expect("a document")
                .sentences
                .push(std::mem::take(sent));
        }
    };
    for (n, line) in src.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            flush(&mut docs, &mut sent);
        } else if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if let Some(id) = c.strip_prefix("newdoc id =") {
                flush(&mut docs, &mut sent);
                docs.push(ConlluDoc {
                    id: Some(id.trim().to_string()),
                    sentences: Vec::new(),
                });
            } else if let Some(id) = c.strip_prefix("sent_id =") {
                sent.id = Some(id.trim().to_string());
            }
        } else {
            if let Some(tok) = parse_token(line, n + 1)? {
                sent.tokens.push(tok);
            }
        }
    }
    flush(&mut docs, &mut sent);
    Ok(docs)
}

fn parse_token(line: &str, lineno: usize) -> Result<Option<ConlluToken>, ConlluError> {
    let err = |reason: String| ConlluError::Syntax {
        line: lineno,
        reason,
    };
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 10 {
        return Err(err(format!(
            "expected 10 tab-separated columns, found {}",
            cols.len()
        )));
    }
    if cols[0].contains(['-', '.']) {
        return Ok(None);
    }
    let head = if cols[6] == "_" {
        0
    } else {
        cols[6]
            .parse()
            .map_err(|_| err(format!("HEAD is not a number: {:?}", cols[6])))?
    };
    let mut tok = ConlluToken {
        form: cols[1].to_string(),
        lemma: cols[2].to_string(),
        upos: cols[3].to_string(),
        xpos: cols[4].to_string(),
        head,
        deprel: cols[7].to_string(),
        ner: "O".to_string(),
        start: None,
        end: None,
    };
    if cols[9] != "_" {
        for kv in cols[9].split('|') {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            match k {
                "NER" => tok.ner = v.to_string(),
                "Start" => tok.start = v.parse().ok(),
                "End" => tok.end = v.parse().ok(),
                _ => {}
            }
        }
    }
    Ok(Some(tok))
}

/// Read a `.conllu` or `.conllu.gz` file.
pub fn read_path(path: &Path) -> Result<Vec<ConlluDoc>, ConlluError> {
    let io = |source| ConlluError::Io {
        path: path.display().to_string(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut src = String::new();
    if path.extension().is_some_and(|e| e == "gz") {
        flate2::read::MultiGzDecoder::new(file)
            .read_to_string(&mut src)
            .map_err(io)?;
    } else {
        std::io::BufReader::new(file)
            .read_to_string(&mut src)
            .map_err(io)?;
    }
    parse(&src)
}

/// The layers one CoNLL-U document gives, in hearsay's data model.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layers {
    /// Sentences.
    pub sentences: Vec<Sentence>,
    /// Tokens with lemma, POS and the parse (document-level head indices).
    pub tokens: Vec<Token>,
    /// Maximal runs of tokens sharing one NER class other than `O`, within a sentence.
    pub ner: Vec<NerSpan>,
}

impl ConlluDoc {
    /// Convert to hearsay layers with byte spans into `text`, using the `Start=`/`End=` offsets.
    pub fn to_layers(&self, text: &str) -> Result<Layers, ConlluError> {
        let map = CharMap::new(text);
        let doc = self.id.clone().unwrap_or_default();
        let mut layers = Layers::default();
        for sent in &self.sentences {
            let base = layers.tokens.len();
            for (i, t) in sent.tokens.iter().enumerate() {
                let (Some(s), Some(e)) = (t.start, t.end) else {
                    return Err(ConlluError::Offsets {
                        doc,
                        reason: format!("token {} {:?} has no Start=/End=", i + 1, t.form),
                    });
                };
                if e > map.len_chars() || s > e {
                    return Err(ConlluError::Offsets {
                        doc,
                        reason: format!("token {:?} at {s}..{e} is outside the text", t.form),
                    });
                }
                layers.tokens.push(Token {
                    span: Span::new(map.byte_of(s), map.byte_of(e)),
                    lemma: t.lemma.clone(),
                    pos: t.xpos.clone(),
                    head: (t.head > 0).then(|| base + t.head - 1),
                    deprel: t.deprel.clone(),
                });
            }
            let end = layers.tokens.len();
            if end == base {
                continue;
            }
            layers.sentences.push(Sentence {
                span: layers.tokens[base].span.cover(&layers.tokens[end - 1].span),
                tokens: base..end,
            });
            let mut i = 0;
            while i < sent.tokens.len() {
                let label = &sent.tokens[i].ner;
                let mut j = i + 1;
                while j < sent.tokens.len() && sent.tokens[j].ner == *label {
                    j += 1;
                }
                if label != "O" {
                    layers.ner.push(NerSpan {
                        tokens: base + i..base + j,
                        span: layers.tokens[base + i]
                            .span
                            .cover(&layers.tokens[base + j - 1].span),
                        label: label.clone(),
                    });
                }
                i = j;
            }
        }
        Ok(layers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "# newdoc id = d1\n# sent_id = d1-1\n\
1\tKim\tKim\t_\tNNP\t_\t2\tnsubj\t_\tNER=PERSON|Start=0|End=3\n\
2\tsaid\tsay\t_\tVBD\t_\t0\troot\t_\tNER=O|Start=4|End=8\n\
3\tno\tno\t_\tUH\t_\t2\tdobj\t_\tNER=O|Start=9|End=11\n\n\
# newdoc id = d2\n\
1\tJo\tJo\t_\tNNP\t_\t0\troot\t_\tNER=PERSON|Start=0|End=2\n\
1-2\tx\t_\t_\t_\t_\t_\t_\t_\t_\n";

    #[test]
    fn parses_documents_sentences_and_misc() {
        let docs = parse(SRC).unwrap();
        assert_eq!(docs.len(), 2);
        let s = &docs[0].sentences[0];
        assert_eq!(s.id.as_deref(), Some("d1-1"));
        assert_eq!(s.tokens[1].lemma, "say");
        assert_eq!(s.tokens[0].head, 2);
        assert_eq!((s.tokens[2].start, s.tokens[2].end), (Some(9), Some(11)));
        assert_eq!(docs[1].sentences[0].tokens.len(), 1);
    }

    #[test]
    fn layers_use_byte_offsets_and_document_heads() {
        let docs = parse(SRC).unwrap();
        let l = docs[0].to_layers("Kim said no").unwrap();
        assert_eq!(l.tokens[0].head, Some(1));
        assert_eq!(l.tokens[1].head, None);
        assert_eq!(l.ner.len(), 1);
        assert_eq!(l.ner[0].label, "PERSON");
        assert_eq!(l.sentences[0].span, Span::new(0, 11));
    }

    #[test]
    fn bad_column_count_names_the_line() {
        let e = parse("1\tx\n").unwrap_err();
        assert!(e.to_string().starts_with("line 1:"), "{e}");
    }

    #[test]
    fn offsets_outside_text_are_an_error() {
        let docs = parse(SRC).unwrap();
        assert!(docs[0].to_layers("Kim").is_err());
    }

    #[test]
    #[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
    fn reads_the_shared_dev_file() {
        let path =
            Path::new(env!("HEARSAY_SHARED_DIR")).join("corpus/polnear/dev/corenlp.conllu.gz");
        let docs = read_path(&path).unwrap();
        // 84 dev articles, one of which CoreNLP's output does not cover.
        assert_eq!(docs.len(), 83);
        let text_dir = path.parent().unwrap().join("text");
        for d in &docs {
            let id = d.id.as_deref().unwrap();
            let text = std::fs::read_to_string(text_dir.join(format!("{id}.txt"))).unwrap();
            let layers = d.to_layers(&text).unwrap();
            for t in &layers.tokens {
                assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            }
        }
    }
}
