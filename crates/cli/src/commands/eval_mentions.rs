//! `hearsay eval mentions`: named-entity F1 (exact span and class, PERSON /
//! ORGANIZATION / LOCATION / MISC) of the language stages' NER and of the mention
//! stage's typed entities mapped back to the four classes, on the same documents.

use super::outln;
use anyhow::Context;
use hearsay_core::{Analysis, Document, Span};
use hearsay_mentions::MentionStage;
use hearsay_mentions::eval::{CLASSES, Counts, NerComparison, ner_spans, typed_spans};
use std::process::ExitCode;
use std::time::Instant;

/// Where the layers the mention stage reads come from.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// The language stages run on the raw text (what `hearsay analyze` does).
    Pipeline,
    /// The tokens, sentences and NER of the gold file itself: what the typing changes
    /// on top of a perfect NER.
    Gold,
    /// No language layers: the gazetteer and rules on the stage's own word split.
    None,
}

/// Arguments of `hearsay eval mentions`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub gold: super::eval::GoldArgs,
    /// Where the mention stage's input layers come from.
    #[arg(long, value_enum, default_value = "pipeline")]
    pub input: Input,
    /// Also list the N most harmful and N most helpful changes the typing made to the NER.
    #[arg(long, value_name = "N")]
    pub changes: Option<usize>,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Score both and print a table (or JSON).
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let t0 = Instant::now();
    let docs = args.gold.docs()?;
    let language = match args.input {
        Input::Pipeline => args.gold.language()?.stages(),
        Input::Gold | Input::None => Vec::new(),
    };
    let mentions = MentionStage::new().context("compiling the mention data")?;
    let mut cmp = NerComparison::default();
    for d in &docs {
        let gold: Vec<(Span, &str)> = d
            .layers
            .ner
            .iter()
            .filter(|n| hearsay_mentions::eval::is_scored(&n.label))
            .map(|n| (n.span, n.label.as_str()))
            .collect();
        let mut a = Analysis::empty(Document::new(d.text.clone()), "eval");
        match args.input {
            Input::Pipeline => {
                for s in &language {
                    s.annotate(&mut a);
                }
            }
            Input::Gold => {
                a.tokens = d.layers.tokens.clone();
                a.sentences = d.layers.sentences.clone();
                a.ner = d.layers.ner.clone();
            }
            Input::None => {}
        }
        cmp.add(&d.text, &gold, &ner_spans(&a), &typed_spans(&mentions, &a));
    }
    let secs = t0.elapsed().as_secs_f64();
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&to_json(&args, &cmp))?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let input = match args.input {
        Input::Pipeline => "the language stages on the raw text",
        Input::Gold => "the gold file's tokens and NER",
        Input::None => "none (the mention stage's own word split)",
    };
    outln!(
        "{} documents ({}); input layers: {input}",
        cmp.documents,
        args.gold.dev.display()
    )?;
    outln!(
        "{:<14} {:>26}   {:>26}",
        "",
        "language NER  P / R / F1",
        "typed mentions  P / R / F1"
    )?;
    for (k, name) in CLASSES.iter().chain(["ALL"].iter()).enumerate() {
        outln!("{name:<14} {}   {}", prf(&cmp.raw[k]), prf(&cmp.typed[k]))?;
    }
    outln!(
        "F1 change from typing: {:+.4} ({:.1}s)",
        cmp.typed[4].f1() - cmp.raw[4].f1(),
        secs
    )?;
    if let Some(n) = args.changes {
        let changes = cmp.changes();
        outln!("\nmost harmful changes (NER label → typed label, text; net true positives):")?;
        for c in changes.iter().filter(|c| c.net < 0).take(n) {
            outln!("{:>+5} {:>4}x  {}", c.net, c.count, c.what)?;
        }
        outln!("\nmost helpful changes:")?;
        for c in changes.iter().rev().filter(|c| c.net > 0).take(n) {
            outln!("{:>+5} {:>4}x  {}", c.net, c.count, c.what)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn prf(c: &Counts) -> String {
    format!("{:>8.4} {:>8.4} {:>8.4}", c.precision(), c.recall(), c.f1())
}

fn to_json(args: &Args, cmp: &NerComparison) -> serde_json::Value {
    let scores = |counts: &[Counts; 5]| -> serde_json::Value {
        CLASSES
            .iter()
            .chain(["ALL"].iter())
            .zip(counts)
            .map(|(name, c)| {
                (
                    (*name).to_string(),
                    serde_json::json!({
                        "precision": c.precision(),
                        "recall": c.recall(),
                        "f1": c.f1(),
                        "tp": c.tp,
                        "fp": c.fp,
                        "fn": c.fn_,
                    }),
                )
            })
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    serde_json::json!({
        "dev": args.gold.dev.display().to_string(),
        "input": format!("{:?}", args.input).to_lowercase(),
        "documents": cmp.documents,
        "language_ner": scores(&cmp.raw),
        "typed_mentions": scores(&cmp.typed),
    })
}
