//! Speed of the mention stage, one thread, on PolNeAR dev (or another CoNLL-U
//! file with its text directory). Prints words/s (`\w+` runs) of the mention
//! stage (thread CPU time, best of several passes) on three inputs — the silver layers of the CoNLL-U file (tokens, POS
//! and NER, as a full language core would give), the layers of the language
//! stages that load today (timed too), and its own word split — and what it
//! adds to the per-document time.
//!
//! ```text
//! cargo run --release -p hearsay-mentions --example bench_mentions [-- CONLLU [TEXT_DIR [PASSES]]]
//! ```

use hearsay_core::{Analysis, Document, Stage};
use hearsay_mentions::MentionStage;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Words as the scorer counts them: runs of `\w` characters.
fn count_words(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in text.chars() {
        let w = c.is_alphanumeric() || c == '_';
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n
}

/// CPU time of this thread (`CLOCK_THREAD_CPUTIME_ID`), else wall time: other
/// work on a shared machine then does not count against the stage.
struct Clock {
    wall: Instant,
    cpu: Option<Duration>,
}

fn thread_cpu() -> Option<Duration> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec and the clock id is a constant.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
}

impl Clock {
    fn start() -> Clock {
        Clock {
            cpu: thread_cpu(),
            wall: Instant::now(),
        }
    }

    fn elapsed(&self) -> Duration {
        match (self.cpu, thread_cpu()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => self.wall.elapsed(),
        }
    }
}

/// The best (least) time of `passes` runs of `stage` over copies of every input.
fn best_of(passes: usize, inputs: &[Analysis], stage: &dyn Stage) -> Duration {
    (0..passes)
        .map(|_| {
            let mut copies = inputs.to_vec();
            let clock = Clock::start();
            for a in &mut copies {
                stage.annotate(a);
            }
            let t = clock.elapsed();
            std::hint::black_box(&copies);
            t
        })
        .min()
        .unwrap_or_default()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let shared = std::env::var_os("HEARSAY_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    let conllu = args
        .first()
        .map(PathBuf::from)
        .unwrap_or_else(|| shared.join("corpus/polnear/dev/corenlp.conllu.gz"));
    let text_dir = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| conllu.parent().unwrap_or(&conllu).join("text"));
    let passes: usize = args.get(2).map_or(Ok(5), |p| p.parse())?;

    let docs = hearsay_nlp::conllu::read_path(&conllu)?;
    let mut silver = Vec::new();
    let mut bare = Vec::new();
    for d in &docs {
        let id = d.id.as_deref().unwrap_or_default();
        let path = text_dir.join(format!("{id}.txt"));
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let layers = d.to_layers(&text)?;
        let mut a = Analysis::empty(Document::new(text), "bench");
        bare.push(a.clone());
        a.tokens = layers.tokens;
        a.sentences = layers.sentences;
        a.ner = layers.ner;
        silver.push(a);
    }
    let words: usize = bare.iter().map(|a| count_words(a.text())).sum();
    let mentions = MentionStage::new()?;
    let wps = |d: Duration| words as f64 / d.as_secs_f64();
    println!(
        "{} documents, {words} words, best of {passes} passes, one thread",
        bare.len()
    );
    let on_silver = best_of(passes, &silver, &mentions);
    println!(
        "mention stage on silver tokens, POS and NER: {:>9.0} words/s — adds {:.1}% to a language core at 100,000 words/s",
        wps(on_silver),
        100.0 * 100_000.0 / wps(on_silver)
    );
    let on_bare = best_of(passes, &bare, &mentions);
    println!(
        "mention stage on its own word split:         {:>9.0} words/s",
        wps(on_bare)
    );
    match hearsay_nlp::stages() {
        Ok(language) => {
            let names: Vec<&str> = language.iter().map(|s| s.name()).collect();
            let mut lang = Duration::MAX;
            let mut prepared = Vec::new();
            for _ in 0..passes {
                prepared = bare.clone();
                let clock = Clock::start();
                for a in &mut prepared {
                    for s in &language {
                        s.annotate(a);
                    }
                }
                lang = lang.min(clock.elapsed());
            }
            let ment = best_of(passes, &prepared, &mentions);
            println!(
                "language stages today ({}): {:.0} words/s; mention stage on their layers: {:.0} words/s, adding {:.1}%",
                names.join(" + "),
                wps(lang),
                wps(ment),
                100.0 * ment.as_secs_f64() / lang.as_secs_f64()
            );
        }
        Err(e) => println!("language stages did not load ({e}): not timed"),
    }
    Ok(())
}
