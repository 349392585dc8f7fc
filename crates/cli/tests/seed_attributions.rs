//! The seed article end to end, through the real binary: `hearsay analyze` on
//! `../shared/corpus/seed/dprk-troops-treaty.txt` must find what an analyst
//! reads in it (`expected.json`): every gold attribution of the `.ann` file,
//! the headline attribution, the source kinds, the via chains, and "Yang"
//! resolved to Benjamin Young with a `name_variant` flag.
//!
//! Ignored (listed by name) when the shared corpus is absent.

use hearsay_attribution::brat::parse_ann;
use hearsay_attribution::score::Scorer;
use serde_json::Value;
use std::path::PathBuf;
mod support;

/// The seed directory of the shared corpus.
fn seed_dir() -> PathBuf {
    support::shared().join("corpus/seed")
}

/// Run `hearsay analyze SEED --format FORMAT` and return its standard output.
fn analyze(dir: &std::path::Path, format: &str) -> String {
    let seed = dir.join("dprk-troops-treaty.txt");
    let out = support::run(&["analyze", &seed.to_string_lossy(), "--format", format]);
    assert!(
        out.status.success(),
        "hearsay analyze failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn lower(v: &Value) -> String {
    v.as_str().unwrap_or("").to_lowercase()
}

/// Does `needle` name the same thing as the link or source `v` (its text or its entity's name)?
fn names(v: &Value, needle: &str) -> bool {
    let needle = needle.to_lowercase().replace('"', "");
    [lower(&v["text"]), lower(&v["name"])].iter().any(|t| {
        let t = t.replace('"', "");
        !t.is_empty() && (t.contains(&needle) || needle.contains(&t))
    })
}

fn content_text(att: &Value) -> String {
    att["content"]
        .as_array()
        .map(|c| {
            c.iter()
                .map(|p| lower(&p["text"]))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

/// The predicted attribution whose content contains `phrase`.
fn with_content<'a>(atts: &'a [Value], phrase: &str) -> &'a Value {
    let phrase = phrase.to_lowercase();
    atts.iter()
        .find(|a| content_text(a).contains(&phrase))
        .unwrap_or_else(|| panic!("no attribution has content containing {phrase:?}"))
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn every_gold_attribution_of_the_seed_is_found() {
    let dir = seed_dir();
    let text = std::fs::read_to_string(dir.join("dprk-troops-treaty.txt")).unwrap();
    let gold = parse_ann(&std::fs::read_to_string(dir.join("dprk-troops-treaty.ann")).unwrap());
    let pred = parse_ann(&analyze(&dir, "brat"));
    let mut scorer = Scorer::default();
    scorer.add_document(&text, &gold, Some(&pred));
    let r = scorer.result();
    assert_eq!(
        r.counts.matched,
        gold.len(),
        "not every gold attribution is matched by content:\n{}",
        r.table()
    );
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn seed_json_has_the_headline_kinds_chains_and_name_variant() {
    let dir = seed_dir();
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let json: Value = serde_json::from_str(&analyze(&dir, "json")).expect("JSON output");
    let atts = json["attributions"].as_array().expect("attributions");

    // The headline: "WSJ: There was a secret clause …".
    let h = &expected["document"]["headline_attribution"];
    let headline = with_content(atts, h["content_contains"].as_str().unwrap());
    assert!(
        names(&headline["source"], h["source"].as_str().unwrap()),
        "headline source: {}",
        headline["source"]
    );
    assert!(lower(&headline["cue"]["text"]).contains(h["cue"].as_str().unwrap()));
    assert_eq!(headline["kind"], "headline");

    for e in expected["attributions"].as_array().unwrap() {
        let att = with_content(atts, e["content_contains"].as_str().unwrap());
        let src = &att["source"];
        let want = e["source"].as_str().unwrap();
        assert!(names(src, want), "source of {want:?}: {src}");
        assert_eq!(src["kind"], e["source_kind"], "kind of source {want:?}");
        let via = att["via"].as_array().unwrap();
        for link in e["via"].as_array().into_iter().flatten() {
            let name = link["source"].as_str().unwrap();
            let found = via.iter().find(|l| names(l, name));
            let found =
                found.unwrap_or_else(|| panic!("{want:?}: no via link {name:?} in {via:?}"));
            assert_eq!(found["kind"], link["kind"], "kind of via link {name:?}");
        }
        if let Some(outlet) = e["via_outlet"].as_str() {
            assert!(
                via.iter().any(|l| names(l, outlet)),
                "{want:?}: the claim should pass through {outlet:?}: {via:?}"
            );
        }
    }

    // Source chains, origin first. The last element is the publishing outlet;
    // the seed is a bare .txt file, so the publisher is implied unless the text
    // names it (the third chain, '"Babel" sources').
    for chain in expected["source_chains"].as_array().unwrap() {
        let chain: Vec<&str> = chain
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap())
            .collect();
        let (publisher, named) = chain.split_last().unwrap();
        let covers = |a: &Value, who: &str| {
            names(&a["source"], who) || a["via"].as_array().unwrap().iter().any(|l| names(l, who))
        };
        let att = atts
            .iter()
            .find(|a| named.iter().all(|who| covers(a, who)))
            .unwrap_or_else(|| panic!("no attribution carries the chain {chain:?}"));
        let publisher_named = json["document"]["outlet"].as_str().is_some() || chain.len() == 2;
        if publisher_named {
            assert!(
                covers(att, publisher),
                "chain {chain:?} should reach {publisher:?}"
            );
        }
    }

    // "Yang" is Benjamin Young, and the variant is flagged.
    let yang = with_content(atts, "No amount of training");
    assert_eq!(yang["source"]["text"], "Yang");
    assert_eq!(yang["source"]["name"], "Benjamin Young");
    let flagged = json["flags"].as_array().unwrap().iter().any(|f| {
        f["kind"] == "name_variant"
            && f["mentions"]
                .as_array()
                .is_some_and(|m| m.iter().any(|s| s["text"] == "Yang"))
    });
    assert!(flagged, "no name_variant flag for Yang: {}", json["flags"]);
}
