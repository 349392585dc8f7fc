//! NER entity F1 on PolNeAR dev (exact span and class, PERSON / ORGANIZATION /
//! LOCATION / MISC) of the language stages' NER alone, and of the mention
//! stage's typed entities mapped back to the four classes.
//!
//! ```text
//! cargo run --release -p hearsay-mentions --example ner_f1 [-- --silver] [CONLLU] [TEXT_DIR]
//! ```
//!
//! By default the input layers (tokens, POS, NER) come from the language stages
//! run on the raw text. With `--silver` they come from the CoNLL-U file itself,
//! which measures only what the mention stage changes on top of a perfect NER.
//! With `--bare` there are no language layers at all: the gazetteer and the
//! rules on the mention stage's own word split.
//! `--errors` also lists the most frequent disagreements of the typed mentions.

use hearsay_core::{Analysis, Document, Span};
use hearsay_mentions::MentionStage;
use hearsay_mentions::eval::{Counts, four_class, is_scored};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let silver = args.iter().any(|a| a == "--silver");
    let show_errors = args.iter().any(|a| a == "--errors");
    let bare = args.iter().any(|a| a == "--bare");
    args.retain(|a| !a.starts_with("--"));
    let mut errors: BTreeMap<String, usize> = BTreeMap::new();
    let shared = std::env::var_os("HEARSAY_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    let conllu = args
        .first()
        .map(PathBuf::from)
        .unwrap_or_else(|| shared.join("corpus/polnear/dev/corenlp.conllu.gz"));
    let text_dir = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| conllu.parent().unwrap_or(&conllu).join("text"));
    let docs = hearsay_nlp::conllu::read_path(&conllu)?;
    let language = if silver || bare {
        Vec::new()
    } else {
        hearsay_nlp::stages()?
    };
    let mentions = MentionStage::new()?;
    let classes = ["PERSON", "ORGANIZATION", "LOCATION", "MISC"];
    let mut raw = [Counts::default(); 5];
    let mut ours = [Counts::default(); 5];
    for d in &docs {
        let id = d.id.as_deref().unwrap_or_default();
        let path = text_dir.join(format!("{id}.txt"));
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let gold_layers = d.to_layers(&text)?;
        let gold: Vec<(Span, &str)> = gold_layers
            .ner
            .iter()
            .filter(|n| is_scored(&n.label))
            .map(|n| (n.span, n.label.as_str()))
            .collect();
        let mut a = Analysis::empty(Document::new(text.clone()), "eval");
        if silver {
            a.tokens = gold_layers.tokens.clone();
            a.sentences = gold_layers.sentences.clone();
            a.ner = gold_layers.ner.clone();
        } else {
            for s in &language {
                s.annotate(&mut a);
            }
        }
        let raw_pred: Vec<(Span, &str)> = a
            .ner
            .iter()
            .filter(|n| is_scored(&n.label))
            .map(|n| (n.span, n.label.as_str()))
            .collect();
        let our_pred: Vec<(Span, &str)> = mentions
            .name_spans(&a)
            .into_iter()
            .map(|(s, t)| (s, four_class(t)))
            .collect();
        for (k, class) in classes.iter().enumerate() {
            let only = |v: &[(Span, &str)]| -> Vec<(Span, &'static str)> {
                v.iter()
                    .filter(|(_, l)| l == class)
                    .map(|(s, _)| (*s, *class))
                    .collect()
            };
            raw[k].add(&only(&gold), &only(&raw_pred));
            ours[k].add(&only(&gold), &only(&our_pred));
        }
        if show_errors {
            for (s, l) in &our_pred {
                if !gold.contains(&(*s, *l)) {
                    let g = gold
                        .iter()
                        .find(|(gs, _)| gs.overlaps(s))
                        .map_or("-", |(gs, gl)| if gs == s { gl } else { "~" });
                    *errors
                        .entry(format!("FP {l:<12} gold {g:<12} {:?}", s.text(&text)))
                        .or_default() += 1;
                }
            }
            for (s, l) in &gold {
                if !our_pred.iter().any(|(ps, _)| ps == s) {
                    *errors
                        .entry(format!("FN {l:<12} {:?}", s.text(&text)))
                        .or_default() += 1;
                }
            }
        }
        raw[4].add(&gold, &raw_pred);
        ours[4].add(&gold, &our_pred);
    }
    let input = if silver {
        "silver CoNLL-U layers"
    } else if bare {
        "none (the mention stage's own word split)"
    } else {
        "hearsay language stages"
    };
    println!(
        "NER entity F1 on {} ({} documents), input: {input}",
        conllu.display(),
        docs.len()
    );
    println!(
        "{:<14} {:>22}   {:>22}",
        "", "language NER (P/R/F1)", "mentions typed (P/R/F1)"
    );
    for (k, name) in classes.iter().chain(["ALL"].iter()).enumerate() {
        let (r, o) = (raw[k], ours[k]);
        println!(
            "{:<14} {:>6.3} {:>6.3} {:>6.3}     {:>6.3} {:>6.3} {:>6.3}",
            name,
            r.precision(),
            r.recall(),
            r.f1(),
            o.precision(),
            o.recall(),
            o.f1()
        );
    }
    if show_errors {
        let mut list: Vec<(usize, String)> = errors.into_iter().map(|(k, v)| (v, k)).collect();
        list.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        println!("\nmost frequent disagreements with the gold spans:");
        for (n, e) in list.iter().take(60) {
            println!("{n:>5}  {e}");
        }
    }
    Ok(())
}
