//! `hearsay eval …`: scores printed as tables.
//!
//! `language` lives in `eval_language.rs`; `attributions` in `eval_attributions.rs`;
//! `mentions` in `eval_mentions.rs`.

use std::process::ExitCode;

/// What to evaluate.
#[derive(clap::Subcommand)]
pub enum Command {
    /// Score tokenizer, sentence splitter, tagger, parser and NER against a CoNLL-U file.
    Language(super::eval_language::Args),
    /// Score attributions against brat gold annotations.
    Attributions(super::eval_attributions::Args),
    /// Score the NER and the mention stage's typed entities against a CoNLL-U file's names.
    Mentions(super::eval_mentions::Args),
}

/// Run the chosen evaluation.
pub fn run(cmd: Command) -> anyhow::Result<ExitCode> {
    match cmd {
        Command::Language(a) => super::eval_language::run(a),
        Command::Attributions(a) => super::eval_attributions::run(a),
        Command::Mentions(a) => super::eval_mentions::run(a),
    }
}
