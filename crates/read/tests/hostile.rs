//! Hostile pages: nesting that would exhaust the stack or take time growing
//! with the square of the depth is refused with a message, and nesting up to
//! the limit is read on an ordinary thread.

use hearsay_read::html::depth::MAX_DEPTH;
use hearsay_read::{Input, InputFormat, ReadError, ReadOptions, read};

fn read_page(page: String) -> Result<String, ReadError> {
    // A thread of the standard size, as the CLI's reader thread is.
    std::thread::spawn(move || {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.html");
        std::fs::write(&path, page).unwrap();
        let input = Input::File {
            path,
            format: Some(InputFormat::Html),
        };
        let mut items = read(&input, &ReadOptions::default());
        items.next().unwrap().map(|item| item.document.text)
    })
    .join()
    .expect("reading never panics or overflows")
}

fn nested(tag: &str, depth: usize) -> String {
    format!(
        "<html><body>{}<p>Officials said the bridge reopened on Monday after repairs.</p>{}</body></html>",
        format!("<{tag}>").repeat(depth),
        format!("</{tag}>").repeat(depth)
    )
}

#[test]
fn ten_thousand_nested_divs_are_refused_naming_the_file() {
    let err = read_page(nested("div", 10_000)).unwrap_err();
    assert!(matches!(err, ReadError::TooDeep { .. }), "{err}");
    let msg = err.to_string();
    assert!(msg.contains("page.html"), "{msg}");
    assert!(
        msg.contains(&format!("more than {MAX_DEPTH} elements deep")),
        "{msg}"
    );
}

#[test]
fn unclosed_spans_are_refused_too() {
    let page = format!(
        "<html><body><p>{}Text.</p></body></html>",
        "<span>".repeat(50_000)
    );
    assert!(matches!(read_page(page), Err(ReadError::TooDeep { .. })));
}

#[test]
fn nesting_just_under_the_limit_is_read() {
    for tag in ["div", "span", "section"] {
        let text = read_page(nested(tag, MAX_DEPTH - 10)).unwrap();
        assert!(text.contains("the bridge reopened"), "{tag}: {text}");
    }
}
