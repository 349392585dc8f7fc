//! Embeds the test set (`testset/CODE/NAME.txt`) so that `hearsay eval langid`
//! can score the identification without a checkout of the repository.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testset");
    println!("cargo::rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    for lang in std::fs::read_dir(&root).expect("testset/ is there") {
        let lang = lang.expect("testset/ is readable").path();
        println!("cargo::rerun-if-changed={}", lang.display());
        for file in std::fs::read_dir(&lang).expect("a language folder is readable") {
            let file = file.expect("a language folder is readable").path();
            if file.extension().is_some_and(|e| e == "txt") {
                let code = lang.file_name().unwrap().to_string_lossy().into_owned();
                let name = file.file_stem().unwrap().to_string_lossy().into_owned();
                entries.push((code, name, file));
            }
        }
    }
    entries.sort();
    let mut out = String::from("&[\n");
    for (code, name, file) in entries {
        writeln!(
            out,
            "    Sample {{ language: {code:?}, name: {name:?}, text: include_str!({:?}) }},",
            file.display().to_string()
        )
        .unwrap();
    }
    out.push_str("]\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("testset.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
