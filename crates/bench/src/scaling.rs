//! How the cost of analyzing one document grows with its size: documents of
//! 1, 2, 4, … MB built from a corpus, as news paragraphs and as one unbroken
//! line, each analyzed once on the calling thread, with the thread's CPU time
//! per stage (other programs on a shared machine disturb it far less than wall
//! time) and the peak memory of the run.
//!
//! ```
//! use hearsay_bench::{Corpus, Shape, measure_size, sized_document};
//! use hearsay_core::Document;
//! let corpus = Corpus::from_documents("mem", vec![Document::new("Officials said\nit rained.")]);
//! let doc = sized_document(&corpus, Shape::Line, 100);
//! assert!(doc.text.len() >= 100 && !doc.text.contains('\n'));
//! let run = measure_size(&hearsay_analyze::Analyzer::from_stages(Vec::new()), Shape::Line, doc);
//! assert_eq!((run.bytes, run.words), (103, 16));
//! ```

use crate::cpu::thread_cpu_time;
use crate::memory::{current_rss_bytes, peak_rss_bytes, reset_peak_rss};
use crate::{Corpus, count_words};
use hearsay_analyze::Analyzer;
use hearsay_core::{Analysis, Document};
use serde::Serialize;
use std::fmt::Write as _;

/// Version tag of the JSON that `hearsay bench --sizes … --json` prints.
pub const SCALING_SCHEMA: &str = "hearsay.bench-sizes/1";

/// How the corpus texts are laid out in a sized document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    /// The articles one after another, separated by blank lines.
    Paragraphs,
    /// The same text with every run of whitespace made one space: one line.
    Line,
}

impl Shape {
    /// Its name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Shape::Paragraphs => "paragraphs",
            Shape::Line => "line",
        }
    }
}

/// A document of at least `bytes` bytes: the corpus texts in order, repeated
/// as often as needed, laid out as `shape` says.
pub fn sized_document(corpus: &Corpus, shape: Shape, bytes: usize) -> Document {
    let mut text = String::with_capacity(bytes + 64 * 1024);
    if corpus.documents.is_empty() {
        return Document::new(text);
    }
    for t in corpus.documents.iter().map(|d| d.text.trim()).cycle() {
        if text.len() >= bytes {
            break;
        }
        match shape {
            Shape::Paragraphs => {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                text.push_str(t);
            }
            Shape::Line => {
                for word in t.split_whitespace() {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(word);
                }
            }
        }
    }
    Document::new(text)
}

/// One document analyzed once.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SizeRun {
    /// How the document was laid out.
    pub shape: Shape,
    /// Its size in bytes of UTF-8.
    pub bytes: u64,
    /// Its `\w+` words.
    pub words: usize,
    /// Thread CPU seconds of the whole analysis; `None` without a thread CPU clock.
    pub cpu_seconds: Option<f64>,
    /// Thread CPU seconds per stage, in pipeline order.
    pub stage_cpu_seconds: Option<Vec<f64>>,
    /// Peak resident memory of the process while the document was analyzed
    /// (the peak is reset before); `None` where it cannot be read or reset.
    pub peak_rss_bytes: Option<u64>,
}

impl SizeRun {
    /// CPU seconds per MB (10^6 bytes).
    pub fn cpu_seconds_per_mb(&self) -> Option<f64> {
        self.cpu_seconds.map(|c| c / (self.bytes as f64 / 1e6))
    }
}

/// Analyze `document` on the calling thread, timing every stage by the thread's CPU clock.
pub fn measure_size(analyzer: &Analyzer, shape: Shape, document: Document) -> SizeRun {
    let bytes = document.text.len() as u64;
    let words = count_words(&document.text);
    let peak_ok = reset_peak_rss();
    let mut analysis = Analysis::empty(document, analyzer.version());
    let start = thread_cpu_time();
    let mut before = start;
    let mut stages = Some(Vec::with_capacity(analyzer.stages().len()));
    for stage in analyzer.stages() {
        stage.annotate(&mut analysis);
        let after = thread_cpu_time();
        match (before.zip(after), stages.as_mut()) {
            (Some((b, a)), Some(s)) => s.push(a.saturating_sub(b).as_secs_f64()),
            _ => stages = None,
        }
        before = after;
    }
    let cpu = start
        .zip(thread_cpu_time())
        .map(|(s, e)| e.saturating_sub(s).as_secs_f64());
    let peak = peak_rss_bytes().filter(|_| peak_ok);
    drop(std::hint::black_box(analysis));
    SizeRun {
        shape,
        bytes,
        words,
        cpu_seconds: cpu,
        stage_cpu_seconds: stages,
        peak_rss_bytes: peak,
    }
}

/// The size benchmark: every shape at every size.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScalingReport {
    /// [`SCALING_SCHEMA`].
    pub schema: &'static str,
    /// The analyzer version.
    pub analyzer: String,
    /// Stage names, in pipeline order.
    pub stages: Vec<String>,
    /// Where the texts came from.
    pub corpus: String,
    /// Resident memory after the models were loaded, before any document was built.
    pub rss_after_load_bytes: Option<u64>,
    /// The runs, smallest document first within each shape.
    pub runs: Vec<SizeRun>,
}

/// Build and analyze a document of each size (in MB of 10^6 bytes) for each shape, in order.
pub fn scaling(
    analyzer: &Analyzer,
    corpus: &Corpus,
    shapes: &[Shape],
    sizes_mb: &[u32],
) -> ScalingReport {
    let rss_after_load_bytes = current_rss_bytes();
    let mut runs = Vec::new();
    for &shape in shapes {
        for &mb in sizes_mb {
            let document = sized_document(corpus, shape, mb as usize * 1_000_000);
            runs.push(measure_size(analyzer, shape, document));
        }
    }
    ScalingReport {
        schema: SCALING_SCHEMA,
        analyzer: analyzer.version().to_string(),
        stages: analyzer
            .stages()
            .iter()
            .map(|s| s.name().to_string())
            .collect(),
        corpus: corpus.path.display().to_string(),
        rss_after_load_bytes,
        runs,
    }
}

impl ScalingReport {
    /// Largest over smallest CPU time per MB among the runs of `shape` (1.0 is perfectly linear).
    pub fn spread(&self, shape: Shape) -> Option<f64> {
        let per_mb: Vec<f64> = self
            .runs
            .iter()
            .filter(|r| r.shape == shape)
            .map(SizeRun::cpu_seconds_per_mb)
            .collect::<Option<_>>()?;
        let max = per_mb.iter().copied().fold(f64::NAN, f64::max);
        let min = per_mb.iter().copied().fold(f64::NAN, f64::min);
        (min > 0.0).then(|| max / min)
    }

    /// Peak memory above what the loaded models hold, as a multiple of the document's size.
    pub fn memory_ratio(&self, run: &SizeRun) -> Option<f64> {
        let base = self.rss_after_load_bytes?;
        let peak = run.peak_rss_bytes?;
        Some(peak.saturating_sub(base) as f64 / run.bytes as f64)
    }

    /// The report as a table, one row per document, with each stage's CPU seconds.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "corpus: {}", self.corpus);
        let _ = writeln!(out, "analyzer: {}", self.analyzer);
        let _ = writeln!(
            out,
            "RSS after loading the models: {}",
            self.rss_after_load_bytes.map_or_else(
                || "n/a".to_string(),
                |b| format!("{:.1} MB", b as f64 / 1e6)
            )
        );
        let _ = write!(
            out,
            "\n{:<10} {:>6} {:>10} {:>8} {:>7} {:>9} {:>6}",
            "shape", "MB", "words", "CPU s", "s/MB", "peak MB", "×doc"
        );
        for stage in &self.stages {
            let _ = write!(out, " {:>10}", truncate(stage, 10));
        }
        out.push('\n');
        let na = || "n/a".to_string();
        for run in &self.runs {
            let _ = write!(
                out,
                "{:<10} {:>6.2} {:>10} {:>8} {:>7} {:>9} {:>6}",
                run.shape.name(),
                run.bytes as f64 / 1e6,
                run.words,
                run.cpu_seconds.map_or_else(na, |c| format!("{c:.2}")),
                run.cpu_seconds_per_mb()
                    .map_or_else(na, |c| format!("{c:.2}")),
                run.peak_rss_bytes
                    .map_or_else(na, |b| format!("{:.0}", b as f64 / 1e6)),
                self.memory_ratio(run)
                    .map_or_else(na, |r| format!("{r:.1}")),
            );
            for s in run.stage_cpu_seconds.iter().flatten() {
                let _ = write!(out, " {s:>10.2}");
            }
            out.push('\n');
        }
        for shape in [Shape::Paragraphs, Shape::Line] {
            if let Some(spread) = self.spread(shape) {
                let _ = writeln!(
                    out,
                    "{}: CPU time per MB varies {spread:.2}× from the smallest to the largest document",
                    shape.name()
                );
            }
        }
        out
    }
}

fn truncate(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        Corpus::from_documents(
            "test",
            vec![
                Document::new("First article.\n\nIt has two paragraphs."),
                Document::new("Second  one,\tshort."),
            ],
        )
    }

    #[test]
    fn paragraphs_repeat_the_articles_with_blank_lines() {
        let d = sized_document(&corpus(), Shape::Paragraphs, 60);
        assert_eq!(
            d.text,
            "First article.\n\nIt has two paragraphs.\n\nSecond  one,\tshort.\n\nFirst article.\n\nIt has two paragraphs."
        );
    }

    #[test]
    fn a_line_has_single_spaces_only() {
        let d = sized_document(&corpus(), Shape::Line, 30);
        assert_eq!(d.text, "First article. It has two paragraphs.");
    }

    #[test]
    fn an_empty_corpus_gives_an_empty_document() {
        let empty = Corpus::from_documents("none", Vec::new());
        assert_eq!(sized_document(&empty, Shape::Line, 10).text, "");
    }

    #[test]
    fn every_shape_and_size_is_measured_in_order() {
        let analyzer = Analyzer::from_stages(Vec::new());
        let report = scaling(
            &analyzer,
            &corpus(),
            &[Shape::Paragraphs, Shape::Line],
            &[1, 2],
        );
        let sizes: Vec<(Shape, bool)> = report
            .runs
            .iter()
            .map(|r| (r.shape, r.bytes >= 1_000_000))
            .collect();
        assert_eq!(sizes.len(), 4);
        assert_eq!(sizes[0], (Shape::Paragraphs, true));
        assert_eq!(sizes[3].0, Shape::Line);
        assert!(report.runs[1].bytes >= 2_000_000);
        assert!(report.to_text().contains("paragraphs"));
    }
}
