//! The run journal: what a run of [`add`](crate::add) is reading and analyzing
//! at this moment, in a small file beside the database, so that the next run
//! knows what a run that died was on.
//!
//! Each run appends to a file of its own, `DB-run-PID-NONCE`, one JSON line as
//! an input's reading or a document's analysis starts and one as it ends; a
//! line is in the kernel before the work starts, so it survives the process
//! (not a power cut: the journal is for a process killed by its input). The run
//! holds an exclusive lock on its file while it lives and deletes it when it
//! ends. A later run that can take the lock of such a file knows its run died,
//! and what was started there but not ended is suspect ([`Orphans`]).
//!
//! The journal is not in the database because a write there waits for the
//! writer's transaction (up to 256 documents): analysis would stall.

use hearsay_core::{DocId, Document};
use hearsay_store::HeldInput;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// One line of a journal.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Line {
    /// Reading an input file starts.
    Read { path: String, fingerprint: String },
    /// Analyzing a document starts.
    Analyze { id: DocId, path: String },
    /// What the line with this key started is over.
    Done { key: String },
}

impl Line {
    /// The key that pairs a start with its end.
    fn key(&self) -> String {
        match self {
            Line::Read { path, .. } => format!("file:{path}"),
            Line::Analyze { id, .. } => id.to_string(),
            Line::Done { key } => key.clone(),
        }
    }
}

/// The journal of the running `add`.
#[derive(Debug)]
pub struct RunJournal {
    file: Mutex<File>,
    path: PathBuf,
}

/// What runs that died were on when they died.
#[derive(Debug, Default)]
pub struct Orphans {
    /// Inputs started and never ended, with where they came from and when.
    pub suspects: Vec<Suspect>,
    /// The journals read, locked until [`Orphans::forget`].
    files: Vec<(PathBuf, File)>,
}

/// An input a run was reading or analyzing when it died.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suspect {
    /// The document or file.
    pub input: HeldInput,
    /// Where it was read from.
    pub path: String,
    /// The run, as `pid N`.
    pub run: String,
}

impl Orphans {
    /// Delete the journals of the dead runs (once their suspects are held in the database).
    pub fn forget(self) -> std::io::Result<()> {
        for (path, _lock) in self.files {
            match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        Ok(())
    }
}

/// The size and modification time of a file, which tell whether it changed.
pub fn fingerprint(path: &Path) -> String {
    match std::fs::metadata(path) {
        Ok(m) => {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{} bytes, modified {modified}", m.len())
        }
        Err(_) => String::new(),
    }
}

impl RunJournal {
    /// Start the journal of this run beside the database `db`, and collect the
    /// journals of runs that died (those of live runs are left alone).
    pub fn begin(db: &Path) -> std::io::Result<(RunJournal, Orphans)> {
        let dir = match db.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = db
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let prefix = format!("{name}-run-");
        let orphans = collect(&dir, &prefix)?;
        let nonce = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path = dir.join(format!("{prefix}{}-{nonce:08x}", std::process::id()));
        let file = OpenOptions::new()
            .append(true)
            .create_new(true)
            .open(&path)?;
        file.lock()?;
        Ok((
            RunJournal {
                file: Mutex::new(file),
                path,
            },
            orphans,
        ))
    }

    /// Reading the file `path` starts.
    pub fn reading(&self, path: &Path) {
        self.append(&Line::Read {
            path: path.display().to_string(),
            fingerprint: fingerprint(path),
        });
    }

    /// Reading the file `path` is over.
    pub fn read(&self, path: &Path) {
        self.append(&Line::Done {
            key: format!("file:{}", path.display()),
        });
    }

    /// Analyzing `document` starts.
    pub fn analyzing(&self, document: &Document) {
        self.append(&Line::Analyze {
            id: document.id.clone(),
            path: document.path.clone().unwrap_or_else(|| "-".into()),
        });
    }

    /// Analyzing the document `id` is over (whatever came of it).
    pub fn analyzed(&self, id: &DocId) {
        self.append(&Line::Done {
            key: id.to_string(),
        });
    }

    /// One line in one write, so that a line is whole or absent.
    fn append(&self, line: &Line) {
        let mut bytes = serde_json::to_vec(line).unwrap_or_default();
        bytes.push(b'\n');
        let file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        // A journal that cannot be written only loses the quarantine of this
        // run's inputs; the run itself goes on.
        let _ = (&*file).write_all(&bytes);
    }
}

impl Drop for RunJournal {
    /// The run ended (it did not die): its journal goes.
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The journals named `PREFIX…` in `dir` whose runs died, with what they left started.
fn collect(dir: &Path, prefix: &str) -> std::io::Result<Orphans> {
    let mut orphans = Orphans::default();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .map(|e| e.path())
        .collect();
    paths.sort();
    for path in paths {
        let Ok(file) = OpenOptions::new().read(true).write(true).open(&path) else {
            continue;
        };
        match file.try_lock() {
            Ok(()) => {}
            // A live run holds it.
            Err(TryLockError::WouldBlock) => continue,
            Err(TryLockError::Error(e)) => return Err(e),
        }
        let run = path
            .file_name()
            .map(|n| n.to_string_lossy()[prefix.len()..].to_string())
            .and_then(|rest| rest.split('-').next().map(|pid| format!("pid {pid}")))
            .unwrap_or_default();
        orphans.suspects.extend(unfinished(&file, &run));
        orphans.files.push((path, file));
    }
    Ok(orphans)
}

/// What a journal started and did not end (a start counts once per start:
/// the same document may be analyzed twice at once).
fn unfinished(file: &File, run: &str) -> Vec<Suspect> {
    let mut open: HashMap<String, (usize, Line)> = HashMap::new();
    let mut order = Vec::new();
    // A torn last line (the run died mid-write) is not a start.
    for line in BufReader::new(file).lines().map_while(Result::ok) {
        let Ok(line) = serde_json::from_str::<Line>(&line) else {
            continue;
        };
        let key = line.key();
        match line {
            Line::Done { .. } => {
                if let Some((n, _)) = open.get_mut(&key) {
                    *n = n.saturating_sub(1);
                }
            }
            start => {
                let entry = open.entry(key.clone()).or_insert_with(|| {
                    order.push(key);
                    (0, start)
                });
                entry.0 += 1;
            }
        }
    }
    order
        .into_iter()
        .filter_map(|k| {
            let (n, line) = open.remove(&k)?;
            if n == 0 {
                return None;
            }
            let (input, path) = match line {
                Line::Read { path, fingerprint } => (
                    HeldInput::File {
                        path: path.clone(),
                        fingerprint,
                    },
                    path,
                ),
                Line::Analyze { id, path } => (HeldInput::Document { id }, path),
                Line::Done { .. } => return None,
            };
            Some(Suspect {
                input,
                path,
                run: run.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_live_run_is_left_alone_and_a_dead_one_leaves_what_it_had_started() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("h.db");
        let (live, orphans) = RunJournal::begin(&db).unwrap();
        assert!(orphans.suspects.is_empty());
        let a = Document::new("First.");
        let b = Document::new("Second.");
        live.analyzing(&a);
        live.analyzing(&b);
        live.analyzed(&a.id);
        live.reading(&dir.path().join("feed.jsonl"));
        // Another run while this one lives: nothing to collect.
        let (other, orphans) = RunJournal::begin(&db).unwrap();
        assert!(orphans.suspects.is_empty());
        drop(other);
        // This run "dies": its file stays, its lock goes.
        let path = live.path.clone();
        let mut live = live;
        let lock = std::mem::replace(
            live.file.get_mut().unwrap(),
            File::open("/dev/null").unwrap(),
        );
        drop(lock);
        std::mem::forget(live);
        assert!(path.exists());
        let (next, orphans) = RunJournal::begin(&db).unwrap();
        let held: Vec<&HeldInput> = orphans.suspects.iter().map(|s| &s.input).collect();
        assert_eq!(held.len(), 2, "{held:?}");
        assert_eq!(held[0], &HeldInput::Document { id: b.id.clone() });
        assert!(matches!(held[1], HeldInput::File { path, .. } if path.ends_with("feed.jsonl")));
        assert!(orphans.suspects[0].run.starts_with("pid "));
        orphans.forget().unwrap();
        assert!(!path.exists());
        drop(next);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_document_analyzed_twice_at_once_is_open_until_both_end() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("h.db");
        let (run, _) = RunJournal::begin(&db).unwrap();
        let a = Document::new("Same.");
        let open = || unfinished(&File::open(&run.path).unwrap(), "pid 1").len();
        run.analyzing(&a);
        run.analyzing(&a);
        run.analyzed(&a.id);
        assert_eq!(open(), 1);
        run.analyzed(&a.id);
        assert_eq!(open(), 0);
        // A line torn by the death of its run is no start.
        (&*run.file.lock().unwrap())
            .write_all(b"{\"analyze\":{\"id\":\"ab")
            .unwrap();
        assert_eq!(open(), 0);
    }
}
