//! A throwaway PostgreSQL database per test.
//!
//! Tests that need PostgreSQL run against the server whose URL is in
//! `HEARSAY_TEST_PG` (`.ci/run` starts one, see `.ci/postgres`); the build
//! scripts of their crates set the cfg `has_pg` when the variable is set
//! (`hearsay_shared_corpus::configure_postgres`), and the tests carry
//!
//! ```text
//! #[cfg_attr(not(has_pg), ignore = "needs PostgreSQL (set HEARSAY_TEST_PG=postgres://…)")]
//! ```
//!
//! so that without a server `cargo test` lists them by name as ignored.
//! [`TestDatabase::create`] makes a database of its own for one test (tests
//! run in parallel) and drops it when the test is done.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The environment variable that names the test server: a `postgres://` URL
/// of a role that may create databases.
pub const ENV: &str = "HEARSAY_TEST_PG";

/// A database made for one test, dropped (with any session still on it)
/// when this value is.
pub struct TestDatabase {
    admin: String,
    name: String,
    url: String,
}

impl TestDatabase {
    /// Create an empty database for the test `label`.
    ///
    /// # Panics
    ///
    /// When `HEARSAY_TEST_PG` is not set or the server cannot create it: the
    /// test cannot run, and must not pass.
    pub fn create(label: &str) -> TestDatabase {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let admin = std::env::var(ENV).unwrap_or_else(|_| {
            panic!(
                "{ENV} is not set: this test needs a PostgreSQL server (.ci/postgres starts one)"
            )
        });
        let safe: String = label
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        let mut name = format!(
            "hearsay_test_{}_{}_{safe}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        name.truncate(63);
        let mut client = postgres::Client::connect(&admin, postgres::NoTls)
            .unwrap_or_else(|e| panic!("cannot reach the test server in {ENV}: {e}"));
        client
            .batch_execute(&format!("CREATE DATABASE \"{name}\""))
            .unwrap_or_else(|e| panic!("cannot create the test database {name}: {e}"));
        let url = with_database(&admin, &name);
        TestDatabase { admin, name, url }
    }

    /// Its `postgres://` URL (with the password: give it only to the code under test).
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        // A database left behind is only clutter on a throwaway server; the
        // test's own result is what matters.
        if let Ok(mut client) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = client.batch_execute(&format!(
                "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// `url` naming the database `name` instead of its own.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.find('?') {
        Some(q) => url.split_at(q),
        None => (url, ""),
    };
    let start = base.find("://").map_or(0, |i| i + 3);
    let host = base[start..].rfind('@').map_or(start, |at| start + at + 1);
    let path_start = base[host..].find('/').map_or(base.len(), |p| host + p);
    format!("{}/{name}{query}", &base[..path_start])
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn the_database_of_a_url_is_replaced() {
        assert_eq!(
            with_database("postgres://u:p@h:5/postgres", "t"),
            "postgres://u:p@h:5/t"
        );
        assert_eq!(
            with_database("postgres://u:p/x@h", "t"),
            "postgres://u:p/x@h/t"
        );
        assert_eq!(
            with_database("postgres://h/db?sslmode=disable", "t"),
            "postgres://h/t?sslmode=disable"
        );
    }
}
