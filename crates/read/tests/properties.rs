//! Property tests: the readers take any bytes without panicking, and what they
//! promise about the text holds for all inputs.

use hearsay_read::{Input, InputFormat, ReadOptions, decode, html, jsonl, read, text};
use proptest::prelude::*;

fn html_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"x\">".to_string()),
        Just("</div>".to_string()),
        Just("<br>".to_string()),
        Just("<a href='#'>".to_string()),
        Just("</a>".to_string()),
        Just("<script>var a = '<p>';</script>".to_string()),
        Just("<meta property=\"og:title\" content=\"T\">".to_string()),
        Just(
            "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\""
                .to_string()
        ),
        Just("&amp; &nbsp; &#x1F600; &bogus;".to_string()),
        "[a-zA-Z ,.“”—]{0,40}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn decoding_never_panics_and_keeps_valid_utf8(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let d = decode::decode_text(&bytes);
        if let Ok(s) = std::str::from_utf8(&bytes) {
            prop_assert_eq!(&d.text, &s.replace('\0', "\u{FFFD}"));
            prop_assert_eq!(d.replaced, 0);
            prop_assert_eq!(d.nul, s.matches('\0').count());
        } else if d.encoding.is_none() {
            prop_assert!(d.replaced > 0);
        }
        let _ = decode::decode_html(&bytes);
        let _ = decode::is_binary(&bytes);
    }

    #[test]
    fn header_title_is_the_first_line(s in "\\PC{0,80}(\n\\PC{0,40}){0,5}") {
        let h = text::header(&s);
        if let Some(t) = h.title {
            let first = s.trim_start_matches('\u{FEFF}').trim_start_matches(['\n', '\r', ' ', '\t'])
                .lines().next().unwrap_or("").trim();
            prop_assert_eq!(t.as_str(), first);
        }
        if h.byline.is_some() {
            prop_assert!(text::header(&s).title.is_some());
        }
    }

    #[test]
    fn jsonl_records_never_panic(line in "\\PC{0,200}") {
        let _ = jsonl::parse_record(&line);
    }

    #[test]
    fn text_files_round_trip_exactly(s in "\\PC{1,300}") {
        prop_assume!(!s.trim().is_empty());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, &s).unwrap();
        let items: Vec<_> = read(&Input::File { path, format: Some(InputFormat::Text) }, &ReadOptions::default()).collect();
        prop_assert_eq!(items.len(), 1);
        let doc = &items[0].as_ref().unwrap().document;
        prop_assert_eq!(&doc.text, &s);
    }

    #[test]
    fn any_bytes_as_any_format_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), fmt in 0..3usize) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x");
        std::fs::write(&path, &bytes).unwrap();
        let format = [InputFormat::Text, InputFormat::Html, InputFormat::Jsonl][fmt];
        for item in read(&Input::File { path, format: Some(format) }, &ReadOptions::default()).flatten() {
            prop_assert!(!item.document.text.trim().is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn html_extraction_never_panics(page in html_like()) {
        let p = html::extract(&page).expect("the generated pages are shallow");
        prop_assert!(!p.text.contains("<script"));
    }
}
