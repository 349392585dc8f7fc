//! `hearsay serve`: the HTTP JSON API and the web page over one database.
//!
//! One process serves both: `/api/…` answers JSON (docs/FORMAT.md, "HTTP
//! API"), the other paths are server-rendered HTML pages whose stylesheet and
//! script are compiled into the binary. Reads run on a few database
//! connections (SQLite or PostgreSQL) on blocking threads ([`Readers`]); writes go through one writer thread that
//! adds documents with `hearsay-ingest` ([`Writer`]), so concurrent requests
//! never store an article twice and every document is stored whole or not at
//! all. Writes need a bearer token ([`Token`]); reads are open unless
//! [`Config::auth_reads`].
//!
//! ```no_run
//! # async fn run() -> Result<(), hearsay_server::ServeError> {
//! let config = hearsay_server::Config::new("news.db");
//! hearsay_server::serve(config, hearsay_server::shutdown_signal()).await
//! # }
//! ```

mod api;
mod body;
mod chain;
mod config;
mod error;
mod middleware;
mod paging;
mod readers;
mod state;
mod web;
mod writer;

pub use config::{Config, Token, TokenError};
pub use error::ApiError;
pub use readers::Readers;
pub use state::AppState;
pub use writer::Writer;

use hearsay_analyze::Analyzer;
use hearsay_read::ReadOptions;
use hearsay_store::Database;
use std::future::Future;
use std::sync::Arc;

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The database could not be opened.
    #[error(transparent)]
    Store(#[from] hearsay_store::StoreError),
    /// The thread that opens the database and loads the models failed.
    #[error("starting the server: {0}")]
    Start(String),
    /// The models could not be loaded.
    #[error("loading the analyzer: {0}")]
    Analyzer(#[from] hearsay_analyze::AnalyzerError),
    /// The address could not be bound, or the connection loop failed.
    #[error("{addr}: {source}")]
    Listen {
        /// The address.
        addr: std::net::SocketAddr,
        /// Why.
        source: std::io::Error,
    },
}

/// Open the database and load the models: the state a router serves from.
/// It blocks: call it outside async code (or on a blocking thread).
pub fn state(config: Config) -> Result<Arc<AppState>, ServeError> {
    let readers = Arc::new(Readers::open(&config.db, config.readers)?);
    let analyzer = Arc::new(Analyzer::new()?);
    let writer = Writer::start(
        Database::open(&config.db)?,
        Arc::clone(&analyzer),
        ReadOptions {
            max_bytes: config.body_limit as u64,
        },
        config.write_queue,
    );
    Ok(Arc::new(AppState {
        analyses: Arc::new(tokio::sync::Semaphore::new(config.analyze_jobs.max(1))),
        config,
        readers,
        writer,
        analyzer,
    }))
}

/// The whole application: the API, the pages and their assets, with the
/// body limit, timeouts, authentication and request log.
pub fn router(state: Arc<AppState>) -> axum::Router {
    middleware::wrap(api::router().merge(web::router()), state)
}

/// Serve `config.db` on `config.addr` until `shutdown` completes; requests in
/// flight then finish and the writer stores what it was given before this returns.
pub async fn serve(
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let addr = config.addr;
    if !addr.ip().is_loopback() {
        tracing::warn!(
            %addr,
            auth_reads = config.auth_reads,
            "listening beyond loopback: other machines can reach this server{}",
            if config.auth_reads { "" } else { " and read the database without a token (--auth-reads closes reads)" }
        );
    }
    // Opening a database blocks (the PostgreSQL client runs a runtime of its
    // own, which must not start on an async thread): off the async threads.
    let state = tokio::task::spawn_blocking(move || {
        if matches!(
            config.db.inspect(),
            Ok(hearsay_store::DatabaseFile::Missing | hearsay_store::DatabaseFile::Empty)
        ) {
            tracing::warn!(db = %config.db, "no database there: starting an empty one");
        }
        state(config)
    })
    .await
    .map_err(|e| ServeError::Start(e.to_string()))??;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Listen { addr, source })?;
    let bound = listener
        .local_addr()
        .map_err(|source| ServeError::Listen { addr, source })?;
    tracing::info!(
        addr = %bound,
        db = %state.config.db,
        writes = state.config.token.is_some(),
        "serving on http://{bound}/"
    );
    let app = router(Arc::clone(&state));
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|source| ServeError::Listen {
            addr: bound,
            source,
        });
    let writer_state = Arc::clone(&state);
    // Joining the writer blocks: let it finish off the async threads.
    let _ = tokio::task::spawn_blocking(move || writer_state.writer.shut_down()).await;
    tracing::info!("stopped");
    served
}

/// [`serve`] until SIGINT or SIGTERM, on a runtime of its own: for a program
/// that is not async itself (the `hearsay` command line).
pub fn run(config: Config) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("hearsay-http")
        .build()
        .map_err(|source| ServeError::Listen {
            addr: config.addr,
            source,
        })?;
    runtime.block_on(serve(config, shutdown_signal()))
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {}
        _ = terminate => {}
    }
    tracing::info!("shutting down: finishing requests in flight");
}
