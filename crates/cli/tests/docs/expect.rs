//! Does a command's output agree with the output the documentation shows?
//!
//! Documented output may be abridged: `…` stands for any text (a whole string
//! value `"…"` for any value, `"79440ff9…"` for any string that starts so),
//! JSON objects may leave keys out and arrays elements (those shown must come
//! in order), and text blocks show a subset of the lines, in order.

use serde_json::Value;

/// Does `text` match `pattern`, where `…` stands for any text?
pub fn glob(pattern: &str, text: &str) -> bool {
    let pieces: Vec<&str> = pattern.split('…').collect();
    if pieces.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (pieces[0], pieces[pieces.len() - 1]);
    if !text.starts_with(first) || text.len() < first.len() + last.len() || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for piece in &pieces[1..pieces.len() - 1] {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    true
}

/// Where `actual` differs from the documented JSON `expected`, or `Ok`.
pub fn json(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::String(e), _) if e == "…" => Ok(()),
        (Value::String(e), Value::String(a)) if glob(e, a) => Ok(()),
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let Some(av) = a.get(k) else {
                    return Err(format!("{path}.{k}: documented, but not in the output"));
                };
                json(ev, av, &format!("{path}.{k}"))?;
            }
            Ok(())
        }
        (Value::Array(e), Value::Array(a)) => {
            let mut from = 0;
            for (i, ev) in e.iter().enumerate() {
                let p = format!("{path}[{i}]");
                let found = (from..a.len()).find(|&j| json(ev, &a[j], &p).is_ok());
                match found {
                    Some(j) => from = j + 1,
                    None => {
                        // Say why the element that should have matched does not.
                        let why = a.get(from).map_or_else(
                            || "no element left".to_string(),
                            |x| json(ev, x, &p).unwrap_err(),
                        );
                        return Err(format!(
                            "{p}: no element of the output matches in order ({why})"
                        ));
                    }
                }
            }
            Ok(())
        }
        (e, a) if e == a => Ok(()),
        (e, a) => Err(format!("{path}: documented {e}, output {a}")),
    }
}

/// The documented lines of `expected` missing from `actual` (in order), or `Ok`.
pub fn lines(expected: &[String], actual: &str) -> Result<(), String> {
    let actual: Vec<&str> = actual.lines().map(str::trim_end).collect();
    let mut from = 0;
    for e in expected.iter().map(|l| l.trim_end()) {
        if e.is_empty() || e == "…" {
            continue;
        }
        match (from..actual.len()).find(|&j| glob(e, actual[j])) {
            Some(j) => from = j + 1,
            None => {
                return Err(format!(
                    "documented line not in the output (in order): {e:?}\noutput:\n{}",
                    actual.join("\n")
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ellipses_stand_for_any_text() {
        assert!(glob("79440ff9…", "79440ff9cbd1"));
        assert!(glob("(…s)", "(0.7s)"));
        assert!(glob("a…b…c", "a-b-c"));
        assert!(!glob("a…b…c", "a-c"));
        assert!(!glob("ab…ba", "aba"));
        assert!(glob("exact", "exact") && !glob("exact", "exactly"));
    }

    #[test]
    fn documented_json_is_a_part_of_the_output() {
        let out =
            json!({"a": 1, "b": [{"x": 1}, {"x": 2}, {"x": 3}], "id": "79440ff9cbd1", "t": null});
        assert!(
            json(
                &json!({"b": [{"x": 1}, {"x": 3}], "id": "79440ff9…", "t": "…"}),
                &out,
                ""
            )
            .is_ok()
        );
        assert!(
            json(&json!({"b": [{"x": 3}, {"x": 1}]}), &out, "").is_err(),
            "order"
        );
        assert!(json(&json!({"c": 1}), &out, "").unwrap_err().contains(".c"));
        assert!(json(&json!({"a": 2}), &out, "").is_err());
    }

    #[test]
    fn documented_lines_appear_in_order() {
        let out = "one\ntwo 0.7s\nthree\n";
        let doc = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(lines(&doc(&["one", "…", "three"]), out).is_ok());
        assert!(lines(&doc(&["two …s"]), out).is_ok());
        assert!(lines(&doc(&["three", "one"]), out).is_err());
        assert!(lines(&doc(&["four"]), out).is_err());
    }
}
