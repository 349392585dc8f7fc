//! `hearsay serve`, started as the real binary on a free loopback port over
//! a database of the shared PolNeAR dev texts, the story sets and the seed
//! article: every endpoint, paging, filters, authentication and limits,
//! writes, shutdown (`api`), and the pages in a real headless Chromium
//! driven over WebDriver (`browser`).
//!
//! Ignored (and listed as such) without `../shared`; the browser tests also
//! without `chromium` and `chromedriver` on `PATH` (`.ci/run` installs them).

#[path = "../support/mod.rs"]
mod support;

mod api;
mod browser;
mod http;
mod server;

/// `s` percent-encoded for a URL path segment.
fn http_path(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
