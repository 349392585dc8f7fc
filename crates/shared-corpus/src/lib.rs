//! Where the shared corpus is, decided once at build time.
//!
//! Tests that read `../shared` (or `$HEARSAY_SHARED`) must not pass silently
//! when it is absent: a crate with such tests calls [`configure`] from its
//! `build.rs`, which sets the cfg `has_shared` when the corpus is there and the
//! environment variable `HEARSAY_SHARED_DIR` (read with `env!`) to the
//! directory it looked at. The tests then carry
//!
//! ```text
//! #[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
//! ```
//!
//! so that `cargo test` lists them by name as ignored instead of counting
//! them as passed.
//!
//! The same goes for tests that need a PostgreSQL server:
//! [`configure_postgres`] sets the cfg `has_pg` when `HEARSAY_TEST_PG` names
//! one (see the `hearsay-test-pg` crate).

use std::path::{Path, PathBuf};

/// The environment variable that overrides where the shared material is.
pub const ENV: &str = "HEARSAY_SHARED";

/// The shared directory for a workspace rooted at `workspace`: `$HEARSAY_SHARED`
/// (a relative value is taken from the workspace root), else `../shared`
/// beside the workspace.
pub fn locate(workspace: &Path, env: Option<&std::ffi::OsStr>) -> PathBuf {
    match env.filter(|v| !v.is_empty()) {
        Some(v) => workspace.join(v),
        None => workspace.join("../shared"),
    }
}

/// True when `dir` holds the shared corpus (its `corpus/` folder).
pub fn is_present(dir: &Path) -> bool {
    dir.join("corpus").is_dir()
}

/// The build-script instructions for a crate at `manifest_dir` (two levels
/// below the workspace root, as every crate under `crates/` is), given the
/// value of `HEARSAY_SHARED`.
pub fn instructions(manifest_dir: &Path, env: Option<&std::ffi::OsStr>) -> Vec<String> {
    let workspace = manifest_dir.join("../..");
    let dir = locate(&workspace, env);
    let dir = dir.canonicalize().unwrap_or(dir);
    let mut out = vec![
        format!("cargo::rerun-if-env-changed={ENV}"),
        "cargo::rerun-if-changed=build.rs".to_string(),
        "cargo::rustc-check-cfg=cfg(has_shared)".to_string(),
        format!("cargo::rustc-env=HEARSAY_SHARED_DIR={}", dir.display()),
    ];
    if is_present(&dir) {
        out.push("cargo::rustc-cfg=has_shared".to_string());
        // Looked at again when it changes or goes away.
        out.push(format!("cargo::rerun-if-changed={}", dir.display()));
    } else {
        // A missing path would make Cargo rebuild every time, so only a change
        // of HEARSAY_SHARED makes it look again.
        out.push(format!(
            "cargo::warning=no shared corpus at {}: the tests that need it are ignored \
             (set {ENV}=DIR to build them)",
            dir.display()
        ));
    }
    out
}

/// Print [`instructions`] for the crate whose build script is running.
///
/// # Panics
///
/// When not run by Cargo (`CARGO_MANIFEST_DIR` unset).
pub fn configure() {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").expect("run by Cargo");
    for line in instructions(Path::new(&manifest), std::env::var_os(ENV).as_deref()) {
        println!("{line}");
    }
}

/// The environment variable that names the PostgreSQL server of the tests.
pub const POSTGRES_ENV: &str = "HEARSAY_TEST_PG";

/// The build-script instructions for tests that need PostgreSQL, given the
/// value of `HEARSAY_TEST_PG`: the cfg `has_pg` when it is set.
pub fn postgres_instructions(env: Option<&std::ffi::OsStr>) -> Vec<String> {
    let mut out = vec![
        format!("cargo::rerun-if-env-changed={POSTGRES_ENV}"),
        "cargo::rustc-check-cfg=cfg(has_pg)".to_string(),
    ];
    if env.is_some_and(|v| !v.is_empty()) {
        out.push("cargo::rustc-cfg=has_pg".to_string());
    } else {
        out.push(format!(
            "cargo::warning=no {POSTGRES_ENV}: the tests that need PostgreSQL are ignored \
             (.ci/postgres start DIR prints a server's URL)"
        ));
    }
    out
}

/// Print [`postgres_instructions`] for the crate whose build script is running.
pub fn configure_postgres() {
    for line in postgres_instructions(std::env::var_os(POSTGRES_ENV).as_deref()) {
        println!("{line}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_present_corpus_sets_the_cfg_and_is_watched() {
        let root = std::env::temp_dir().join(format!("hearsay-shared-{}", std::process::id()));
        let krate = root.join("repo/crates/x");
        std::fs::create_dir_all(&krate).unwrap();
        std::fs::create_dir_all(root.join("shared/corpus")).unwrap();
        let lines = instructions(&krate, None);
        let shared = root.join("shared").canonicalize().unwrap();
        assert!(lines.contains(&"cargo::rustc-cfg=has_shared".to_string()));
        assert!(lines.contains(&format!("cargo::rerun-if-changed={}", shared.display())));
        assert!(lines.contains(&format!(
            "cargo::rustc-env=HEARSAY_SHARED_DIR={}",
            shared.display()
        )));

        let elsewhere = instructions(&krate, Some("../../nowhere".as_ref()));
        assert!(!elsewhere.iter().any(|l| l.contains("rustc-cfg=")));
        assert!(!elsewhere.iter().any(|l| l.contains("rerun-if-changed=/")));
        assert!(elsewhere.iter().any(|l| l.starts_with("cargo::warning=")));
        assert!(elsewhere.contains(&format!("cargo::rerun-if-env-changed={ENV}")));
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_postgres_url_sets_has_pg() {
        let with = postgres_instructions(Some("postgres://h/db".as_ref()));
        assert!(with.contains(&"cargo::rustc-cfg=has_pg".to_string()));
        for without in [
            postgres_instructions(None),
            postgres_instructions(Some("".as_ref())),
        ] {
            assert!(!without.iter().any(|l| l.contains("rustc-cfg=")));
            assert!(without.iter().any(|l| l.starts_with("cargo::warning=")));
        }
    }

    #[test]
    fn a_relative_override_is_taken_from_the_workspace_root() {
        let ws = Path::new("/ws");
        assert_eq!(locate(ws, Some("data".as_ref())), Path::new("/ws/data"));
        assert_eq!(locate(ws, Some("/abs".as_ref())), Path::new("/abs"));
        assert_eq!(locate(ws, Some("".as_ref())), Path::new("/ws/../shared"));
        assert_eq!(locate(ws, None), Path::new("/ws/../shared"));
    }
}
