//! The README's first command end to end: `hearsay analyze
//! examples/sample-article.txt --format json` must show a fact-checker the
//! claims as a careful reader sees them: no claim made of a genre label
//! ("Report: …") or of a "citing" phrase, via chains only through the
//! intermediaries the text names, and sources resolved to the right entity
//! with a real role.

use serde_json::Value;
mod support;

/// The analysis of the sample article as JSON.
fn analysis() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/sample-article.txt"
    );
    let out = support::run(&["analyze", path, "--format", "json"]);
    assert!(
        out.status.success(),
        "hearsay analyze failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the output is JSON")
}

fn claims(a: &Value) -> &[Value] {
    a["attributions"].as_array().expect("an attributions array")
}

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

/// The one claim whose cue is `cue` and whose content mentions `words`.
fn claim<'a>(a: &'a Value, cue: &str, words: &str) -> &'a Value {
    let found: Vec<&Value> = claims(a)
        .iter()
        .filter(|c| text(&c["cue"]["text"]) == cue)
        .filter(|c| {
            c["content"]
                .as_array()
                .is_some_and(|p| p.iter().any(|p| text(&p["text"]).contains(words)))
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one claim \"{cue}\" about \"{words}\", got {found:#?}"
    );
    found[0]
}

/// The texts of a claim's via chain, outermost first.
fn via(c: &Value) -> Vec<&str> {
    c["via"]
        .as_array()
        .expect("a via array")
        .iter()
        .map(|l| text(&l["text"]))
        .collect()
}

#[test]
fn no_claim_from_a_genre_label_or_a_citing_phrase() {
    let a = analysis();
    for c in claims(&a) {
        let src = text(&c["source"]["text"]);
        assert_ne!(src, "Report", "a genre label is no source: {c:#}");
        assert_ne!(
            text(&c["cue"]["text"]),
            "citing",
            "a citing phrase is a via link: {c:#}"
        );
    }
}

#[test]
fn the_outlet_and_its_origin_form_the_chain() {
    let a = analysis();
    // "the Baltic Monitor reported …, citing two officials …": the officials
    // are the innermost source, the outlet relays them; the outlet is what
    // the cue itself names (PolNeAR's source).
    let reported = claim(&a, "reported", "landing craft");
    assert_eq!(
        text(&reported["source"]["text"]),
        "two officials of the Estravian defence ministry"
    );
    assert_eq!(text(&reported["source"]["kind"]), "anonymous_group");
    assert_eq!(
        text(&reported["source"]["cue_source"]["text"]),
        "the Baltic Monitor"
    );
    assert_eq!(via(reported), ["the Baltic Monitor"]);
    assert_eq!(text(&reported["via"][0]["name"]), "Baltic Monitor");
    assert_eq!(text(&reported["via"][0]["kind"]), "news_outlet");

    // "According to the newspaper" refers back to the organization that reported.
    let according = claim(&a, "According to", "1,200 marines");
    assert_eq!(text(&according["source"]["text"]), "the newspaper");
    assert_eq!(text(&according["source"]["name"]), "Baltic Monitor");
    assert_eq!(text(&according["source"]["kind"]), "news_outlet");
    let entity = a["entities"]
        .as_array()
        .expect("an entities array")
        .iter()
        .find(|e| text(&e["name"]) == "Baltic Monitor")
        .expect("the Baltic Monitor is an entity");
    assert_eq!(text(&entity["kind"]), "news_outlet");

    // The source's affiliation (NATO) is no link of the chain.
    let told = claim(&a, "told", "watching closely");
    assert_eq!(via(told), ["Reuters"]);
}

#[test]
fn a_fragment_of_a_claim_is_not_a_claim_of_its_own() {
    let a = analysis();
    // "Analysts estimated that …, a sum they described as unusually high …":
    // the description is part of the analysts' claim, not a second one by "they".
    let estimated = claim(&a, "estimated", "unusually high");
    assert_eq!(
        text(&estimated["source"]["text"]),
        "Analysts at the Institute for Northern Security"
    );
    let described: Vec<&Value> = claims(&a)
        .iter()
        .filter(|c| text(&c["cue"]["text"]) == "described")
        .collect();
    assert!(described.is_empty(), "{described:#?}");
}

/// The entity one of whose mentions is written `mention`.
fn entity<'a>(a: &'a Value, mention: &str) -> &'a Value {
    a["entities"]
        .as_array()
        .expect("an entities array")
        .iter()
        .find(|e| {
            e["mentions"]
                .as_array()
                .is_some_and(|ms| ms.iter().any(|m| text(&m["text"]) == mention))
        })
        .unwrap_or_else(|| panic!("no entity written {mention:?}"))
}

#[test]
fn names_are_whole_and_typed_by_what_they_name() {
    let a = analysis();
    let observatory = entity(&a, "Open Maritime Observatory");
    assert_eq!(
        (text(&observatory["type"]), text(&observatory["kind"])),
        ("ORG", "think_tank")
    );
    for e in a["entities"].as_array().unwrap() {
        let name = text(&e["name"]);
        assert!(
            !matches!(name, "Open" | "Maritime Observatory"),
            "a piece of a name is no entity: {e:#}"
        );
    }
    // "the Varenga peninsula", "the Varenga coast": a location, not a city.
    let varenga = entity(&a, "Varenga");
    assert_eq!(
        (text(&varenga["type"]), text(&varenga["kind"])),
        ("LOC", "location")
    );
}

#[test]
fn descriptions_resolve_only_to_entities_they_name() {
    let a = analysis();
    let ministry = claim(&a, "declined", "figures");
    assert_eq!(text(&ministry["source"]["text"]), "The ministry");
    assert!(
        ministry["source"]["entity"].is_null(),
        "\"the ministry\" is not the Northern Fleet: {ministry:#}"
    );
}

#[test]
fn the_person_in_an_apposition_is_the_source() {
    let a = analysis();
    let minister = claim(&a, "said", "explanation");
    assert_eq!(text(&minister["source"]["name"]), "Ilse Korven");
    assert_eq!(text(&minister["source"]["kind"]), "named_person");
    assert_eq!(
        text(&minister["source"]["role"]),
        "Estravia's foreign minister"
    );
    let director = claim(&a, "said", "amphibious ships");
    assert_eq!(text(&director["source"]["name"]), "Mikael Sorensen");
    assert_eq!(text(&director["source"]["role"]), "its director");
}

#[test]
fn roles_are_words_and_chains_need_a_source() {
    let a = analysis();
    for c in claims(&a) {
        let role = text(&c["source"]["role"]).to_lowercase();
        assert!(
            !matches!(role.as_str(), "the" | "a" | "an" | "its" | "their"),
            "a bare determiner is no role: {c:#}"
        );
        if c["source"].is_null() {
            assert!(
                via(c).is_empty(),
                "a claim without a source has no chain: {c:#}"
            );
        }
    }
}

#[test]
fn a_surname_heading_a_longer_source_is_the_person() {
    let a = analysis();
    let c = claim(&a, "said", "publish the images");
    assert_eq!(
        text(&c["source"]["entity"]),
        "person:mikael-sorensen",
        "\"Sorensen, speaking to reporters in Tallinn on Thursday,\" is Sorensen, not Tallinn: {c:#}"
    );
}
