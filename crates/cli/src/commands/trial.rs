//! `hearsay trial` (hidden): read or analyze one input in a process of its
//! own, for the quarantine of `hearsay add` ([`hearsay_ingest::quarantine`]).
//! [`ChildProcess`] runs it; whether the child survives is the verdict.

use super::From;
use hearsay_analyze::Analyzer;
use hearsay_core::Document;
use hearsay_ingest::{Isolation, Trial};
use hearsay_read::{Input, InputFormat, ReadOptions};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, ExitCode, Output, Stdio};

/// Arguments of `hearsay trial`.
#[derive(clap::Args)]
pub struct Args {
    /// Read this file (and drop what it holds) instead of analyzing the JSON
    /// document on standard input.
    #[arg(long, value_name = "PATH")]
    read: Option<PathBuf>,
    /// The file's format.
    #[arg(long, value_enum, requires = "read")]
    from: Option<From>,
    /// The reading limit, in bytes.
    #[arg(long, default_value_t = ReadOptions::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
}

/// Run `hearsay trial`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.read {
        Some(path) => {
            let input = Input::File {
                path,
                format: args.from.map(format),
            };
            let options = ReadOptions {
                max_bytes: args.max_bytes,
            };
            hearsay_ingest::read_input(&input, &options).for_each(drop);
        }
        None => {
            let mut json = String::new();
            std::io::stdin().read_to_string(&mut json)?;
            let document: Document = serde_json::from_str(&json)?;
            hearsay_ingest::analyze_document(&Analyzer::new()?, document);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn format(from: From) -> InputFormat {
    match from {
        From::Txt => InputFormat::Text,
        From::Html => InputFormat::Html,
        From::Jsonl => InputFormat::Jsonl,
    }
}

fn from(format: InputFormat) -> &'static str {
    match format {
        InputFormat::Text => "txt",
        InputFormat::Html => "html",
        InputFormat::Jsonl => "jsonl",
    }
}

/// Trials in a child `hearsay trial` process (this very executable).
pub struct ChildProcess {
    exe: std::io::Result<PathBuf>,
}

impl ChildProcess {
    /// Trials by the running executable.
    pub fn new() -> Self {
        ChildProcess {
            exe: std::env::current_exe(),
        }
    }

    fn run(&self, args: &[&std::ffi::OsStr], stdin: Option<&[u8]>) -> Trial {
        let exe = match &self.exe {
            Ok(exe) => exe,
            Err(e) => return Trial::Inconclusive(format!("hearsay's own path is unknown: {e}")),
        };
        let child = Command::new(exe)
            .arg("trial")
            .args(args)
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn();
        let mut child = match child {
            Ok(child) => child,
            Err(e) => return Trial::Inconclusive(format!("it could not be started: {e}")),
        };
        if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
            // A child that dies early closes the pipe: its death is the verdict.
            let _ = pipe.write_all(bytes);
        }
        match child.wait_with_output() {
            Ok(out) => verdict(&out),
            Err(e) => Trial::Inconclusive(format!("waiting for it failed: {e}")),
        }
    }
}

impl Isolation for ChildProcess {
    fn analyze_alone(&self, document: &Document) -> Trial {
        match serde_json::to_vec(document) {
            Ok(json) => self.run(&[], Some(&json)),
            Err(e) => Trial::Inconclusive(e.to_string()),
        }
    }

    fn read_alone(&self, input: &Input, options: &ReadOptions) -> Trial {
        let Input::File { path, format } = input else {
            return Trial::Inconclusive("standard input cannot be read twice".into());
        };
        let max = options.max_bytes.to_string();
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "--read".as_ref(),
            path.as_os_str(),
            "--max-bytes".as_ref(),
            max.as_ref(),
        ];
        if let Some(f) = format {
            args.push("--from".as_ref());
            args.push(from(*f).as_ref());
        }
        self.run(&args, None)
    }
}

/// What the exit of a trial says. A caught panic (exit 101) is not a death:
/// `add` reports it as a failure of that document and goes on.
fn verdict(out: &Output) -> Trial {
    if out.status.success() || out.status.code() == Some(101) {
        return Trial::Survived;
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| format!(": “{}”", l.chars().take(200).collect::<String>()))
        .unwrap_or_default();
    match signal(out) {
        // Stopped from outside (Ctrl-C, a shutdown): no verdict on the input.
        Some((sig, name)) if matches!(sig, 1 | 2 | 3 | 15) => {
            Trial::Inconclusive(format!("it was stopped by signal {sig} ({name})"))
        }
        Some((sig, name)) => Trial::Died(format!("killed hearsay (signal {sig}, {name}){last}")),
        None => Trial::Died(format!("made hearsay fail ({}){last}", out.status)),
    }
}

/// The signal that ended the process, with its name.
#[cfg(unix)]
fn signal(out: &Output) -> Option<(i32, &'static str)> {
    use std::os::unix::process::ExitStatusExt;
    let sig = out.status.signal()?;
    let name = match sig {
        1 => "SIGHUP",
        2 => "SIGINT",
        3 => "SIGQUIT",
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL: out of memory?",
        11 => "SIGSEGV",
        15 => "SIGTERM",
        _ => "a signal",
    };
    Some((sig, name))
}

#[cfg(not(unix))]
fn signal(_out: &Output) -> Option<(i32, &'static str)> {
    None
}
