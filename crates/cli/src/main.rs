//! `hearsay`: who claims what, on whose authority, and how well it holds up.
//!
//! This binary only wires the library crates together: each subcommand lives in
//! its own module under `commands/`. Exit codes: 0 all went well (or the
//! reader of standard output closed it), 1 some inputs (or the command)
//! failed, 2 usage error.

mod args;
mod commands;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// hearsay reads news reports and finds, for every statement, who claims it,
/// on whose authority, and how well it holds up.
#[derive(Parser)]
#[command(name = "hearsay", version, about, long_about = None, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXAMPLES: &str = "\
Examples:
  hearsay analyze examples/sample-article.txt            # read one article, print what it claims
  hearsay analyze examples/ --format brat --out preds/   # one .ann file per article
  hearsay add examples/ --db news.db                     # analyze a folder into a database
  hearsay claims --entity NATO --db news.db              # query the stored claims
  hearsay serve --db news.db                             # the API and web page on 127.0.0.1:8080

The options --db and --json may also come before the command: hearsay --db news.db docs
Exit status: 0 ok, 1 some inputs failed, 2 usage error.";

#[derive(Subcommand)]
enum Command {
    /// Analyze articles and print or write the result, without storing it.
    Analyze(commands::analyze::Args),
    /// Read, analyze and store articles in the database.
    Add(commands::add::Args),
    /// List the stored documents.
    Docs(commands::docs::Args),
    /// Show a stored document, claim, cluster, entity or source.
    Show(commands::show::Args),
    /// Query the stored claims (attributions).
    Claims(commands::claims::Args),
    /// List the clusters: claims about one question, with status and grade.
    Clusters(commands::clusters::Args),
    /// List the entities linked across articles.
    Entities(commands::entities::Args),
    /// List the sources (origins) with their reliability and record.
    Sources(commands::sources::Args),
    /// Show the figures stated about one quantity over time.
    Timeline(commands::timeline::Args),
    /// Recompute the claim graph across articles from the stored documents.
    Resolve(commands::resolve::Args),
    /// Write the stored claim graph in a format other tools read.
    Export(commands::export::Args),
    /// Serve the HTTP API and the web page over the database.
    Serve(commands::serve::Args),
    /// Bring a database written by an older hearsay up to date.
    Migrate(commands::migrate::Args),
    /// Read or analyze one input alone (run by `add` to try a suspect input).
    #[command(hide = true)]
    Trial(commands::trial::Args),
    /// Train a statistical model from annotated data.
    #[command(subcommand)]
    Train(commands::train::Command),
    /// Score a model or the whole analyzer against annotated data.
    #[command(subcommand)]
    Eval(commands::eval::Command),
    /// Measure speed and memory of every stage over a corpus.
    Bench(commands::bench::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse_from(args::hoist_shared(std::env::args_os().collect()));
    let result = match cli.command {
        Command::Analyze(args) => commands::analyze::run(args),
        Command::Add(args) => commands::add::run(args),
        Command::Docs(args) => commands::docs::run(args),
        Command::Show(args) => commands::show::run(args),
        Command::Claims(args) => commands::claims::run(args),
        Command::Clusters(args) => commands::clusters::run(args),
        Command::Entities(args) => commands::entities::run(args),
        Command::Sources(args) => commands::sources::run(args),
        Command::Timeline(args) => commands::timeline::run(args),
        Command::Resolve(args) => commands::resolve::run(args),
        Command::Export(args) => commands::export::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::Migrate(args) => commands::migrate::run(args),
        Command::Trial(args) => commands::trial::run(args),
        Command::Train(cmd) => commands::train::run(cmd),
        Command::Eval(cmd) => commands::eval::run(cmd),
        Command::Bench(args) => commands::bench::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) if err.downcast_ref::<commands::StdoutClosed>().is_some() => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("hearsay: {err:#}");
            if err.downcast_ref::<commands::UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}
