//! The seed article through whatever language stages exist, then the mention
//! stage: every entity, quantity, date, hedge and flag of `expected.json`.
//! Ignored (listed by name) when the shared corpus is absent.

use hearsay_core::{Analysis, Document};
use serde_json::Value;
use std::path::Path;

fn norm(s: &str) -> String {
    let s = s.to_lowercase().replace(['ʼ', '’'], "'");
    s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
}

fn analyze(text: &str) -> Analysis {
    let mut stages = hearsay_nlp::stages().unwrap_or_else(|e| {
        eprintln!("language stages unavailable ({e}); running the mention stage alone");
        Vec::new()
    });
    stages.extend(hearsay_mentions::stages());
    let mut a = Analysis::empty(Document::new(text), "test");
    for s in &stages {
        s.annotate(&mut a);
    }
    a
}

fn dump(a: &Analysis) -> String {
    let t = a.text();
    let mut out = String::new();
    for e in &a.entities {
        let ms: Vec<&str> = e.mentions.iter().map(|m| m.span.text(t)).collect();
        out += &format!("  {} [{:?}/{:?}] {:?}\n", e.name, e.etype, e.kind, ms);
    }
    for q in &a.quantities {
        out += &format!(
            "  Q {:?} {:?} {:?}-{:?} {:?}\n",
            q.span.text(t),
            q.value,
            q.min,
            q.max,
            q.unit
        );
    }
    for x in &a.times {
        out += &format!(
            "  T {:?} {:?}..{:?} {:?}\n",
            x.span.text(t),
            x.start_date,
            x.end_date,
            x.anchor
        );
    }
    for h in &a.hedges {
        out += &format!("  H {:?} {:?} {:?}\n", h.span.text(t), h.kind, h.certainty);
    }
    for f in &a.flags {
        out += &format!("  F {:?} {}\n", f.kind, f.note);
    }
    out
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn seed_article_yields_what_expected_json_lists() {
    let dir = Path::new(env!("HEARSAY_SHARED_DIR")).join("corpus/seed");
    let text = std::fs::read_to_string(dir.join("dprk-troops-treaty.txt")).expect("the seed text");
    let expected = std::fs::read_to_string(dir.join("expected.json")).expect("expected.json");
    let exp: Value = serde_json::from_str(&expected).unwrap();
    let a = analyze(&text);
    let t = a.text();
    let mut problems = Vec::new();

    for e in exp["entities"].as_array().unwrap() {
        let canonical = e["canonical"].as_str().unwrap();
        let Some(ent) = a.entities.iter().find(|x| norm(&x.name) == norm(canonical)) else {
            problems.push(format!("entity {canonical}: missing"));
            continue;
        };
        let ty = format!("{:?}", ent.etype).to_uppercase();
        if ty != e["type"].as_str().unwrap() {
            problems.push(format!("entity {canonical}: type {ty}"));
        }
        for m in e["mentions_include"].as_array().into_iter().flatten() {
            let m = norm(m.as_str().unwrap());
            if !ent
                .mentions
                .iter()
                .any(|x| norm(x.span.text(t)).contains(&m))
            {
                problems.push(format!("entity {canonical}: no mention {m:?}"));
            }
        }
    }
    for q in exp["quantities"].as_array().unwrap() {
        let qt = q["text"].as_str().unwrap();
        let found = a
            .quantities
            .iter()
            .find(|x| norm(x.span.text(t)).contains(&norm(qt)));
        let Some(x) = found else {
            problems.push(format!("quantity {qt:?}: missing"));
            continue;
        };
        if let Some(v) = q["value"].as_f64()
            && x.value != Some(v)
        {
            problems.push(format!("quantity {qt:?}: value {:?}", x.value));
        }
        if let Some(v) = q["value_min"].as_f64()
            && x.min != Some(v)
        {
            problems.push(format!("quantity {qt:?}: min {:?}", x.min));
        }
        if x.unit.as_deref().map(str::to_lowercase).as_deref() != q["unit"].as_str() {
            problems.push(format!("quantity {qt:?}: unit {:?}", x.unit));
        }
        if q["vague"].as_bool() == Some(true) && !x.approximate {
            problems.push(format!("quantity {qt:?}: not marked approximate"));
        }
    }
    for d in exp["dates"].as_array().unwrap() {
        let dt = d["text"].as_str().unwrap();
        let Some(x) = a.times.iter().find(|x| x.span.text(t).contains(dt)) else {
            problems.push(format!("date {dt:?}: missing"));
            continue;
        };
        let (start, end) = match d["value"].as_str() {
            Some(month) => (format!("{month}-01"), None),
            None => (
                d["start"].as_str().unwrap().to_string(),
                d["end"].as_str().map(str::to_string),
            ),
        };
        if x.start_date.as_deref() != Some(start.as_str())
            || end.is_some_and(|e| x.end_date.as_deref() != Some(e.as_str()))
        {
            problems.push(format!("date {dt:?}: {:?}..{:?}", x.start_date, x.end_date));
        }
    }
    for h in exp["hedges"].as_array().unwrap() {
        let cue = h["cue"].as_str().unwrap();
        let content = h["content_contains"].as_str().unwrap();
        let at = t.find(content).unwrap();
        let region = hearsay_core::Span::new(at, at + content.len());
        let ok = a.hedges.iter().any(|x| {
            region.contains(&x.span)
                && x.span.text(t).eq_ignore_ascii_case(cue)
                && x.scope.contains(&x.span)
        });
        if !ok {
            problems.push(format!("hedge {cue:?} in {content:?}: missing"));
        }
    }
    for f in exp["flags"].as_array().unwrap() {
        match f["kind"].as_str().unwrap() {
            "name_variant" => {
                let texts: Vec<&str> = f["mentions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| m.as_str().unwrap())
                    .collect();
                let ok = a.flags.iter().any(|x| {
                    x.kind == hearsay_core::FlagKind::NameVariant
                        && texts
                            .iter()
                            .all(|m| x.mentions.iter().any(|s| s.text(t) == *m))
                });
                if !ok {
                    problems.push(format!("flag name_variant {texts:?}: missing"));
                }
            }
            "same_quantity_differs" => {
                let values: Vec<f64> = f["values"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_f64().unwrap())
                    .collect();
                let ok = a.flags.iter().any(|x| {
                    x.kind == hearsay_core::FlagKind::SameQuantityDiffers
                        && values.iter().all(|v| {
                            a.quantities
                                .iter()
                                .any(|q| q.value == Some(*v) && x.mentions.contains(&q.span))
                        })
                });
                if !ok {
                    problems.push(format!("flag same_quantity_differs {values:?}: missing"));
                }
            }
            k => problems.push(format!("unknown flag kind {k}")),
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}\nanalysis:\n{}",
        problems.len(),
        problems.join("\n"),
        dump(&a)
    );
}
