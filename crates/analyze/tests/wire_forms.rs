//! Wire-style news through the whole analyzer: datelines, reporting clauses
//! after their content, chains of outlets, figures reported by verbs. The
//! texts are written for these tests (invented places, outlets and people).

use hearsay_analyze::Analyzer;
use hearsay_core::{Analysis, Attribution, Document, SourceKind};
use std::sync::OnceLock;

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| Analyzer::new().expect("the shipped models load"))
}

/// Analyze `text` as published by `outlet`.
fn analyze(text: &str, outlet: Option<&str>) -> Analysis {
    let mut doc = Document::new(text);
    doc.outlet = outlet.map(str::to_string);
    analyzer().analyze(doc)
}

fn content(a: &Analysis, att: &Attribution) -> String {
    att.content
        .iter()
        .map(|c| c.text(a.text()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The attribution whose content holds `phrase`.
fn with_content<'a>(a: &'a Analysis, phrase: &str) -> &'a Attribution {
    a.attributions
        .iter()
        .find(|t| content(a, t).contains(phrase))
        .unwrap_or_else(|| {
            let all: Vec<String> = a.attributions.iter().map(|t| content(a, t)).collect();
            panic!("no attribution holds {phrase:?}: {all:#?}")
        })
}

fn source<'a>(a: &'a Analysis, att: &Attribution) -> &'a str {
    att.source.as_ref().map_or("", |s| s.span.text(a.text()))
}

/// The texts of the via links that name an entity (the publisher is implied).
fn via(att: &Attribution) -> Vec<String> {
    att.via
        .iter()
        .filter(|l| !l.span.is_empty())
        .map(|l| l.text.clone())
        .collect()
}

#[test]
fn a_dateline_is_never_source_or_content() {
    let a = analyze(
        "Bridge closed after storm\n\nBRAVOS, June 4 (Coast Wire) — Trelland's transport minister, Mira Osk, said on Tuesday that the bridge would stay closed for a month.",
        Some("Coast Wire"),
    );
    let d = a.dateline.as_ref().expect("a dateline");
    assert_eq!(d.place.text(a.text()), "BRAVOS");
    assert_eq!(d.wire.map(|w| w.text(a.text())), Some("Coast Wire"));
    let att = with_content(&a, "the bridge would stay closed");
    let src = att.source.as_ref().expect("a source");
    assert!(!src.span.overlaps(&d.span), "source {:?}", source(&a, att));
    assert!(att.content.iter().all(|c| !c.overlaps(&d.span)));
    assert!(source(&a, att).contains("Mira Osk"));
    // The wire is the publisher here: no intermediary.
    assert!(via(att).is_empty(), "{:?}", via(att));
}

#[test]
fn a_wire_story_run_by_another_outlet_came_through_the_wire() {
    let text = "Bridge closed after storm\n\nBRAVOS, June 4 (Coast Wire) — The bridge will stay closed for a month, the transport ministry said on Tuesday.";
    let a = analyze(text, Some("The Daily Lamp"));
    let att = with_content(&a, "The bridge will stay closed");
    assert_eq!(via(att), ["Coast Wire"]);
    // Published by the wire itself, in a short form: no link.
    let a = analyze(text, Some("CW"));
    assert!(via(with_content(&a, "The bridge will stay closed")).is_empty());
}

#[test]
fn the_reporting_clause_after_a_long_content() {
    let a = analyze(
        "Storm hits coast\n\nTORVIK — A storm tore through the harbour district late on Sunday, killing at least three people and injuring more than 40, the regional emergency agency said on Monday.\n\nThe toll rose to five on Tuesday, the agency said, after divers recovered two more bodies.",
        Some("The Daily Lamp"),
    );
    let first = with_content(
        &a,
        "killing at least three people and injuring more than 40",
    );
    assert!(content(&a, first).starts_with("A storm tore through"));
    assert_eq!(source(&a, first), "the regional emergency agency");
    let second = with_content(&a, "The toll rose to five on Tuesday");
    assert_eq!(source(&a, second), "the agency");
    assert_eq!(
        second.source.as_ref().map(|s| s.kind),
        Some(SourceKind::GovernmentAgency)
    );
}

/// The text of the source the cue names itself (PolNeAR's source).
fn cue_source<'a>(a: &'a Analysis, att: &Attribution) -> &'a str {
    att.source
        .as_ref()
        .and_then(|s| s.cue_source)
        .map_or("", |s| s.text(a.text()))
}

#[test]
fn the_innermost_cited_origin_is_the_source() {
    let a = analyze(
        "Port dispute\n\nThe Velm Courier reported on Monday, citing Coast Wire, which quoted three dock workers, that the strike would last a week.\n\nThe Evening Star, citing a report in the Velm Courier that quoted a harbour engineer, said on Tuesday that a crane had collapsed.\n\nThe port authority said 40 ships were waiting, citing figures from the coast guard.",
        Some("The Daily Lamp"),
    );
    let strike = with_content(&a, "the strike would last a week");
    assert_eq!(source(&a, strike), "three dock workers");
    assert_eq!(cue_source(&a, strike), "The Velm Courier");
    assert_eq!(via(strike), ["The Velm Courier", "Coast Wire"]);
    let crane = with_content(&a, "a crane had collapsed");
    assert_eq!(source(&a, crane), "a harbour engineer");
    assert_eq!(
        crane.source.as_ref().map(|s| s.kind),
        Some(SourceKind::AnonymousPerson)
    );
    assert_eq!(
        via(crane),
        ["The Evening Star", "a report in the Velm Courier"]
    );
    let ships = with_content(&a, "40 ships were waiting");
    assert_eq!(source(&a, ships), "figures from the coast guard");
    assert_eq!(via(ships), ["The port authority"]);
    // No claim is made of the citing phrase itself.
    assert!(
        a.attributions
            .iter()
            .all(|t| !content(&a, t).starts_with("Coast Wire"))
    );
}

#[test]
fn according_to_an_outlet_that_quoted_another() {
    let a = analyze(
        "Ransom\n\nThe hackers want 10 million crowns, according to Coast Wire, which quoted a report in the Velm Courier.",
        Some("The Daily Lamp"),
    );
    let att = with_content(&a, "want 10 million crowns");
    assert_eq!(source(&a, att), "a report in the Velm Courier");
    assert_eq!(via(att), ["Coast Wire"]);
}

#[test]
fn a_relative_pronoun_stands_for_its_antecedent() {
    let a = analyze(
        "March\n\nThe Federation of Dock Workers, which said on Sunday that 9,000 people had marched, called the police count an insult.\n\nThe finding supports the account of a crane operator at the port, who told the Courier that the brakes had failed.",
        Some("The Daily Lamp"),
    );
    let marched = with_content(&a, "9,000 people had marched");
    assert_eq!(source(&a, marched), "The Federation of Dock Workers");
    assert_eq!(cue_source(&a, marched), "which");
    let brakes = with_content(&a, "the brakes had failed");
    assert_eq!(source(&a, brakes), "a crane operator at the port");
    assert_eq!(cue_source(&a, brakes), "who");
}

#[test]
fn figures_reported_by_a_verb() {
    let a = analyze(
        "March in Tessel\n\nPolice put the crowd at about 12,000. The organisers estimated the crowd at more than 40,000.\n\nOn Tuesday the ministry raised its count to 310 suspected cases. The Velm Water Board, which last week put the damage at no more than 2 million marks, revised its estimate on Monday to about 5 million marks.\n\nHe dismissed the figure of 9,000 given by Bravos as a fantasy.",
        Some("The Daily Lamp"),
    );
    let police = with_content(&a, "put the crowd at about 12,000");
    assert_eq!(source(&a, police), "Police");
    let organisers = with_content(&a, "estimated the crowd at more than 40,000");
    assert_eq!(source(&a, organisers), "The organisers");
    let count = with_content(&a, "raised its count to 310 suspected cases");
    assert_eq!(source(&a, count), "the ministry");
    let put = with_content(&a, "put the damage at no more than 2 million marks");
    assert_eq!(source(&a, put), "The Velm Water Board");
    assert_eq!(cue_source(&a, put), "which");
    let revised = with_content(
        &a,
        "revised its estimate on Monday to about 5 million marks",
    );
    assert_eq!(source(&a, revised), "The Velm Water Board");
    let given = a
        .attributions
        .iter()
        .find(|t| t.cue.span.text(a.text()) == "given")
        .expect("a claim for the given figure");
    assert_eq!(content(&a, given), "the figure of 9,000");
    assert_eq!(source(&a, given), "Bravos");
    // A policy is no report: "cut rates to 2 percent" makes no claim.
    let b = analyze("Rates\n\nThe bank cut rates to 2 percent on Monday.", None);
    assert!(b.attributions.is_empty(), "{:?}", b.attributions);
}

#[test]
fn a_capital_as_a_source_is_its_government() {
    let a = analyze(
        "Envoy recalled\n\nBRAVOS — Officials in Bravos were angry on Monday. Bravos recalled its ambassador on Tuesday, saying the talks had failed.",
        Some("The Daily Lamp"),
    );
    let att = with_content(&a, "the talks had failed");
    let src = att.source.as_ref().expect("a source");
    assert_eq!(src.span.text(a.text()), "Bravos");
    assert_eq!(src.kind, SourceKind::GovernmentAgency);
}

#[test]
fn outlets_by_name_medium_description_and_short_form() {
    let a = analyze(
        "Leak\n\nThe Velm Examiner reported on Monday that the dam leaked. An engineer told Radio Tessel that the gates had failed. It was first published by the independent news site Corvane. A worker told the Examiner that nobody had been warned.",
        Some("The Daily Lamp"),
    );
    let outlet = |name: &str| {
        a.entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name:?}: {:#?}", a.entities))
            .kind
    };
    assert_eq!(
        outlet("The Velm Examiner"),
        hearsay_core::EntityKind::NewsOutlet
    );
    assert_eq!(outlet("Radio Tessel"), hearsay_core::EntityKind::NewsOutlet);
    assert_eq!(outlet("Corvane"), hearsay_core::EntityKind::NewsOutlet);
    let gates = with_content(&a, "the gates had failed");
    assert_eq!(via(gates), ["Radio Tessel"]);
    let warned = with_content(&a, "nobody had been warned");
    assert_eq!(via(warned), ["the Examiner"]);
    let examiner = a
        .entities
        .iter()
        .find(|e| e.name == "The Velm Examiner")
        .unwrap();
    let written = warned.via.iter().find(|l| !l.span.is_empty()).unwrap();
    assert_eq!(written.entity.as_deref(), Some(examiner.id.as_str()));
}

#[test]
fn a_subject_with_a_parenthetical_after_its_content() {
    let a = analyze(
        "Bridge\n\nThe bridge will stay closed for at least a month while divers inspect its piers, the ministry's chief engineer, Lena Vossberg, told reporters on Monday.",
        Some("The Daily Lamp"),
    );
    let att = with_content(&a, "The bridge will stay closed");
    assert_eq!(
        source(&a, att),
        "the ministry's chief engineer, Lena Vossberg"
    );
}

#[test]
fn a_figure_inside_a_reported_clause_belongs_to_its_reporter() {
    let a = analyze(
        "March\n\nPolice put the crowd at about 12,000, a police spokeswoman said on Sunday.\n\nThe minister said the figure of 9,000 given by Bravos was a fantasy.",
        Some("The Daily Lamp"),
    );
    let crowd: Vec<&Attribution> = a
        .attributions
        .iter()
        .filter(|t| content(&a, t).contains("put the crowd at about 12,000"))
        .collect();
    assert_eq!(crowd.len(), 1, "one claim of the figure");
    assert_eq!(source(&a, crowd[0]), "a police spokeswoman");
    // A figure the reporter says someone gave is not relayed by the speaker around it.
    let given = a
        .attributions
        .iter()
        .find(|t| t.cue.span.text(a.text()) == "given")
        .expect("a claim for the given figure");
    assert_eq!(source(&a, given), "Bravos");
    assert!(via(given).is_empty(), "{:?}", via(given));
}

#[test]
fn a_name_qualifying_anonymous_sources_is_part_of_the_source() {
    let a = analyze(
        "Recruits trained in the north\n\nSoon after that, videos of the recruits at training grounds near Tarsk began to appear on the Internet, and \"Harbor\" sources said that they are being trained in such towns as Velm, Orsk and Tarsk.",
        None,
    );
    let said = with_content(&a, "being trained");
    assert_eq!(source(&a, said), "\"Harbor\" sources");
    assert_eq!(
        said.source.as_ref().map(|s| s.kind),
        Some(SourceKind::AnonymousGroup)
    );
    assert!(
        !content(&a, said).contains("Harbor"),
        "{}",
        content(&a, said)
    );
}

#[test]
fn a_reporting_participle_after_a_comma_speaks_for_the_main_clause() {
    let a = analyze(
        "Minister defends contract\n\nThe transport minister, Edda Hollen, was similarly defensive when asked about a builder who said he was never paid after he finished a depot for the railway, saying, \"Maybe he did not finish the work, and I was not satisfied with it.\"\n\nHollen told the council that she believes the ministry must keep tighter control of its budgets, saying that \"costs still rise too fast\" in every department.",
        None,
    );
    let saying = |phrase: &str| {
        a.attributions
            .iter()
            .find(|t| t.cue.span.text(a.text()) == "saying" && content(&a, t).contains(phrase))
            .unwrap_or_else(|| panic!("no \"saying\" claim holds {phrase:?}"))
    };
    assert_eq!(
        source(&a, saying("Maybe he did not finish")),
        "The transport minister, Edda Hollen"
    );
    assert_eq!(source(&a, saying("costs still rise")), "Hollen");
}

#[test]
fn the_reporter_of_the_byline_is_no_source() {
    let a = analyze(
        "Bridge to stay closed\n\nBy Ann Lee\n\nBRAVOS, June 4 (Coast Wire) — The bridge over the Velm will stay closed for a month, the city engineer said on Tuesday.\n\nShe said the repairs would cost about 2 million crowns.",
        None,
    );
    assert_eq!(a.byline.map(|b| b.text(a.text())), Some("By Ann Lee"));
    // The byline's name ends at its line, before the dateline's place.
    let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Ann Lee"), "{names:?}");
    assert!(names.iter().all(|n| !n.contains('\n')), "{names:?}");
    let she = with_content(&a, "repairs would cost");
    let src = she.source.as_ref().expect("a source");
    assert_eq!(src.span.text(a.text()), "She");
    assert_eq!(src.entity, None, "the reporter is no antecedent");
}
