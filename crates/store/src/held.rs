//! Inputs held back from analysis: the store's side of the quarantine of
//! `hearsay-ingest` (a document or a file that a run died on), in table `held`
//! (schema V6).

use crate::StoreError;
use crate::db::Db;
use hearsay_core::DocId;
use serde::Serialize;

/// What is held back: one document, or one input file (whose reading killed a run).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum HeldInput {
    /// A document, by its id (the SHA-256 of its text): the same text is held
    /// wherever it comes from.
    Document {
        /// Its id.
        id: DocId,
    },
    /// An input file, by path; held only while its size and modification time
    /// are `fingerprint`.
    File {
        /// The path as given.
        path: String,
        /// Its size and modification time when it was held.
        fingerprint: String,
    },
}

impl HeldInput {
    /// Its key: the document id, or `file:` and the path.
    pub fn key(&self) -> String {
        match self {
            HeldInput::Document { id } => id.to_string(),
            HeldInput::File { path, .. } => format!("file:{path}"),
        }
    }
}

/// How far the suspicion goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HeldState {
    /// It was being read or analyzed when a run died: it, or another input of
    /// that moment, killed the run. The next run to meet it tries it alone first.
    Suspect,
    /// Tried alone, it killed that process too: skipped from now on.
    Quarantined,
}

impl HeldState {
    fn as_str(self) -> &'static str {
        match self {
            HeldState::Suspect => "suspect",
            HeldState::Quarantined => "quarantined",
        }
    }
}

/// One input held back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Held {
    /// What is held.
    #[serde(flatten)]
    pub input: HeldInput,
    /// Where it was read from (`FILE`, `FILE:LINE`, `-`), for messages.
    pub path: String,
    /// Suspect or quarantined.
    pub state: HeldState,
    /// Why, in words.
    pub reason: String,
    /// The analyzer version of the run that held it: another version tries again.
    pub analyzer: String,
    /// When it was held (UTC, ISO 8601); set by the store.
    pub since: String,
}

/// Every held input, in key order.
pub(crate) fn held(db: Db<'_>) -> Result<Vec<Held>, StoreError> {
    db.query(
        "SELECT key, kind, path, fingerprint, state, reason, analyzer, since FROM held ORDER BY key",
        &[],
        |r| {
            let key: String = r.get(0)?;
            let path: String = r.get(2)?;
            let input = match r.get::<String>(1)?.as_str() {
                "document" => HeldInput::Document {
                    id: DocId::from_hex(key),
                },
                _ => HeldInput::File {
                    path: path.clone(),
                    fingerprint: r.get(3)?,
                },
            };
            let state = match r.get::<String>(4)?.as_str() {
                "quarantined" => HeldState::Quarantined,
                _ => HeldState::Suspect,
            };
            Ok(Held {
                input,
                path,
                state,
                reason: r.get(5)?,
                analyzer: r.get(6)?,
                since: r.get(7)?,
            })
        },
    )
}

/// Record `items` in one transaction. A quarantined input stays quarantined
/// unless replaced by a new quarantine (a suspicion does not lift it).
pub(crate) fn hold(db: Db<'_>, items: &[Held]) -> Result<(), StoreError> {
    let tx = db.begin()?;
    let put = format!(
        "INSERT INTO held (key, kind, path, fingerprint, state, reason, analyzer, since)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, {})
         ON CONFLICT (key) DO UPDATE SET
            kind = excluded.kind, path = excluded.path, fingerprint = excluded.fingerprint,
            state = excluded.state, reason = excluded.reason, analyzer = excluded.analyzer,
            since = excluded.since
         WHERE held.state = 'suspect' OR excluded.state = 'quarantined'",
        db.now()
    );
    for h in items {
        let (kind, fingerprint) = match &h.input {
            HeldInput::Document { .. } => ("document", ""),
            HeldInput::File { fingerprint, .. } => ("file", fingerprint.as_str()),
        };
        db.execute(
            &put,
            &[
                &h.input.key(),
                &kind,
                &h.path,
                &fingerprint,
                &h.state.as_str(),
                &h.reason,
                &h.analyzer,
            ],
        )?;
    }
    tx.commit()
}

/// Stop holding `input`.
pub(crate) fn release(db: Db<'_>, input: &HeldInput) -> Result<(), StoreError> {
    db.execute("DELETE FROM held WHERE key = ?1", &[&input.key()])?;
    Ok(())
}
