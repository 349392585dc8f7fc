//! `hearsay eval language`: score the tokenizer, sentence splitter, tagger,
//! parser and named-entity recognizer against a CoNLL-U corpus with raw text.

use super::outln;
use hearsay_nlp::eval;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `hearsay eval language`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub gold: super::eval::GoldArgs,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Score the language models and print a table (or JSON).
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let t0 = Instant::now();
    let docs = args.gold.docs()?;
    let lang = args.gold.language()?;
    let s = eval::evaluate(&docs, &*lang.tagger, &*lang.parser, &*lang.ner);
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&s)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let prf = |p: &eval::PrF| {
        format!(
            "F1 {:.4}  (P {:.4}, R {:.4}, {} gold)",
            p.f1, p.precision, p.recall, p.gold
        )
    };
    outln!(
        "{} documents, {} gold tokens ({})",
        s.documents,
        s.tokens,
        args.gold.dev.display()
    )?;
    outln!("token boundaries           {}", prf(&s.segmentation.tokens))?;
    outln!(
        "sentence boundaries        {}",
        prf(&s.segmentation.sentence_boundaries)
    )?;
    outln!(
        "sentences (exact span)     {}",
        prf(&s.segmentation.sentences)
    )?;
    outln!("POS accuracy               {:.4}", s.pos_accuracy)?;
    outln!(
        "UAS / LAS (no punctuation) {:.4} / {:.4}  ({} tokens)",
        s.attachment.uas,
        s.attachment.las,
        s.attachment.tokens
    )?;
    outln!("entities (4 name classes)  {}", prf(&s.entities))?;
    for (ty, p) in &s.entities_by_type {
        outln!("  {ty:<24} {}", prf(p))?;
    }
    outln!(
        "(POS, parse and entities on gold tokens; {:.1}s)",
        t0.elapsed().as_secs_f64()
    )?;
    Ok(ExitCode::SUCCESS)
}
