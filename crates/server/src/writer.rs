//! The one writer: a thread that owns the write connection and adds documents
//! through `hearsay-ingest` (read → analyze → store → resolve), one request at
//! a time, so that concurrent requests never race to store the same article.

use crate::ApiError;
use hearsay_analyze::Analyzer;
use hearsay_ingest::{AddOptions, AddSummary, Quiet};
use hearsay_read::{Input, ReadOptions};
use hearsay_store::Database;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use tokio::sync::{mpsc, oneshot};

/// One request's documents and where its answer goes.
struct Job {
    inputs: Vec<Input>,
    reply: oneshot::Sender<Result<AddSummary, String>>,
}

/// The handle requests use to reach the writer thread.
pub struct Writer {
    jobs: Mutex<Option<mpsc::Sender<Job>>>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl Writer {
    /// Start the writer thread over `store`; at most `queue` requests wait for it.
    pub fn start(
        mut store: Database,
        analyzer: Arc<Analyzer>,
        read_options: ReadOptions,
        queue: usize,
    ) -> Self {
        let (jobs, mut rx) = mpsc::channel::<Job>(queue.max(1));
        let thread = std::thread::Builder::new()
            .name("hearsay-writer".into())
            .spawn(move || {
                while let Some(job) = rx.blocking_recv() {
                    // ingest stores whole documents in transactions, so a panic
                    // here leaves nothing half-stored; the writer goes on.
                    let added = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        hearsay_ingest::add(
                            &mut store,
                            &analyzer,
                            &job.inputs,
                            read_options,
                            AddOptions::default(),
                            &Quiet,
                        )
                    }));
                    let answer = match added {
                        Ok(Ok(summary)) => Ok(summary),
                        Ok(Err(e)) => Err(e.to_string()),
                        Err(_) => Err("the writer panicked".to_string()),
                    };
                    // The request may have timed out and gone; what was stored stays.
                    let _ = job.reply.send(answer);
                }
            })
            .expect("a thread can be started");
        Writer {
            jobs: Mutex::new(Some(jobs)),
            thread: Mutex::new(Some(thread)),
        }
    }

    /// Add `inputs` and say what was stored. Answers 503 when the queue is full
    /// or the server is shutting down.
    pub async fn add(&self, inputs: Vec<Input>) -> Result<AddSummary, ApiError> {
        let sender = self
            .jobs
            .lock()
            .map_err(|_| ApiError::internal("the writer handle is poisoned"))?
            .clone()
            .ok_or_else(|| ApiError::Unavailable("the server is shutting down".into()))?;
        let (reply, answer) = oneshot::channel();
        sender
            .try_send(Job { inputs, reply })
            .map_err(|e| match e {
                mpsc::error::TrySendError::Full(_) => {
                    ApiError::Unavailable("too many writes waiting; try again shortly".into())
                }
                mpsc::error::TrySendError::Closed(_) => {
                    ApiError::Unavailable("the server is shutting down".into())
                }
            })?;
        answer
            .await
            .map_err(|_| ApiError::internal("the writer went away"))?
            .map_err(ApiError::internal)
    }

    /// Take no more writes, let the writer finish the ones queued, and wait for it.
    pub fn shut_down(&self) {
        if let Ok(mut jobs) = self.jobs.lock() {
            jobs.take();
        }
        let thread = self.thread.lock().ok().and_then(|mut t| t.take());
        if let Some(thread) = thread {
            let _ = thread.join();
        }
    }
}
