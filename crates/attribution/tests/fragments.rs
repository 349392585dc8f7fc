//! Claims made of a fragment of another claim: "…, a sum they described as
//! unusually high" inside the analysts' own claim is not a second claim, while
//! "an explosion that the mayor described as an intentional act" is one.

use hearsay_core::{Analysis, Document};

fn claims(text: &str) -> Vec<(String, Vec<String>)> {
    let mut stages = hearsay_nlp::stages().expect("the language models load");
    stages.extend(hearsay_mentions::stages());
    stages.extend(hearsay_attribution::stages());
    let mut a = Analysis::empty(Document::new(text), "test");
    for s in &stages {
        s.annotate(&mut a);
    }
    a.attributions
        .iter()
        .map(|at| {
            let content = at.content.iter().map(|c| c.text(text).to_string());
            (at.cue.span.text(text).to_string(), content.collect())
        })
        .collect()
}

#[test]
fn a_speakers_as_complement_inside_their_own_claim_is_no_second_claim() {
    let found = claims(
        "Analysts at the Institute for Northern Security estimated that the exercises \
         probably cost more than $80 million, a sum they described as unusually high for \
         a routine drill.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "estimated");
    assert!(
        found[0].1[0].ends_with("unusually high for a routine drill"),
        "{found:?}"
    );
}

#[test]
fn a_description_outside_any_claim_stays_a_claim() {
    let found = claims(
        "Police closed the street after an explosion that Mayor Bill de Blasio described \
         as an intentional act.",
    );
    assert!(
        found.iter().any(|(cue, _)| cue.starts_with("described")),
        "{found:?}"
    );
}
