//! The files `hearsay analyze --out DIR` writes: never over one of the inputs,
//! never over a file that is already there unless `--force` says so, and each
//! one whole or not at all (written to a temporary file in DIR, then renamed).
//!
//! A file that already holds exactly the bytes to be written is left alone, so
//! running the same command again succeeds, and `--format brat --out DIR`
//! into the folder of the `.txt` inputs only adds the `.ann` files.

use hearsay_read::Input;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file was not written.
#[derive(Debug, thiserror::Error)]
pub enum OutError {
    /// The file is one of the inputs.
    #[error(
        "{}: is one of the inputs; not replaced by the output of the same name (choose another --out directory)",
        .0.display()
    )]
    Input(PathBuf),
    /// The file is there already and `--force` was not given.
    #[error("{}: exists; not replaced (--force replaces it)", .0.display())]
    Exists(PathBuf),
    /// Writing failed.
    #[error("writing {}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
}

impl OutError {
    /// The file concerned.
    pub fn path(&self) -> &Path {
        match self {
            OutError::Input(p) | OutError::Exists(p) | OutError::Io { path: p, .. } => p,
        }
    }

    /// True for a refusal to replace a file (the document is reported, the run goes on),
    /// false for a failure to write (the run stops).
    pub fn is_refusal(&self) -> bool {
        !matches!(self, OutError::Io { .. })
    }
}

/// The output directory and what must not be written over.
pub struct OutDir {
    dir: PathBuf,
    /// The input files, canonical.
    inputs: HashSet<PathBuf>,
    /// Replace existing files that are not inputs.
    force: bool,
}

impl OutDir {
    /// Create `dir` if needed; `inputs` are never written over.
    pub fn create(dir: &Path, inputs: &[Input], force: bool) -> Result<Self, OutError> {
        std::fs::create_dir_all(dir).map_err(|source| OutError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let inputs = inputs
            .iter()
            .filter_map(|i| match i {
                Input::File { path, .. } => path.canonicalize().ok(),
                Input::Stdin { .. } | Input::Memory { .. } => None,
            })
            .collect();
        Ok(OutDir {
            dir: dir.to_path_buf(),
            inputs,
            force,
        })
    }

    /// Write the files of one document, `(file name, bytes)`: all are checked
    /// before any is written, so a refusal leaves nothing of the document.
    pub fn write(&self, files: &[(String, &[u8])]) -> Result<(), OutError> {
        let mut planned = Vec::new();
        for (name, bytes) in files {
            let path = self.dir.join(name);
            if let Some(replace) = self.check(&path, bytes)? {
                planned.push((path, *bytes, replace));
            }
        }
        for (path, bytes, replace) in planned {
            self.put(&path, bytes, replace)?;
        }
        Ok(())
    }

    /// Whether `path` is to be written, and if so whether it replaces a file
    /// (`None` when it already holds `bytes`).
    fn check(&self, path: &Path, bytes: &[u8]) -> Result<Option<bool>, OutError> {
        match std::fs::symlink_metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Some(false)),
            Err(source) => Err(OutError::Io {
                path: path.to_path_buf(),
                source,
            }),
            Ok(_) => {
                if std::fs::read(path).is_ok_and(|old| old == bytes) {
                    return Ok(None);
                }
                if path
                    .canonicalize()
                    .is_ok_and(|real| self.inputs.contains(&real))
                {
                    return Err(OutError::Input(path.to_path_buf()));
                }
                if !self.force {
                    return Err(OutError::Exists(path.to_path_buf()));
                }
                Ok(Some(true))
            }
        }
    }

    /// Write `bytes` to a temporary file beside `path`, then rename it to
    /// `path`: over the existing file when `replace`, else only if there is
    /// still none.
    fn put(&self, path: &Path, bytes: &[u8], replace: bool) -> Result<(), OutError> {
        let io = |source| OutError::Io {
            path: path.to_path_buf(),
            source,
        };
        let mut tmp = tempfile::Builder::new()
            .prefix(".hearsay-")
            .suffix(".tmp")
            .tempfile_in(&self.dir)
            .map_err(io)?;
        tmp.write_all(bytes).map_err(io)?;
        let done = if replace {
            tmp.persist(path)
        } else {
            tmp.persist_noclobber(path)
        };
        match done {
            Ok(_) => Ok(()),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                Err(OutError::Exists(path.to_path_buf()))
            }
            Err(e) => Err(io(e.error)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(path: &Path) -> Input {
        Input::File {
            path: path.to_path_buf(),
            format: None,
        }
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn an_input_is_never_replaced_even_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("article.txt");
        std::fs::write(&article, "It rained.").unwrap();
        for force in [false, true] {
            let out = OutDir::create(dir.path(), &[input(&article)], force).unwrap();
            let e = out
                .write(&[("article.txt".into(), b"report".as_slice())])
                .unwrap_err();
            assert!(matches!(e, OutError::Input(_)), "{e}");
            assert!(e.to_string().contains("is one of the inputs"), "{e}");
        }
        assert_eq!(std::fs::read(&article).unwrap(), b"It rained.");
        assert_eq!(entries(dir.path()), ["article.txt"]);
    }

    #[test]
    fn an_existing_file_needs_force_and_is_then_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("a.json");
        std::fs::write(&old, "old").unwrap();
        let out = OutDir::create(dir.path(), &[], false).unwrap();
        let e = out
            .write(&[("a.json".into(), b"new".as_slice())])
            .unwrap_err();
        assert!(matches!(e, OutError::Exists(_)) && e.is_refusal(), "{e}");
        assert_eq!(std::fs::read(&old).unwrap(), b"old");
        let forced = OutDir::create(dir.path(), &[], true).unwrap();
        forced
            .write(&[("a.json".into(), b"new".as_slice())])
            .unwrap();
        assert_eq!(std::fs::read(&old).unwrap(), b"new");
        assert_eq!(entries(dir.path()), ["a.json"], "no temporary file left");
    }

    #[test]
    fn identical_files_are_left_alone_and_a_refusal_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("a.txt");
        std::fs::write(&text, "It rained.").unwrap();
        std::fs::write(dir.path().join("b.ann"), "T1").unwrap();
        let out = OutDir::create(dir.path(), &[input(&text)], false).unwrap();
        // brat into the inputs' folder: the text is the input itself, unchanged.
        out.write(&[
            ("a.ann".into(), b"E1".as_slice()),
            ("a.txt".into(), b"It rained.".as_slice()),
        ])
        .unwrap();
        assert_eq!(std::fs::read(dir.path().join("a.ann")).unwrap(), b"E1");
        // One refused file keeps the document's other file from being written.
        let e = out
            .write(&[
                ("c.ann".into(), b"E2".as_slice()),
                ("b.ann".into(), b"E3".as_slice()),
            ])
            .unwrap_err();
        assert!(matches!(e, OutError::Exists(_)), "{e}");
        assert_eq!(entries(dir.path()), ["a.ann", "a.txt", "b.ann"]);
    }
}
