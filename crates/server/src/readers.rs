//! Connections for reads: a few database connections, each used by one
//! blocking task at a time (connections are `Send` but not `Sync`).

use crate::ApiError;
use hearsay_store::{Database, Location, StoreError};
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

/// A fixed set of open read connections.
pub struct Readers {
    idle: Mutex<Vec<Database>>,
    permits: Arc<Semaphore>,
}

impl Readers {
    /// Open `n` connections to the database at `at` (at least one).
    pub fn open(at: &Location, n: usize) -> Result<Self, StoreError> {
        let stores = (0..n.max(1))
            .map(|_| Database::open(at))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Readers {
            permits: Arc::new(Semaphore::new(stores.len())),
            idle: Mutex::new(stores),
        })
    }

    /// Run `read` on a free connection, on a blocking thread, once one is free.
    pub async fn run<T, F>(self: &Arc<Self>, read: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Database) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(ApiError::internal)?;
        let readers = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let lease = Lease::take(&readers)?;
            read(lease.store())
        })
        .await
        .map_err(|e| ApiError::internal(format!("a read failed: {e}")))?
    }
}

/// A connection taken from the pool, put back when dropped (also when the read panics).
struct Lease<'a> {
    readers: &'a Readers,
    store: Option<Database>,
}

impl<'a> Lease<'a> {
    fn take(readers: &'a Readers) -> Result<Self, ApiError> {
        let store = readers
            .idle
            .lock()
            .map_err(|_| ApiError::internal("the reader pool is poisoned"))?
            .pop()
            .ok_or_else(|| ApiError::internal("no free reader behind a permit"))?;
        Ok(Lease {
            readers,
            store: Some(store),
        })
    }

    fn store(&self) -> &Database {
        self.store.as_ref().expect("held until dropped")
    }
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        if let (Some(store), Ok(mut idle)) = (self.store.take(), self.readers.idle.lock()) {
            idle.push(store);
        }
    }
}
