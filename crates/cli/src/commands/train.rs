//! `hearsay train …`: one subcommand per trainable model.
//!
//! `tagger`, `parser` and `ner` live in `train_language.rs`; `attributions` in
//! `train_attributions.rs`.

use std::process::ExitCode;

/// Which model to train.
#[derive(clap::Subcommand)]
pub enum Command {
    /// Train the part-of-speech tagger.
    #[command(after_help = "\
Examples:
  hearsay train tagger --out models/tagger.bin \\
      --train ../shared/corpus/polnear/train/corenlp.conllu.gz \\
      --dev ../shared/corpus/polnear/dev/corenlp.conllu.gz")]
    Tagger(super::train_language::Args),
    /// Train the dependency parser.
    #[command(after_help = "\
Examples:
  hearsay train parser --out models/parser.bin \\
      --train ../shared/corpus/polnear/train/corenlp.conllu.gz \\
      --dev ../shared/corpus/polnear/dev/corenlp.conllu.gz
  hearsay train parser --out parser.bin --epochs 6 --min-weight 600 \\
      --train ../shared/corpus/polnear/train/corenlp.conllu.gz \\
      --dev ../shared/corpus/polnear/dev/corenlp.conllu.gz")]
    Parser(super::train_language::Args),
    /// Train the named-entity recognizer.
    #[command(after_help = "\
Examples:
  hearsay train ner --out models/ner.bin \\
      --train ../shared/corpus/polnear/train/corenlp.conllu.gz \\
      --dev ../shared/corpus/polnear/dev/corenlp.conllu.gz")]
    Ner(super::train_language::Args),
    /// Train the attribution model.
    #[command(after_help = "\
Examples:
  hearsay train attributions --train ../shared/corpus/polnear/train --out models/attribution.bin
  hearsay train attributions --out attribution.bin --layers silver \\
      --train ../shared/corpus/polnear/train --dev ../shared/corpus/polnear/dev")]
    Attributions(super::train_attributions::Args),
    /// Count how common each content word is (the weights of claim similarity).
    Words(super::train_words::Args),
}

/// Run the chosen training.
pub fn run(cmd: Command) -> anyhow::Result<ExitCode> {
    use super::train_language::Model;
    match cmd {
        Command::Tagger(a) => super::train_language::run(Model::Tagger, a),
        Command::Parser(a) => super::train_language::run(Model::Parser, a),
        Command::Ner(a) => super::train_language::run(Model::Ner, a),
        Command::Attributions(a) => super::train_attributions::run(a),
        Command::Words(a) => super::train_words::run(a),
    }
}
