//! The readers' fuzz target: hostile pages, feeds, texts and bytes
//! (`hearsay-hostile`), read as every format and sniffed, for a time budget
//! (`HEARSAY_FUZZ_SECONDS`, 15 s by default; `.ci/run` runs it).
//!
//! On an ordinary 2 MiB thread, as the CLI's reader thread is: a recursion over
//! the input's depth would overflow it and abort the run (the seed printed first
//! replays it). For every input: no panic; every error is one line naming the
//! input; every document has text, no NUL, its id is the hash of its text and
//! its path is the input's; reading twice gives the same; the text of an
//! undamaged page never holds what was inside its scripts.

use hearsay_core::DocId;
use hearsay_hostile::{fuzz, html, jsonl, text};
use hearsay_read::{Input, InputFormat, ReadOptions, read};
use proptest::prelude::*;
use std::sync::Arc;

const NAME: &str = "fuzz-input";

/// What the readers get: a page, a feed, a text or bytes, sometimes damaged
/// (then `true`).
fn input() -> impl Strategy<Value = (Vec<u8>, bool)> {
    let whole = prop_oneof![
        3 => html::page(4_000).prop_map(String::into_bytes),
        2 => jsonl::feed(4_000).prop_map(String::into_bytes),
        2 => text::hostile(20_000).prop_map(String::into_bytes),
        1 => prop::collection::vec(any::<u8>(), 0..4_096),
    ];
    (
        whole,
        prop::collection::vec(any::<prop::sample::Index>(), 0..4),
    )
        .prop_map(|(mut bytes, flips)| {
            // A few bytes flipped: broken UTF-8, NULs, control bytes where markup was.
            let damaged = !flips.is_empty() && !bytes.is_empty();
            for at in flips {
                if !bytes.is_empty() {
                    let i = at.index(bytes.len());
                    bytes[i] ^= 0x80 | (i as u8 & 0x7F);
                }
            }
            (bytes, damaged)
        })
}

/// Every item of `bytes` read as `format`, errors as their messages.
fn read_all(
    bytes: &Arc<[u8]>,
    format: Option<InputFormat>,
) -> Vec<Result<hearsay_read::ReadItem, String>> {
    let input = Input::Memory {
        name: NAME.to_string(),
        bytes: Arc::clone(bytes),
        format,
    };
    read(&input, &ReadOptions::default())
        .map(|item| item.map_err(|e| e.to_string()))
        .collect()
}

#[test]
fn readers_take_hostile_input() {
    fuzz("readers", input(), |(bytes, damaged)| {
        let bytes: Arc<[u8]> = bytes.into();
        for format in [
            None,
            Some(InputFormat::Text),
            Some(InputFormat::Html),
            Some(InputFormat::Jsonl),
        ] {
            let items = read_all(&bytes, format);
            prop_assert!(
                items == read_all(&bytes, format),
                "{format:?}: reading twice differs"
            );
            for item in &items {
                match item {
                    Err(message) => {
                        prop_assert!(message.contains(NAME), "{format:?}: {message}");
                        prop_assert!(!message.contains('\n'), "{format:?}: {message}");
                    }
                    Ok(item) => {
                        let doc = &item.document;
                        prop_assert!(!doc.text.trim().is_empty(), "{format:?}: empty text");
                        prop_assert!(!doc.text.contains('\0'), "{format:?}: a NUL kept");
                        prop_assert_eq!(&doc.id, &DocId::of_text(&doc.text));
                        prop_assert!(
                            doc.path.as_deref().is_some_and(|p| p.starts_with(NAME)),
                            "{format:?}: path {:?}",
                            doc.path
                        );
                        // A damaged `<script>` tag may no longer be one.
                        if format == Some(InputFormat::Html) && !damaged {
                            prop_assert!(
                                !doc.text.contains(html::IN_SCRIPT),
                                "script text extracted: {}",
                                doc.text
                            );
                        }
                    }
                }
            }
        }
        Ok(())
    });
}
