//! Helpers for the integration tests of the `hearsay` binary.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// A `hearsay` command with a clean environment (no `HEARSAY_DB` from outside).
pub fn hearsay() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hearsay"));
    cmd.env_remove("HEARSAY_DB");
    cmd
}

/// Run `hearsay ARGS` and return its output.
pub fn run(args: &[&str]) -> Output {
    hearsay().args(args).output().expect("hearsay runs")
}

/// Run `hearsay ARGS` with `stdin` as standard input.
pub fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = hearsay()
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("hearsay starts");
    let mut input = child.stdin.take().expect("a pipe");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&data));
    let out = child.wait_with_output().expect("hearsay ends");
    writer
        .join()
        .expect("writer thread")
        .expect("stdin written");
    out
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The exit code.
pub fn code(o: &Output) -> i32 {
    o.status.code().expect("an exit code")
}

/// The shared material (`../shared` beside the checkout, or `HEARSAY_SHARED`) as
/// the build script found it; tests that read it carry
/// `#[cfg_attr(not(has_shared), ignore = "…")]`.
pub fn shared() -> PathBuf {
    PathBuf::from(env!("HEARSAY_SHARED_DIR"))
}

/// A news-like article text, different for each `i`.
pub fn article(i: usize) -> String {
    format!(
        "Officials in district {i} said on Monday that about {n} residents had been moved to \
         shelters after the river rose, according to the regional emergency service. \
         \"We expect the water to fall by Thursday,\" the service's director, Anna Berg, told reporters. \
         Report number {i}.",
        n = 100 + i * 7
    )
}

/// `fn name(db) { body }` run twice: `NAME::sqlite` with `db` the path of a
/// fresh SQLite file, `NAME::postgres` with `db` the URL of a fresh
/// PostgreSQL database on the server `HEARSAY_TEST_PG` names (ignored, by
/// name, without one). Attributes before `fn` (its doc, an `ignore` for the
/// shared corpus) go on both tests.
#[macro_export]
macro_rules! on_both {
    ($(#[$attr:meta])* fn $name:ident($db:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            fn body($db: &str) $body

            #[test]
            $(#[$attr])*
            fn sqlite() {
                let dir = tempfile::tempdir().unwrap();
                body(dir.path().join("h.db").to_str().unwrap());
            }

            #[test]
            $(#[$attr])*
            #[cfg_attr(not(has_pg), ignore = "needs PostgreSQL (set HEARSAY_TEST_PG=postgres://…)")]
            fn postgres() {
                let db = hearsay_test_pg::TestDatabase::create(stringify!($name));
                body(db.url());
            }
        }
    };
}
