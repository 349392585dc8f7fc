//! `hearsay eval langid [DIR]`: score language identification per language,
//! on the test set built into hearsay or on a folder of texts of known language.

use super::{UsageError, outln};
use hearsay_langid::eval::{LanguageScore, Scores};
use hearsay_langid::{TESTSET, identify};
use hearsay_read::ReadOptions;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `hearsay eval langid`.
#[derive(clap::Args)]
pub struct Args {
    /// Folder of texts (`.txt`, `.html`, `.jsonl`) in one subfolder per language, named by
    /// its ISO 639-1 code (`DIR/de/…`, `DIR/en/…`) [default: the test set built into hearsay].
    dir: Option<PathBuf>,
    /// Every text under DIR is in this language (ISO 639-1), whatever its subfolder.
    #[arg(long, value_name = "CODE", requires = "dir")]
    expect: Option<String>,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
}

/// Identify every text, print accuracy per language and the texts missed.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut scores = Scores::default();
    let mut failed = 0;
    match &args.dir {
        None => {
            for s in TESTSET {
                let name = format!("{}/{}", s.language, s.name);
                scores.add(s.language, &name, identify(s.text));
            }
        }
        Some(dir) => {
            let found = hearsay_read::discover(&[dir]);
            for e in &found.errors {
                eprintln!("hearsay: {e}");
                failed += 1;
            }
            let options = ReadOptions::default();
            for input in &found.inputs {
                let path = input.display();
                let expected = match &args.expect {
                    Some(code) => code.clone(),
                    None => language_folder(dir, Path::new(&path)).ok_or_else(|| {
                        UsageError(format!(
                            "{path}: not in a language folder (DIR/CODE/…); give --expect CODE"
                        ))
                    })?,
                };
                for item in hearsay_read::read(input, &options) {
                    match item {
                        Ok(item) => {
                            let name = item.document.path.clone().unwrap_or(path.clone());
                            scores.add(&expected, &name, identify(&item.document.text));
                        }
                        Err(e) => {
                            eprintln!("hearsay: {e}");
                            failed += 1;
                        }
                    }
                }
            }
        }
    }
    if args.json {
        let json = serde_json::json!({
            "languages": scores.languages(),
            "total": scores.total(),
            "misses": scores.misses(),
        });
        outln!("{}", serde_json::to_string_pretty(&json)?)?;
    } else {
        print_table(&scores)?;
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The first folder below `dir` on the way to `file`, when it looks like a language code.
fn language_folder(dir: &Path, file: &Path) -> Option<String> {
    let first = file.strip_prefix(dir).ok()?.components().next()?;
    let name = first.as_os_str().to_str()?;
    let is_code = (2..=3).contains(&name.len()) && name.chars().all(|c| c.is_ascii_lowercase());
    (is_code && file.strip_prefix(dir).ok()?.components().count() > 1).then(|| name.to_string())
}

fn print_table(scores: &Scores) -> anyhow::Result<()> {
    outln!(
        "{:8}  {:>5}  {:>5}  {:>8}  {:>7}  {:>8}",
        "language",
        "texts",
        "right",
        "accuracy",
        "decided",
        "decision"
    )?;
    let row = |s: &LanguageScore| {
        format!(
            "{:8}  {:>5}  {:>5}  {:>8.3}  {:>7}  {:>8.3}",
            s.language, s.texts, s.right, s.accuracy, s.decided, s.decision_accuracy
        )
    };
    for s in scores.languages() {
        outln!("{}", row(s))?;
    }
    outln!("{}", row(&scores.total()))?;
    outln!(
        "right: identified as the expected language; decided: analyzed when English, left out otherwise"
    )?;
    if !scores.misses().is_empty() {
        outln!("\nmissed:")?;
        for m in scores.misses() {
            let got = match (&m.identified, m.confidence) {
                (Some(l), Some(c)) => format!("{l} ({c:.2})"),
                _ => "nothing (no letters)".to_string(),
            };
            outln!(
                "  {}: {} identified as {got}, {}",
                m.name,
                m.expected,
                if m.analyzed { "analyzed" } else { "left out" }
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_the_first_folder_below_dir() {
        let dir = Path::new("set");
        assert_eq!(
            language_folder(dir, Path::new("set/de/a/b.txt")).as_deref(),
            Some("de")
        );
        assert_eq!(language_folder(dir, Path::new("set/de.txt")), None);
        assert_eq!(language_folder(dir, Path::new("set/German/b.txt")), None);
        assert_eq!(language_folder(dir, Path::new("other/de/b.txt")), None);
    }
}
