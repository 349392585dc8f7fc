//! Score HTML main-content extractors on the pages in `../tests/pages` (or a
//! directory given as the first argument, with `NAME.html` and expected body
//! `NAME.txt`): 4-word-shingle precision, recall and F1 per page and on average.

#[path = "../../tests/support/shingles.rs"]
mod shingles;

use std::path::{Path, PathBuf};

type Extractor = fn(&str) -> String;

fn rs_trafilatura(html: &str) -> String {
    rs_trafilatura::extract(html)
        .map(|r| r.content_text)
        .unwrap_or_default()
}

fn dom_smoothie(html: &str) -> String {
    dom_smoothie::Readability::new(html, None, None)
        .and_then(|mut r| r.parse())
        .map(|a| a.text_content.to_string())
        .unwrap_or_default()
}

fn hearsay_whole_page(html: &str) -> String {
    let doc = dom_query::Document::from(html);
    let meta = hearsay_read::html::meta::read(&doc);
    hearsay_read::html::body::to_text(&doc, &meta)
}

fn hearsay(html: &str) -> String {
    hearsay_read::html::extract(html).map(|p| p.text).unwrap_or_default()
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/pages"));
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("a directory of NAME.html + NAME.txt pages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    let extractors: [(&str, Extractor); 4] = [
        ("rs-trafilatura 0.2", rs_trafilatura),
        ("dom_smoothie 0.19", dom_smoothie),
        ("hearsay, whole page", hearsay_whole_page),
        ("hearsay (chosen)", hearsay),
    ];
    print!("{:24}", "page");
    for (name, _) in &extractors {
        print!(" {name:>20}");
    }
    println!();
    let mut totals = [(0.0, 0.0, 0.0); 4];
    for page in &pages {
        let html = String::from_utf8_lossy(&std::fs::read(page).unwrap()).into_owned();
        let expected = std::fs::read_to_string(page.with_extension("txt")).unwrap();
        print!("{:24}", page.file_stem().unwrap().to_string_lossy());
        for (i, (_, extract)) in extractors.iter().enumerate() {
            let (p, r, f) = shingles::shingle_prf(&extract(&html), &expected);
            totals[i].0 += p;
            totals[i].1 += r;
            totals[i].2 += f;
            print!(" {:>20}", format!("{f:.3}"));
        }
        println!();
    }
    let n = pages.len() as f64;
    println!(
        "\nmean over {} pages (precision / recall / F1):",
        pages.len()
    );
    for (i, (name, _)) in extractors.iter().enumerate() {
        let (p, r, f) = totals[i];
        println!(
            "  {name:22} P {:.3}  R {:.3}  F1 {:.3}",
            p / n,
            r / n,
            f / n
        );
    }
}
