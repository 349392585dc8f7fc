//! Placeholder until its issue's work lands.

use std::process::ExitCode;

/// Arguments (to be defined).
#[derive(clap::Args)]
pub struct Args {}

/// Not built yet.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
