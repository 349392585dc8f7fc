//! How a server is set up: where it listens, what it serves, its limits, and the write token.

use hearsay_store::Location;
use sha2::{Digest, Sha256};
use std::net::SocketAddr;
use std::time::Duration;
use subtle::ConstantTimeEq;

/// Everything [`crate::serve`] needs to know.
#[derive(Debug, Clone)]
pub struct Config {
    /// The database: a SQLite file (created when missing) or a PostgreSQL URL.
    pub db: Location,
    /// Where to listen; loopback unless the user chooses otherwise.
    pub addr: SocketAddr,
    /// The token writes (and, with `auth_reads`, reads) must carry; without
    /// one the server takes no writes.
    pub token: Option<Token>,
    /// Reads need the token too.
    pub auth_reads: bool,
    /// Largest request body, in bytes (413 beyond).
    pub body_limit: usize,
    /// Longest a request may take before it is answered 503.
    pub timeout: Duration,
    /// Database connections for reads (requests beyond wait for one).
    pub readers: usize,
    /// Analyses of `POST /api/analyze` run at once (requests beyond wait).
    pub analyze_jobs: usize,
    /// Writes that may wait for the writer (503 beyond).
    pub write_queue: usize,
}

impl Config {
    /// The defaults for a database: loopback port 8080, 16 MiB bodies, 60 s
    /// per request, four reader connections, one analysis per core.
    pub fn new(db: impl Into<Location>) -> Self {
        Config {
            db: db.into(),
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            token: None,
            auth_reads: false,
            body_limit: 16 * 1024 * 1024,
            timeout: Duration::from_secs(60),
            readers: 4,
            analyze_jobs: std::thread::available_parallelism().map_or(2, |n| n.get()),
            write_queue: 64,
        }
    }
}

/// A bearer token, kept only as its SHA-256 so that comparing it takes the
/// same time whatever the guess (and whatever its length).
#[derive(Clone)]
pub struct Token([u8; 32]);

/// Why a token cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    /// Empty, or only whitespace.
    #[error("the token is empty")]
    Empty,
    /// Shorter than [`Token::MIN_LEN`].
    #[error("the token is {0} characters long; use at least {min}", min = Token::MIN_LEN)]
    TooShort(usize),
}

impl Token {
    /// Shortest token accepted.
    pub const MIN_LEN: usize = 16;

    /// A token from its text (surrounding whitespace, such as a file's final newline, is dropped).
    ///
    /// ```
    /// use hearsay_server::Token;
    /// let t = Token::new("correct horse battery staple").unwrap();
    /// assert!(t.matches("correct horse battery staple"));
    /// assert!(!t.matches("correct horse battery"));
    /// assert!(Token::new("short").is_err());
    /// ```
    pub fn new(text: &str) -> Result<Self, TokenError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(TokenError::Empty);
        }
        let len = text.chars().count();
        if len < Self::MIN_LEN {
            return Err(TokenError::TooShort(len));
        }
        Ok(Token(Sha256::digest(text.as_bytes()).into()))
    }

    /// True when `given` is the token, compared in constant time.
    pub fn matches(&self, given: &str) -> bool {
        let digest: [u8; 32] = Sha256::digest(given.as_bytes()).into();
        self.0.ct_eq(&digest).into()
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(…)")
    }
}
