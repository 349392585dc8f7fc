//! Test-only ways to make the process die on a chosen input, as a stack
//! overflow or an allocation failure would: the quarantine's tests run the real
//! binary with them. They exist in debug builds only (`cargo test`); in a
//! release build these functions do nothing.
//!
//! * `HEARSAY_TEST_ABORT_READING=TEXT`: abort as reading starts on a file
//!   whose path contains `TEXT`;
//! * `HEARSAY_TEST_ABORT_ANALYZING=TEXT`: abort as analysis starts on a
//!   document whose text contains `TEXT`.

/// Called as reading `path` starts.
pub(crate) fn before_reading(path: &str) {
    abort_if("HEARSAY_TEST_ABORT_READING", path);
}

/// Called as analyzing a document with `text` starts.
pub(crate) fn before_analyzing(text: &str) {
    abort_if("HEARSAY_TEST_ABORT_ANALYZING", text);
}

#[cfg(debug_assertions)]
fn abort_if(var: &str, haystack: &str) {
    if let Some(marker) = std::env::var_os(var)
        && let Some(marker) = marker.to_str()
        && !marker.is_empty()
        && haystack.contains(marker)
    {
        std::process::abort();
    }
}

#[cfg(not(debug_assertions))]
fn abort_if(_var: &str, _haystack: &str) {}
