//! `hearsay eval …`: scores printed as tables.
//!
//! `language` lives in `eval_language.rs`; `attributions` in `eval_attributions.rs`.

use std::process::ExitCode;

/// What to evaluate.
#[derive(clap::Subcommand)]
pub enum Command {
    /// Score tokenizer, sentence splitter, tagger, parser and NER against a CoNLL-U file.
    Language(super::eval_language::Args),
    /// Score attributions against brat gold annotations.
    Attributions(super::eval_attributions::Args),
}

/// Run the chosen evaluation.
pub fn run(cmd: Command) -> anyhow::Result<ExitCode> {
    match cmd {
        Command::Language(a) => super::eval_language::run(a),
        Command::Attributions(a) => super::eval_attributions::run(a),
    }
}
