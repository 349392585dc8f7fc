//! Hostile input for hearsay's fuzz tests.
//!
//! Random bytes rarely reach the code that breaks on real hostile input: a
//! page nested ten thousand elements deep, a quote mark repeated for a
//! megabyte, one sentence of fifty thousand words, a list of two thousand
//! names. The [proptest] strategies here build such inputs on purpose, mixed
//! with news-like text and arbitrary characters:
//!
//! * [`text`]: plain text ([`text::hostile`]), made of blocks of news
//!   sentences, long runs of one character, huge single sentences, many
//!   entities, many quotes, dense figures and dates, arbitrary characters;
//! * [`html`]: pages nested deep (closed or not), with scripts, comments,
//!   metadata and deep JSON-LD around hostile text;
//! * [`jsonl`]: JSON Lines records with hostile text, deep arrays and objects,
//!   broken lines.
//!
//! [`fuzz`] runs a check on generated inputs until a time budget is spent
//! (`HEARSAY_FUZZ_SECONDS`, default [`DEFAULT_SECONDS`]), from a seed it prints
//! first so that any failure, even an abort, can be replayed
//! (`HEARSAY_FUZZ_SEED`).

mod driver;
pub mod html;
pub mod jsonl;
pub mod text;

pub use driver::{DEFAULT_SECONDS, fuzz};
