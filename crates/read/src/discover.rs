//! Turning the paths a user gives into inputs: files as they are, directories
//! walked recursively for the extensions hearsay reads, `-` for standard input.

use crate::{Input, InputFormat, ReadError};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The inputs found under some paths, and the paths that could not be used.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Files (and standard input) to read, in a stable order.
    pub inputs: Vec<Input>,
    /// Paths that are missing or could not be listed.
    pub errors: Vec<ReadError>,
    /// Files inside directories skipped for their extension.
    pub skipped: Vec<PathBuf>,
}

/// Expand `paths`: a file is read whatever its extension (sniffed when unknown);
/// a directory is walked recursively, in sorted order, for `.txt`, `.html`,
/// `.htm`, `.jsonl` and `.ndjson` files, skipping hidden entries; `-` is
/// standard input.
///
/// ```
/// let d = hearsay_read::discover(&["-", "/no/such/path"]);
/// assert_eq!(d.inputs.len(), 1);
/// assert_eq!(d.errors[0].to_string(), "/no/such/path: no such file or directory");
/// ```
pub fn discover<P: AsRef<Path>>(paths: &[P]) -> Discovery {
    let mut found = Discovery::default();
    for path in paths {
        let path = path.as_ref();
        if path == Path::new("-") {
            found.inputs.push(Input::Stdin { format: None });
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut seen = HashSet::new();
                walk(path, &mut seen, &mut found);
            }
            Ok(_) => found.inputs.push(Input::File {
                path: path.to_path_buf(),
                format: InputFormat::from_extension(path),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                found.errors.push(ReadError::Missing {
                    path: path.display().to_string(),
                })
            }
            Err(source) => found.errors.push(ReadError::Io {
                path: path.display().to_string(),
                source,
            }),
        }
    }
    found
}

fn walk(dir: &Path, seen: &mut HashSet<PathBuf>, found: &mut Discovery) {
    // Symbolic links may loop: visit each real directory once.
    if let Ok(real) = dir.canonicalize()
        && !seen.insert(real)
    {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            found.errors.push(ReadError::Io {
                path: dir.display().to_string(),
                source,
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, seen, found),
            Ok(_) => match InputFormat::from_extension(&path) {
                Some(format) => found.inputs.push(Input::File {
                    path,
                    format: Some(format),
                }),
                None => found.skipped.push(path),
            },
            Err(source) => found.errors.push(ReadError::Io {
                path: path.display().to_string(),
                source,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_directories_by_extension_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::create_dir_all(p.join("sub/deeper")).unwrap();
        std::fs::create_dir_all(p.join(".hidden")).unwrap();
        for f in [
            "b.txt",
            "a.HTML",
            "sub/c.jsonl",
            "sub/deeper/d.ndjson",
            "sub/notes.md",
            ".hidden/e.txt",
            ".f.txt",
            "g.htm",
        ] {
            std::fs::write(p.join(f), "x").unwrap();
        }
        let d = discover(&[p]);
        let names: Vec<String> = d
            .inputs
            .iter()
            .map(|i| match i {
                Input::File { path, .. } => path.strip_prefix(p).unwrap().display().to_string(),
                other => other.display(),
            })
            .collect();
        assert_eq!(
            names,
            [
                "a.HTML",
                "b.txt",
                "g.htm",
                "sub/c.jsonl",
                "sub/deeper/d.ndjson"
            ]
        );
        assert_eq!(d.skipped.len(), 1);
        assert!(d.errors.is_empty());
    }

    #[test]
    fn explicit_files_keep_unknown_extensions_for_sniffing() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("article.dat");
        std::fs::write(&f, "x").unwrap();
        let d = discover(&[&f]);
        assert_eq!(
            d.inputs,
            [Input::File {
                path: f,
                format: None
            }]
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        let d = discover(&[dir.path()]);
        assert_eq!(d.inputs.len(), 1);
    }
}
