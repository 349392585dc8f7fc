//! Load test of a running `hearsay serve`: N clients for S seconds sending a
//! mix of reads over the whole API and the pages, while one more client
//! posts a new article every second. Prints requests/s, latency percentiles
//! per kind of request, and every failure (status ≥ 400 or a broken
//! connection). Not a timed test: a measurement to record in docs/PERFORMANCE.md.
//!
//! ```text
//! cargo bench -p hearsay-server --bench load -- --addr 127.0.0.1:8080 --token-file token.txt \
//!     --texts ../shared/corpus/polnear/dev/text [--clients 32] [--seconds 60] [--writes 1]
//! ```
//!
//! `bench/serve.sh` makes the 10,000-article database, starts the server and runs this.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

/// The command line.
struct Args {
    addr: String,
    token: String,
    texts: PathBuf,
    clients: usize,
    seconds: u64,
    writes: f64,
}

fn args() -> Args {
    let mut a = Args {
        addr: "127.0.0.1:8080".into(),
        token: String::new(),
        texts: PathBuf::from("../shared/corpus/polnear/dev/text"),
        clients: 32,
        seconds: 60,
        writes: 1.0,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .unwrap_or_else(|| fail(&format!("{flag} needs a value")))
        };
        match flag.as_str() {
            "--addr" => a.addr = value(),
            "--token-file" => {
                let path = value();
                a.token = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| fail(&format!("{path}: {e}")))
                    .trim()
                    .to_string();
            }
            "--texts" => a.texts = PathBuf::from(value()),
            "--clients" => a.clients = value().parse().unwrap_or_else(|_| fail("--clients N")),
            "--seconds" => a.seconds = value().parse().unwrap_or_else(|_| fail("--seconds S")),
            "--writes" => {
                a.writes = value()
                    .parse()
                    .unwrap_or_else(|_| fail("--writes PER_SECOND"))
            }
            // `cargo bench` passes this to every bench target.
            "--bench" => {}
            other => fail(&format!("unknown option {other}")),
        }
    }
    if a.token.is_empty() && a.writes > 0.0 {
        fail("writes need --token-file (or --writes 0)");
    }
    a
}

fn fail(msg: &str) -> ! {
    eprintln!("load: {msg}");
    std::process::exit(2)
}

/// A keep-alive HTTP/1.1 connection.
struct Conn {
    addr: String,
    stream: Option<BufReader<TcpStream>>,
}

impl Conn {
    fn new(addr: &str) -> Self {
        Conn {
            addr: addr.to_string(),
            stream: None,
        }
    }

    /// Send one request; the status and body, or why it failed.
    fn send(
        &mut self,
        method: &str,
        path: &str,
        headers: &str,
        body: &[u8],
    ) -> Result<(u16, Vec<u8>), String> {
        // A connection the server closed is opened again once.
        for attempt in 0..2 {
            if self.stream.is_none() {
                let s = TcpStream::connect(&self.addr).map_err(|e| format!("connect: {e}"))?;
                s.set_nodelay(true).ok();
                s.set_read_timeout(Some(Duration::from_secs(120))).ok();
                self.stream = Some(BufReader::new(s));
            }
            let reader = self.stream.as_mut().expect("connected");
            let head = format!(
                "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\n{headers}\r\n",
                self.addr,
                body.len()
            );
            let sent = reader
                .get_mut()
                .write_all(head.as_bytes())
                .and_then(|_| reader.get_mut().write_all(body));
            match sent
                .map_err(|e| e.to_string())
                .and_then(|_| read_response(reader))
            {
                Ok(r) => return Ok(r),
                Err(e) => {
                    self.stream = None;
                    if attempt == 1 {
                        return Err(e);
                    }
                }
            }
        }
        unreachable!("two attempts")
    }
}

fn read_response(reader: &mut BufReader<TcpStream>) -> Result<(u16, Vec<u8>), String> {
    let mut line = String::new();
    if reader.read_line(&mut line).map_err(|e| e.to_string())? == 0 {
        return Err("connection closed".into());
    }
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("bad status line {line:?}"))?;
    let (mut length, mut chunked) = (0usize, false);
    loop {
        let mut h = String::new();
        reader.read_line(&mut h).map_err(|e| e.to_string())?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let lower = h.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            length = v.trim().parse().map_err(|_| "bad content-length")?;
        }
        if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
            chunked = true;
        }
    }
    let mut body = Vec::new();
    if chunked {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).map_err(|e| e.to_string())?;
            let n = usize::from_str_radix(size.trim(), 16).map_err(|_| "bad chunk")?;
            let mut chunk = vec![0; n + 2];
            reader.read_exact(&mut chunk).map_err(|e| e.to_string())?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..n]);
        }
    } else {
        body.resize(length, 0);
        reader.read_exact(&mut body).map_err(|e| e.to_string())?;
    }
    Ok((status, body))
}

/// xorshift64*: a small, seedable generator.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Ids to ask for, read from the server before the load starts.
struct Sample {
    documents: Vec<String>,
    clusters: Vec<String>,
    entities: Vec<String>,
    names: Vec<String>,
    sources: Vec<String>,
    total_documents: usize,
}

fn json(conn: &mut Conn, path: &str) -> serde_json::Value {
    let (status, body) = conn
        .send("GET", path, "", b"")
        .unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    if status != 200 {
        fail(&format!("{path}: status {status}"));
    }
    serde_json::from_slice(&body).unwrap_or_else(|e| fail(&format!("{path}: {e}")))
}

fn ids(page: &serde_json::Value, key: &str) -> Vec<String> {
    page["items"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|i| i[key].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn sample(addr: &str) -> Sample {
    let mut c = Conn::new(addr);
    let docs = json(&mut c, "/api/documents?limit=500");
    let total_documents = docs["total"].as_u64().unwrap_or(0) as usize;
    let mut documents = ids(&docs, "id");
    documents.extend(ids(
        &json(
            &mut c,
            &format!("/api/documents?limit=500&offset={}", total_documents / 2),
        ),
        "id",
    ));
    let mut clusters = ids(&json(&mut c, "/api/clusters?limit=500"), "id");
    clusters.extend(ids(
        &json(&mut c, "/api/clusters?status=single&limit=500"),
        "id",
    ));
    let ents = json(&mut c, "/api/entities?limit=500");
    Sample {
        documents,
        clusters,
        entities: ids(&ents, "id"),
        names: ids(&ents, "name"),
        sources: ids(&json(&mut c, "/api/sources?limit=500"), "id"),
        total_documents,
    }
}

/// Words for full-text search.
const WORDS: &[&str] = &[
    "troops",
    "police",
    "election",
    "Clinton",
    "Trump",
    "minister",
    "said",
    "percent",
    "debate",
    "poll",
    "border",
    "million",
    "according",
    "officials",
    "report",
];

/// One read of the mix: its kind and its path.
fn read(rng: &mut Rng, s: &Sample) -> (&'static str, String) {
    let pick = |rng: &mut Rng, v: &[String]| v[rng.below(v.len())].clone();
    match rng.below(100) {
        0..=4 => ("health", "/api/health".into()),
        5..=14 => (
            "documents list",
            format!(
                "/api/documents?limit=50&offset={}",
                rng.below(s.total_documents.max(1))
            ),
        ),
        15..=29 => (
            "document",
            format!("/api/documents/{}", pick(rng, &s.documents)),
        ),
        30..=39 => (
            "claims search",
            format!("/api/claims?q={}&limit=20", WORDS[rng.below(WORDS.len())]),
        ),
        40..=44 => (
            "claims by entity",
            format!("/api/claims?entity={}&limit=20", enc(&pick(rng, &s.names))),
        ),
        45..=49 => (
            "mentions search",
            format!("/api/mentions?q={}&limit=20", WORDS[rng.below(WORDS.len())]),
        ),
        50..=59 => (
            "clusters list",
            "/api/clusters?status=contested&limit=50".into(),
        ),
        60..=69 => (
            "cluster",
            format!("/api/clusters/{}", pick(rng, &s.clusters)),
        ),
        70..=74 => (
            "entity",
            format!("/api/entities/{}", pick(rng, &s.entities)),
        ),
        75..=79 => ("sources", format!("/api/sources/{}", pick(rng, &s.sources))),
        80..=84 => ("home page", "/".into()),
        85..=94 => (
            "article page",
            format!("/documents/{}", pick(rng, &s.documents)),
        ),
        _ => (
            "cluster page",
            format!("/clusters/{}", pick(rng, &s.clusters)),
        ),
    }
}

/// What the clients saw.
#[derive(Default)]
struct Tally {
    latencies: BTreeMap<&'static str, Vec<f64>>,
    failures: Vec<String>,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() {
    let a = args();
    let s = Arc::new(sample(&a.addr));
    if s.documents.is_empty() || s.clusters.is_empty() {
        fail("the database has no documents or clusters to read");
    }
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&a.texts)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", a.texts.display())))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    let texts: Vec<String> = texts
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    eprintln!(
        "load: {} clients for {} s against {} ({} documents), {} write/s",
        a.clients, a.seconds, a.addr, s.total_documents, a.writes
    );
    let stop = Arc::new(AtomicBool::new(false));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let started = Instant::now();
    let mut workers = Vec::new();
    for k in 0..a.clients {
        let (s, stop, tally, addr) = (
            Arc::clone(&s),
            Arc::clone(&stop),
            Arc::clone(&tally),
            a.addr.clone(),
        );
        workers.push(std::thread::spawn(move || {
            let mut rng =
                Rng(0x9E37_79B9_7F4A_7C15 ^ (k as u64 + 1).wrapping_mul(0xD1B5_4A32_D192_ED03));
            let mut conn = Conn::new(&addr);
            let mut mine = Tally::default();
            while !stop.load(Ordering::Relaxed) {
                let (kind, path) = read(&mut rng, &s);
                let t = Instant::now();
                let r = conn.send("GET", &path, "", b"");
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                match r {
                    Ok((status, _)) if status < 400 => {
                        mine.latencies.entry(kind).or_default().push(ms)
                    }
                    Ok((status, body)) => mine.failures.push(format!(
                        "GET {path}: {status} {}",
                        String::from_utf8_lossy(&body)
                            .chars()
                            .take(200)
                            .collect::<String>()
                    )),
                    Err(e) => mine.failures.push(format!("GET {path}: {e}")),
                }
            }
            let mut all = tally.lock().unwrap();
            for (k, v) in mine.latencies {
                all.latencies.entry(k).or_default().extend(v);
            }
            all.failures.extend(mine.failures);
        }));
    }
    if a.writes > 0.0 {
        let (stop, tally, addr, token) = (
            Arc::clone(&stop),
            Arc::clone(&tally),
            a.addr.clone(),
            a.token.clone(),
        );
        workers.push(std::thread::spawn(move || {
            let mut conn = Conn::new(&addr);
            let every = Duration::from_secs_f64(1.0 / a.writes);
            let mut next = Instant::now();
            let mut n = 0usize;
            let mut mine = Tally::default();
            let stamp = SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            while !stop.load(Ordering::Relaxed) {
                let text = format!(
                    "{}\n\nLoad test article {n} of run {stamp}.\n",
                    texts[n % texts.len()].trim_end()
                );
                let body =
                    serde_json::json!({"text": text, "outlet": "Load Test Wire"}).to_string();
                let headers =
                    format!("Authorization: Bearer {token}\r\nContent-Type: application/json\r\n");
                let t = Instant::now();
                let r = conn.send("POST", "/api/documents", &headers, body.as_bytes());
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                match r {
                    Ok((201, _)) => mine
                        .latencies
                        .entry("write (POST /api/documents)")
                        .or_default()
                        .push(ms),
                    Ok((status, body)) => mine.failures.push(format!(
                        "POST /api/documents: {status} {}",
                        String::from_utf8_lossy(&body)
                            .chars()
                            .take(200)
                            .collect::<String>()
                    )),
                    Err(e) => mine.failures.push(format!("POST /api/documents: {e}")),
                }
                n += 1;
                next += every;
                if let Some(wait) = next.checked_duration_since(Instant::now()) {
                    std::thread::sleep(wait);
                }
            }
            let mut all = tally.lock().unwrap();
            for (k, v) in mine.latencies {
                all.latencies.entry(k).or_default().extend(v);
            }
            all.failures.extend(mine.failures);
        }));
    }
    std::thread::sleep(Duration::from_secs(a.seconds));
    stop.store(true, Ordering::Relaxed);
    for w in workers {
        let _ = w.join();
    }
    let wall = started.elapsed().as_secs_f64();
    let tally = tally.lock().unwrap();
    let mut every: Vec<f64> = tally.latencies.values().flatten().copied().collect();
    every.sort_by(f64::total_cmp);
    let ok = every.len();
    let failed = tally.failures.len();
    println!(
        "{} clients + {} write/s for {wall:.1} s: {} requests, {failed} failed, {:.1} requests/s",
        a.clients,
        a.writes,
        ok + failed,
        (ok + failed) as f64 / wall
    );
    println!();
    println!("| requests | count | req/s | p50 ms | p90 ms | p99 ms | max ms |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let row = |name: &str, v: &[f64]| {
        println!(
            "| {name} | {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} |",
            v.len(),
            v.len() as f64 / wall,
            percentile(v, 0.50),
            percentile(v, 0.90),
            percentile(v, 0.99),
            v.last().copied().unwrap_or(0.0)
        )
    };
    row("all", &every);
    for (kind, v) in &tally.latencies {
        let mut v = v.clone();
        v.sort_by(f64::total_cmp);
        row(kind, &v);
    }
    if failed > 0 {
        println!();
        println!("failures:");
        for f in tally.failures.iter().take(20) {
            println!("  {f}");
        }
        std::process::exit(1);
    }
}
