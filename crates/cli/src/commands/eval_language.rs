//! `hearsay eval language`: score the tokenizer, sentence splitter, tagger,
//! parser and named-entity recognizer against a CoNLL-U corpus with raw text.

use anyhow::Context;
use hearsay_nlp::{Language, corpus, eval};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `hearsay eval language`.
#[derive(clap::Args)]
pub struct Args {
    /// Gold data: CoNLL-U (`.conllu` or `.conllu.gz`) with `Start=`/`End=` offsets in MISC.
    #[arg(long)]
    pub dev: PathBuf,
    /// Directory with the raw text of the documents (`ID.txt`) [default: `text/` beside --dev].
    #[arg(long)]
    pub text_dir: Option<PathBuf>,
    /// Directory with the model files to score [default: the shipped models, or $HEARSAY_MODELS].
    #[arg(long)]
    pub models: Option<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Score the language models and print a table (or JSON).
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let t0 = Instant::now();
    let dir = args
        .text_dir
        .clone()
        .unwrap_or_else(|| corpus::default_text_dir(&args.dev));
    let docs = corpus::load_docs(&args.dev, &dir)
        .with_context(|| format!("reading {}", args.dev.display()))?;
    let lang = match &args.models {
        Some(d) => Language::from_dir(d)?,
        None => Language::shipped()?,
    };
    let s = eval::evaluate(&docs, &*lang.tagger, &*lang.parser, &*lang.ner);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&s)?);
        return Ok(ExitCode::SUCCESS);
    }
    let prf = |p: &eval::PrF| {
        format!(
            "F1 {:.4}  (P {:.4}, R {:.4}, {} gold)",
            p.f1, p.precision, p.recall, p.gold
        )
    };
    println!(
        "{} documents, {} gold tokens ({})",
        s.documents,
        s.tokens,
        args.dev.display()
    );
    println!("token boundaries           {}", prf(&s.segmentation.tokens));
    println!(
        "sentence boundaries        {}",
        prf(&s.segmentation.sentence_boundaries)
    );
    println!(
        "sentences (exact span)     {}",
        prf(&s.segmentation.sentences)
    );
    println!("POS accuracy               {:.4}", s.pos_accuracy);
    println!(
        "UAS / LAS (no punctuation) {:.4} / {:.4}  ({} tokens)",
        s.attachment.uas, s.attachment.las, s.attachment.tokens
    );
    println!("entities (4 name classes)  {}", prf(&s.entities));
    for (ty, p) in &s.entities_by_type {
        println!("  {ty:<24} {}", prf(p));
    }
    println!(
        "(POS, parse and entities on gold tokens; {:.1}s)",
        t0.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
