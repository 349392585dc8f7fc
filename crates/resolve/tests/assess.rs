//! Assessment on small articles written for the purpose: each relation type,
//! each cluster status, credibility and reliability grades with their reasons.

use hearsay_analyze::Analyzer;
use hearsay_core::Document;
use hearsay_resolve::{Graph, GraphCluster, RelationKind, Status, extract, resolve};
use std::sync::OnceLock;

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| Analyzer::new().expect("models"))
}

/// The graph of articles given as (outlet, date, text).
fn graph(articles: &[(&str, &str, &str)]) -> Graph {
    let facts: Vec<_> = articles
        .iter()
        .map(|(outlet, date, text)| {
            let mut doc = Document::new(*text);
            doc.outlet = Some((*outlet).into());
            doc.published = Some((*date).into());
            extract(&analyzer().analyze(doc))
        })
        .collect();
    resolve(&facts)
}

/// The cluster holding the claim whose proposition contains `words`.
fn cluster_of<'g>(g: &'g Graph, words: &str) -> &'g GraphCluster {
    let claim = g
        .claims
        .iter()
        .find(|c| c.proposition.contains(words))
        .unwrap_or_else(|| panic!("no claim with {words:?} in {:#?}", g.claims));
    g.clusters
        .iter()
        .find(|k| k.claims.contains(&claim.id))
        .expect("every claim is in a cluster")
}

fn relations(g: &Graph, kind: RelationKind) -> usize {
    g.relations.iter().filter(|r| r.kind == kind).count()
}

#[test]
fn independent_origins_agreeing_on_a_figure_corroborate_it() {
    let g = graph(&[
        (
            "Daily One",
            "2026-05-04",
            "The Health Ministry said on Monday that 12 people were killed in the blast at the Orlin chemical plant.",
        ),
        (
            "Daily Two",
            "2026-05-04",
            "Twelve people died in the explosion at the Orlin chemical plant, the Red Cross said on Monday.",
        ),
    ]);
    let k = cluster_of(&g, "killed");
    assert_eq!(k.status, Status::Corroborated, "{}", k.explanation);
    assert_eq!(k.independent_origins, 2);
    assert_eq!(relations(&g, RelationKind::Corroborates), 1);
    assert_eq!(k.credibility, Some(1), "{}", k.explanation);
    let assessed = g
        .claims
        .iter()
        .find(|c| Some(&c.id) == k.assessed_claim.as_ref())
        .unwrap();
    assert!(
        assessed
            .credibility_reason
            .contains("confirmed by 1 independent origin")
    );
}

#[test]
fn independent_origins_disagreeing_on_a_figure_contest_it() {
    let g = graph(&[
        (
            "Daily One",
            "2026-05-04",
            "The Health Ministry said on Monday that 12 people were killed in the blast at the Orlin chemical plant.",
        ),
        (
            "Daily Two",
            "2026-05-04",
            "Forty people were killed in the blast at the Orlin chemical plant, the Red Cross said on Monday.",
        ),
    ]);
    let k = cluster_of(&g, "killed");
    assert_eq!(k.status, Status::Contested, "{}", k.explanation);
    assert_eq!(relations(&g, RelationKind::Contradicts), 1);
    assert!(
        k.explanation.contains("1 contradiction"),
        "{}",
        k.explanation
    );
}

#[test]
fn one_origin_raising_its_own_figure_later_updates_it() {
    let g = graph(&[
        (
            "Daily One",
            "2026-05-04",
            "The Health Ministry said on Monday that 12 people were killed in the blast at the Orlin chemical plant.",
        ),
        (
            "Daily One",
            "2026-05-06",
            "The Health Ministry said on Wednesday that 19 people were killed in the blast at the Orlin chemical plant.",
        ),
    ]);
    let k = cluster_of(&g, "19 people");
    assert_eq!(k.status, Status::Updated, "{}", k.explanation);
    let update = g
        .relations
        .iter()
        .find(|r| r.kind == RelationKind::Updates)
        .expect("an update");
    let later = g.claims.iter().find(|c| c.id == update.a).unwrap();
    assert!(later.proposition.contains("19"), "{}", later.proposition);
    // The assessed claim of an updated cluster is the latest figure.
    assert_eq!(k.assessed_claim.as_ref(), Some(&later.id));
}

#[test]
fn outlets_repeating_one_anonymous_source_are_circular_not_corroboration() {
    let g = graph(&[
        (
            "Daily One",
            "2026-05-04",
            "Three oil tankers were seized off the coast of Varne on Sunday, an anonymous port official said.",
        ),
        (
            "Daily Two",
            "2026-05-05",
            "An anonymous port official told Daily One that three oil tankers were seized off the coast of Varne on Sunday.",
        ),
        (
            "Daily Three",
            "2026-05-05",
            "According to Daily One, an anonymous port official said three oil tankers were seized off the coast of Varne on Sunday.",
        ),
    ]);
    let k = cluster_of(&g, "tankers");
    assert_eq!(k.independent_origins, 1, "{}", k.explanation);
    assert_eq!(k.status, Status::Circular, "{}", k.explanation);
    assert!(
        k.explanation.contains("across 3 outlets"),
        "{}",
        k.explanation
    );
    assert_eq!(relations(&g, RelationKind::Corroborates), 0);
    // "According to Daily One" is the chain of the official's claim, not a claim of its own.
    assert_eq!(g.claims.len(), 1, "{:#?}", g.claims);
}

#[test]
fn a_lone_statement_is_single_and_its_anonymous_source_graded_f() {
    let g = graph(&[(
        "Daily One",
        "2026-05-04",
        "The dam's spillway was damaged in the storm, an engineer who asked not to be named said.",
    )]);
    let k = cluster_of(&g, "spillway");
    assert_eq!(k.status, Status::Single, "{}", k.explanation);
    let claim = g
        .claims
        .iter()
        .find(|c| c.proposition.contains("spillway"))
        .unwrap();
    let origin = g.origins.iter().find(|o| o.id == claim.origin).unwrap();
    assert_eq!(origin.reliability, "F", "{}", origin.reliability_reason);
    assert_eq!(claim.credibility, Some(3), "{}", claim.credibility_reason);
}

#[test]
fn a_stated_record_of_understatement_grades_the_source_d() {
    let g = graph(&[(
        "Daily One",
        "2026-05-04",
        "The Interior Ministry said on Monday that 40 protesters were detained in Varne. \
         The ministry has understated arrest figures in the past, rights groups say.",
    )]);
    let claim = g
        .claims
        .iter()
        .find(|c| c.proposition.contains("detained"))
        .expect("the detention claim");
    let origin = g.origins.iter().find(|o| o.id == claim.origin).unwrap();
    assert_eq!(origin.reliability, "D", "{}", origin.reliability_reason);
    assert!(origin.reliability_reason.contains("understated"));
}

#[test]
fn the_same_articles_in_any_order_give_the_same_assessment() {
    let articles = [
        (
            "Daily One",
            "2026-05-04",
            "The Health Ministry said on Monday that 12 people were killed in the blast at the Orlin chemical plant.",
        ),
        (
            "Daily Two",
            "2026-05-05",
            "Forty people were killed in the blast at the Orlin chemical plant, the Red Cross said on Tuesday.",
        ),
        (
            "Daily Three",
            "2026-05-06",
            "The Health Ministry said on Wednesday that 19 people were killed in the blast at the Orlin chemical plant.",
        ),
    ];
    let forward = graph(&articles);
    let mut reversed = articles;
    reversed.reverse();
    let backward = graph(&reversed);
    assert_eq!(
        serde_json::to_value(&forward).unwrap(),
        serde_json::to_value(&backward).unwrap()
    );
}
