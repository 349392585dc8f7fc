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
    /// Paths that are missing, could not be listed, or are not regular files.
    pub errors: Vec<ReadError>,
    /// Files inside directories skipped for their extension.
    pub skipped: Vec<PathBuf>,
}

/// Expand `paths`: a file is read whatever its extension (sniffed when unknown);
/// a directory is walked recursively, in sorted order, for `.txt`, `.html`,
/// `.htm`, `.jsonl` and `.ndjson` files, skipping hidden entries; `-` is
/// standard input.
///
/// Inside directories only regular files are read: a named pipe, socket or
/// device with one of those extensions is reported in [`Discovery::errors`]
/// (reading it could block forever). A path given by name is read whatever
/// it is, so that `hearsay add <(curl …)` works.
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
            Ok(meta) if meta.is_dir() => walk(path, &mut found),
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

/// Walk `root` depth-first in sorted order with an explicit stack of listings,
/// so that the depth of a folder tree cannot exhaust the thread's stack.
fn walk(root: &Path, found: &mut Discovery) {
    let mut seen = HashSet::new();
    let mut listings: Vec<std::vec::IntoIter<PathBuf>> = Vec::new();
    if let Some(listing) = list(root, &mut seen, found) {
        listings.push(listing);
    }
    while let Some(listing) = listings.last_mut() {
        let Some(path) = listing.next() else {
            listings.pop();
            continue;
        };
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(source) => {
                found.errors.push(ReadError::Io {
                    path: path.display().to_string(),
                    source,
                });
                continue;
            }
        };
        if meta.is_dir() {
            if let Some(listing) = list(&path, &mut seen, found) {
                listings.push(listing);
            }
            continue;
        }
        match InputFormat::from_extension(&path) {
            Some(_) if !meta.is_file() => found.errors.push(ReadError::NotAFile {
                path: path.display().to_string(),
                kind: special_kind(&meta),
            }),
            Some(format) => found.inputs.push(Input::File {
                path,
                format: Some(format),
            }),
            None => found.skipped.push(path),
        }
    }
}

/// The sorted entries of `dir`, or `None` when it was seen before (symbolic
/// links may loop) or cannot be listed (reported).
fn list(
    dir: &Path,
    seen: &mut HashSet<PathBuf>,
    found: &mut Discovery,
) -> Option<std::vec::IntoIter<PathBuf>> {
    if let Ok(real) = dir.canonicalize()
        && !seen.insert(real)
    {
        return None;
    }
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            let mut paths: Vec<PathBuf> =
                entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            Some(paths.into_iter())
        }
        Err(source) => {
            found.errors.push(ReadError::Io {
                path: dir.display().to_string(),
                source,
            });
            None
        }
    }
}

/// What a file that is neither a regular file nor a directory is.
#[cfg_attr(not(unix), allow(unused_variables))]
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    "not a regular file"
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
    fn pipes_in_directories_are_reported_not_opened() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        let fifo = dir.path().join("x.txt");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: `c` is a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let d = discover(&[dir.path()]);
        assert_eq!(d.inputs.len(), 1);
        assert_eq!(
            d.errors[0].to_string(),
            format!(
                "{}: a named pipe, not a regular file; skipped",
                fifo.display()
            )
        );
    }

    #[test]
    fn deep_folder_trees_are_walked_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut deep = dir.path().to_path_buf();
        for _ in 0..200 {
            deep.push("d");
        }
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(deep.join("z.txt"), "x").unwrap();
        std::fs::write(dir.path().join("e.txt"), "x").unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        let d = discover(&[dir.path()]);
        let names: Vec<String> = d.inputs.iter().map(Input::display).collect();
        assert_eq!(names.len(), 3);
        assert!(names[0].ends_with("/a.txt") && names[2].ends_with("/e.txt"));
        assert!(names[1].ends_with("/d/z.txt"));
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
