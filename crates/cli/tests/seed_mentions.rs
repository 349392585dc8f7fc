//! `hearsay analyze --format json` of the seed article against
//! `../shared/corpus/seed/expected.json`: every entity (type and listed mentions),
//! quantity (value, unit), date (interval), hedge (with its scope) and flag
//! (exactly one `name_variant` flag for "Yang" → Benjamin Young).
//!
//! Spans are matched as `expected.json` says: by containment, case-insensitively
//! (a leading "the" aside). Ignored (listed by name) when the shared corpus is absent.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn norm(s: &str) -> String {
    let s = s.to_lowercase().replace(['ʼ', '’'], "'");
    s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
}

/// The text of a JSON span: its `text`, or the code points `start..end` of the document.
fn span_text(span: &Value, doc: &[char]) -> String {
    if let Some(t) = span["text"].as_str() {
        return t.to_string();
    }
    let (s, e) = (span["start"].as_u64(), span["end"].as_u64());
    match (s, e) {
        (Some(s), Some(e)) if s <= e && (e as usize) <= doc.len() => {
            doc[s as usize..e as usize].iter().collect()
        }
        _ => String::new(),
    }
}

/// The code-point bounds of a JSON span (0..0 when absent).
fn bounds(span: &Value) -> (usize, usize) {
    let at = |k: &str| span[k].as_u64().unwrap_or(0) as usize;
    (at("start"), at("end"))
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v[key].as_array().map_or(&[], Vec::as_slice)
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn seed_analysis_contains_every_expected_mention() {
    let dir = Path::new(env!("HEARSAY_SHARED_DIR")).join("corpus/seed");
    let seed = dir.join("dprk-troops-treaty.txt");
    let expected = std::fs::read_to_string(dir.join("expected.json")).expect("expected.json");
    let out = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args(["analyze", "--format", "json"])
        .arg(&seed)
        .output()
        .expect("the hearsay binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "hearsay analyze failed: {stderr}");
    let got: Value = serde_json::from_slice(&out.stdout).expect("analyze prints one JSON document");
    let exp: Value = serde_json::from_str(&expected).expect("expected.json parses");
    let text: Vec<char> = got["text"]
        .as_str()
        .expect("the analysis carries its text")
        .chars()
        .collect();
    let full: String = text.iter().collect();
    let mut problems = Vec::new();

    for e in list(&exp, "entities") {
        let canonical = e["canonical"].as_str().unwrap_or_default();
        let Some(ent) = list(&got, "entities")
            .iter()
            .find(|x| norm(x["name"].as_str().unwrap_or_default()) == norm(canonical))
        else {
            problems.push(format!("entity {canonical}: missing"));
            continue;
        };
        if ent["type"].as_str() != e["type"].as_str() {
            problems.push(format!("entity {canonical}: type {}", ent["type"]));
        }
        let mentions: Vec<String> = list(ent, "mentions")
            .iter()
            .map(|m| norm(&span_text(m, &text)))
            .collect();
        for m in list(e, "mentions_include") {
            let m = norm(m.as_str().unwrap_or_default());
            if !mentions.iter().any(|x| x.contains(&m)) {
                problems.push(format!(
                    "entity {canonical}: no mention {m:?} in {mentions:?}"
                ));
            }
        }
    }

    for q in list(&exp, "quantities") {
        let qt = norm(q["text"].as_str().unwrap_or_default());
        let Some(x) = list(&got, "quantities")
            .iter()
            .find(|x| norm(&span_text(x, &text)).contains(&qt))
        else {
            problems.push(format!("quantity {qt:?}: missing"));
            continue;
        };
        if q["value"].is_number() && x["value"].as_f64() != q["value"].as_f64() {
            problems.push(format!("quantity {qt:?}: value {}", x["value"]));
        }
        if q["value_min"].is_number() && x["min"].as_f64() != q["value_min"].as_f64() {
            problems.push(format!("quantity {qt:?}: min {}", x["min"]));
        }
        if x["unit"].as_str().map(str::to_lowercase).as_deref() != q["unit"].as_str() {
            problems.push(format!("quantity {qt:?}: unit {}", x["unit"]));
        }
        if q["vague"].as_bool() == Some(true) && x["approximate"].as_bool() != Some(true) {
            problems.push(format!("quantity {qt:?}: not approximate"));
        }
    }

    for d in list(&exp, "dates") {
        let dt = d["text"].as_str().unwrap_or_default();
        let Some(x) = list(&got, "times")
            .iter()
            .find(|x| span_text(x, &text).contains(dt))
        else {
            problems.push(format!("date {dt:?}: missing"));
            continue;
        };
        let (start, end) = match d["value"].as_str() {
            Some(month) => (format!("{month}-01"), None),
            None => (
                d["start"].as_str().unwrap_or_default().to_string(),
                d["end"].as_str().map(str::to_string),
            ),
        };
        if x["start_date"].as_str() != Some(start.as_str())
            || end.is_some_and(|e| x["end_date"].as_str() != Some(e.as_str()))
        {
            problems.push(format!(
                "date {dt:?}: {}..{}",
                x["start_date"], x["end_date"]
            ));
        }
    }

    for h in list(&exp, "hedges") {
        let cue = h["cue"].as_str().unwrap_or_default();
        let content = h["content_contains"].as_str().unwrap_or_default();
        let Some(at) = full.find(content) else {
            problems.push(format!(
                "hedge {cue:?}: content {content:?} not in the text"
            ));
            continue;
        };
        let (c0, c1) = (
            full[..at].chars().count(),
            full[..at + content.len()].chars().count(),
        );
        let found = list(&got, "hedges").iter().find(|x| {
            let (s, e) = bounds(x);
            c0 <= s && e <= c1 && span_text(x, &text).eq_ignore_ascii_case(cue)
        });
        let Some(x) = found else {
            problems.push(format!("hedge {cue:?} in {content:?}: missing"));
            continue;
        };
        // The scope: a span of the text around the marker that overlaps the content.
        let ((s, e), scope) = (bounds(x), &x["scope"]);
        let (ss, se) = bounds(scope);
        let scope_text: String = text
            .get(ss..se)
            .map(|t| t.iter().collect())
            .unwrap_or_default();
        if !(ss <= s && e <= se && ss < c1 && c0 < se)
            || scope["text"].as_str() != Some(scope_text.as_str())
        {
            problems.push(format!("hedge {cue:?}: scope {scope}"));
        }
    }

    for f in list(&exp, "flags") {
        let kind = f["kind"].as_str().unwrap_or_default();
        let flags: Vec<&Value> = list(&got, "flags")
            .iter()
            .filter(|x| x["kind"].as_str() == Some(kind))
            .collect();
        let flag_texts = |x: &Value| -> Vec<String> {
            list(x, "mentions")
                .iter()
                .map(|m| span_text(m, &text))
                .collect()
        };
        let ok = match kind {
            "name_variant" => {
                let want: Vec<&str> = list(f, "mentions")
                    .iter()
                    .filter_map(Value::as_str)
                    .collect();
                let resolved = f["resolved_to"].as_str().unwrap_or_default();
                let id = list(&got, "entities")
                    .iter()
                    .find(|e| e["name"].as_str() == Some(resolved))
                    .and_then(|e| e["id"].as_str());
                let matching = flags
                    .iter()
                    .filter(|x| {
                        let t = flag_texts(x);
                        want.iter().all(|m| t.iter().any(|s| s == m))
                    })
                    .count();
                // Exactly one such flag (the mention and the attribution stages both
                // resolve the variant), naming the entity it resolved to.
                flags.len() == 1
                    && matching == 1
                    && id.is_some()
                    && list(flags[0], "entities").iter().any(|e| e.as_str() == id)
            }
            "same_quantity_differs" => {
                let values: Vec<f64> = list(f, "values").iter().filter_map(Value::as_f64).collect();
                flags.iter().any(|x| {
                    let t = flag_texts(x);
                    values.iter().all(|v| {
                        list(&got, "quantities").iter().any(|q| {
                            q["value"].as_f64() == Some(*v) && t.contains(&span_text(q, &text))
                        })
                    })
                })
            }
            _ => false,
        };
        if !ok {
            problems.push(format!("flag {kind}: missing"));
        }
    }

    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
