//! Table-driven cases for the mention stage: entity typing and aliases,
//! quantities, dates and hedges, each run through the language stages that
//! exist (tokenizer, tagger, …) and then the mention stage.

mod entities;
mod hedges;
mod quantities;
mod times;

use hearsay_core::{Analysis, Document, Stage};
use std::sync::OnceLock;

fn pipeline() -> &'static [Box<dyn Stage>] {
    static STAGES: OnceLock<Vec<Box<dyn Stage>>> = OnceLock::new();
    STAGES.get_or_init(|| {
        let mut stages = hearsay_nlp::stages().unwrap_or_else(|e| {
            eprintln!("language stages unavailable ({e}); running the mention stage alone");
            Vec::new()
        });
        stages.extend(hearsay_mentions::stages());
        stages
    })
}

/// Analyze `text` (published on `published`, `YYYY-MM-DD`, when given).
pub fn analyze(text: &str, published: Option<&str>) -> Analysis {
    let mut doc = Document::new(text);
    doc.published = published.map(str::to_string);
    let mut a = Analysis::empty(doc, "table");
    for s in pipeline() {
        s.annotate(&mut a);
    }
    a
}

/// Collects failures so one run reports every failing row of a table.
#[derive(Default)]
pub struct Report {
    failures: Vec<String>,
    rows: usize,
}

impl Report {
    /// Record one row's outcome.
    pub fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        self.rows += 1;
        if !ok {
            self.failures.push(what());
        }
    }

    /// Fail with every failing row, or pass.
    pub fn finish(self, table: &str, min_rows: usize) {
        assert!(self.rows >= min_rows, "{table}: only {} rows", self.rows);
        assert!(
            self.failures.is_empty(),
            "{table}: {} of {} rows fail:\n{}",
            self.failures.len(),
            self.rows,
            self.failures.join("\n")
        );
    }
}
