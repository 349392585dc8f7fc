//! Any bytes, through every reader: decoding, the text header, a JSONL line
//! and HTML extraction must never panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = hearsay_read::decode::is_binary(data);
    let text = hearsay_read::decode::decode_text(data).text;
    let _ = hearsay_read::text::header(&text);
    for line in text.lines() {
        let _ = hearsay_read::jsonl::parse_record(line);
    }
    let html = hearsay_read::decode::decode_html(data).text;
    if let Ok(page) = hearsay_read::html::extract(&html) {
        assert!(!page.text.contains("<script"));
    }
});
