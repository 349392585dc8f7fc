//! How fast the shipped word vectors load and answer: the first
//! `Vectors::shipped()` (parse of the included file), a parse of the same file
//! read from disk, lookups per word (every word of the vocabulary, and as many
//! misses), and embeddings of six-word contents.
//!
//! ```text
//! cargo run --release -p hearsay-resolve --example vector_speed
//! ```

use hearsay_resolve::Vectors;
use std::hint::black_box;
use std::time::Instant;

/// Best of `runs` timings of `f`, in nanoseconds.
fn best(runs: usize, mut f: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_nanos() as f64
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let t = Instant::now();
    let v = Vectors::shipped();
    let first = t.elapsed();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/vectors.bin");
    let bytes: &'static [u8] = std::fs::read(path)?.leak();
    let parse = best(5, || {
        black_box(Vectors::parse(bytes).expect("valid"));
    });
    println!(
        "{} words x {} dims, {} bytes; first Vectors::shipped(): {:.2} ms; parse: {:.2} ms",
        v.len(),
        v.dims(),
        bytes.len(),
        first.as_secs_f64() * 1e3,
        parse / 1e6
    );

    let hits: Vec<&str> = v.words().collect();
    let misses: Vec<String> = hits.iter().map(|w| format!("{w}qx")).collect();
    let hit = best(5, || {
        for w in &hits {
            black_box(v.get(black_box(w)));
        }
    }) / hits.len() as f64;
    let miss = best(5, || {
        for w in &misses {
            black_box(v.get(black_box(w)));
        }
    }) / misses.len() as f64;
    println!("lookup: {hit:.0} ns per word found, {miss:.0} ns per word missing");

    let contents: Vec<Vec<String>> = hits
        .chunks_exact(6)
        .take(5_000)
        .map(|c| c.iter().map(|w| w.to_string()).collect())
        .collect();
    let embed = best(5, || {
        for c in &contents {
            black_box(v.embed(c, |_| 1.0));
        }
    }) / contents.len() as f64;
    let embedded: Vec<_> = contents.iter().map(|c| v.embed(c, |_| 1.0)).collect();
    let cosine = best(5, || {
        for p in embedded.windows(2) {
            black_box(p[0].cosine(&p[1]));
        }
    }) / (embedded.len() - 1) as f64;
    println!(
        "embed: {:.2} us per six-word content; cosine: {cosine:.0} ns",
        embed / 1e3
    );
    Ok(())
}
