//! The HTML reader on realistic news pages written for hearsay
//! (`tests/pages/NAME.html`, expected body `NAME.txt`, expected metadata
//! `NAME.json`): body 4-word-shingle F1 and metadata exactness.

#[path = "support/shingles.rs"]
mod shingles;

use hearsay_read::html;
use std::path::PathBuf;

fn pages() -> Vec<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pages"));
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    pages
}

#[test]
fn body_shingle_f1_is_at_least_095_on_every_page_mean() {
    let pages = pages();
    assert!(pages.len() >= 12, "the page set is missing");
    let mut total = 0.0;
    for page in &pages {
        let html = std::fs::read_to_string(page).unwrap();
        let expected = std::fs::read_to_string(page.with_extension("txt")).unwrap();
        let got = html::extract(&html).unwrap();
        let (p, r, f) = shingles::shingle_prf(&got.text, &expected);
        println!(
            "{:24} P {p:.3} R {r:.3} F1 {f:.3}",
            page.file_stem().unwrap().to_string_lossy()
        );
        assert!(f >= 0.85, "{}: F1 {f:.3}\n{}", page.display(), got.text);
        total += f;
    }
    let mean = total / pages.len() as f64;
    println!("mean F1 {mean:.3} over {} pages", pages.len());
    assert!(mean >= 0.95, "mean body F1 {mean:.3} < 0.95");
}

#[test]
fn metadata_matches_what_the_page_declares() {
    for page in pages() {
        let html = std::fs::read_to_string(&page).unwrap();
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(page.with_extension("json")).unwrap())
                .unwrap();
        let meta = html::extract(&html).unwrap().meta;
        let name = page.file_stem().unwrap().to_string_lossy().into_owned();
        let check = |field: &str, got: Option<&str>| {
            if let Some(want) = expected[field].as_str() {
                assert_eq!(got, Some(want), "{name}: {field}");
            }
        };
        check("title", meta.title.as_deref());
        check("byline", meta.byline.as_deref());
        check("outlet", meta.outlet.as_deref());
        check("url", meta.url.as_deref());
        check("published", meta.published.as_deref().map(|d| &d[..10]));
    }
}

#[test]
fn the_title_is_not_in_the_text() {
    for page in pages() {
        let html = std::fs::read_to_string(&page).unwrap();
        let got = html::extract(&html).unwrap();
        let title = got.meta.title.clone().unwrap();
        assert!(
            !got.text.contains(&title),
            "{}: title in text",
            page.display()
        );
    }
}
