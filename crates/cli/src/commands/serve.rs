//! `hearsay serve`: the HTTP API and the web page over one database (the
//! `hearsay-server` library); this module only reads the options.

use super::{DbArg, UsageError};
use hearsay_server::{Config, Token};
use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Arguments of `hearsay serve`.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  hearsay serve --db news.db                          # http://127.0.0.1:8080/, reads only
  hearsay serve --db news.db --token-file token.txt   # writes with the bearer token in token.txt
  hearsay serve --db news.db --addr 127.0.0.1:0       # a free port (the log says which)

Writes (POST /api/documents, POST /api/analyze) need the header
`Authorization: Bearer TOKEN`, the token coming from HEARSAY_TOKEN or
--token-file (at least 16 characters); without one the server takes no writes.
Reads are open unless --auth-reads. Binding beyond loopback is logged.
Stops on Ctrl-C or SIGTERM after the requests in flight; RUST_LOG sets the log level.")]
pub struct Args {
    #[command(flatten)]
    db: DbArg,
    /// Where to listen (port 0 picks a free one; the log says which).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "IP:PORT")]
    addr: SocketAddr,
    /// A file holding the bearer token writes need (instead of HEARSAY_TOKEN).
    #[arg(long, value_name = "FILE")]
    token_file: Option<PathBuf>,
    /// Reads need the token too.
    #[arg(long)]
    auth_reads: bool,
    /// Largest request body, in MiB (larger ones are answered 413).
    #[arg(long, default_value_t = 16, value_name = "MiB")]
    max_body: usize,
    /// Longest a request may take, in seconds (then it is answered 503).
    #[arg(long, default_value_t = 60, value_name = "SECONDS")]
    timeout: u64,
    /// Database connections for reads.
    #[arg(long, default_value_t = 4, value_name = "N")]
    readers: usize,
}

/// The token from `--token-file` or `HEARSAY_TOKEN`, if any.
fn token(args: &Args) -> anyhow::Result<Option<Token>> {
    let (text, from) = match (&args.token_file, std::env::var("HEARSAY_TOKEN")) {
        (Some(path), _) => (
            std::fs::read_to_string(path)
                .map_err(|e| UsageError(format!("--token-file {}: {e}", path.display())))?,
            format!("--token-file {}", path.display()),
        ),
        (None, Ok(t)) => (t, "HEARSAY_TOKEN".to_string()),
        (None, Err(_)) => return Ok(None),
    };
    Ok(Some(
        Token::new(&text).map_err(|e| UsageError(format!("{from}: {e}")))?,
    ))
}

/// Run `hearsay serve`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let token = token(&args)?;
    if args.auth_reads && token.is_none() {
        return Err(UsageError(
            "--auth-reads needs a token (HEARSAY_TOKEN or --token-file)".into(),
        )
        .into());
    }
    if args.readers == 0 || args.max_body == 0 || args.timeout == 0 {
        return Err(
            UsageError("--readers, --max-body and --timeout must be above 0".into()).into(),
        );
    }
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .init();
    let mut config = Config::new(&args.db.db);
    config.addr = args.addr;
    config.token = token;
    config.auth_reads = args.auth_reads;
    config.body_limit = args.max_body.saturating_mul(1024 * 1024);
    config.timeout = Duration::from_secs(args.timeout);
    config.readers = args.readers;
    hearsay_server::run(config)?;
    Ok(ExitCode::SUCCESS)
}
