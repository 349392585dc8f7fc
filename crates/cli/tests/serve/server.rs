//! The server under test: the real `hearsay serve` on a free loopback port,
//! over a copy of a database of the shared PolNeAR dev texts, the story sets
//! and the seed article (built once per test run).

use crate::http::{self, Response};
use crate::support::{hearsay, shared};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// A token the tests' servers accept.
pub const TOKEN: &str = "test-token-0123456789";

/// The database every test starts from: built once for each build of the
/// binary and kept in the target directory (tests in other processes, as
/// nextest runs them, and later runs reuse it).
pub fn corpus() -> &'static Path {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
        let bin = std::fs::metadata(env!("CARGO_BIN_EXE_hearsay")).unwrap();
        let built = bin
            .modified()
            .unwrap()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let name = format!("serve-corpus-{:x}-{:x}.db", bin.len(), built);
        let db = tmp.join(&name);
        if db.is_file() {
            return db;
        }
        let work = tempfile::tempdir_in(tmp).unwrap();
        let built = build_corpus(work.path());
        std::fs::rename(built, &db).unwrap();
        // Databases of older builds go.
        for e in std::fs::read_dir(tmp).unwrap().flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.starts_with("serve-corpus-") && n != name {
                let _ = std::fs::remove_file(e.path());
            }
        }
        db
    })
}

/// `hearsay add` of the dev texts, the story-set feeds and the seed into `dir/corpus.db`.
fn build_corpus(dir: &Path) -> PathBuf {
    let shared = shared();
    let mut inputs = vec![shared.join("corpus/polnear/dev/text")];
    let mut sets: Vec<PathBuf> = std::fs::read_dir(shared.join("corpus/stories"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("gold.json").is_file())
        .collect();
    sets.sort();
    for set in sets {
        let out = std::process::Command::new("python3")
            .arg(shared.join("eval/score_stories.py"))
            .arg("feed")
            .arg(&set)
            .output()
            .expect("python3 runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let feed = dir.join(format!(
            "{}.jsonl",
            set.file_name().unwrap().to_string_lossy()
        ));
        std::fs::write(&feed, out.stdout).unwrap();
        inputs.push(feed);
    }
    let seed = dir.join("seed.jsonl");
    std::fs::write(&seed, format!("{}\n", seed_record())).unwrap();
    inputs.push(seed);
    let db = dir.join("corpus.db");
    let out = hearsay()
        .arg("add")
        .args(&inputs)
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

/// The seed article as the JSON object a client posts: its text, title and
/// outlet (the Ukrainian outlet Babel, which re-reports The Wall Street Journal).
pub fn seed_record() -> String {
    let text =
        std::fs::read_to_string(shared().join("corpus/seed/dprk-troops-treaty.txt")).unwrap();
    let title = text.lines().next().unwrap().to_string();
    serde_json::json!({
        "text": text,
        "title": title,
        "byline": "Oleksandra Opanasenko",
        "outlet": "Babel",
        "published": "2024-10-25",
        "url": "https://babel.ua/en/news/dprk-troops-treaty",
    })
    .to_string()
}

/// A running `hearsay serve`, stopped when dropped.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    /// Its database (a copy of the corpus, or a fresh file).
    pub db: PathBuf,
    log: Arc<Mutex<String>>,
    _dir: tempfile::TempDir,
}

/// How to start a server.
#[derive(Default)]
pub struct Options<'a> {
    /// Start from an empty database instead of the corpus.
    pub empty: bool,
    /// The token it takes writes with (none: it takes no writes).
    pub token: Option<&'a str>,
    /// More arguments.
    pub args: &'a [&'a str],
    /// Serve this database (a `postgres://` URL) instead of a file.
    pub url: Option<&'a str>,
}

impl Server {
    /// A server over a copy of the corpus that takes writes with [`TOKEN`].
    pub fn start() -> Server {
        Self::with(Options {
            token: Some(TOKEN),
            ..Options::default()
        })
    }

    /// A server started with `options`.
    pub fn with(options: Options) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("news.db");
        if !options.empty && options.url.is_none() {
            std::fs::copy(corpus(), &db).unwrap();
        }
        let mut cmd = hearsay();
        cmd.args(["serve", "--addr", "127.0.0.1:0", "--db"]);
        match options.url {
            Some(url) => cmd.arg(url),
            None => cmd.arg(&db),
        };
        cmd.args(options.args)
            .env_remove("HEARSAY_TOKEN")
            .env("RUST_LOG", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if let Some(t) = options.token {
            cmd.env("HEARSAY_TOKEN", t);
        }
        let mut child = cmd.spawn().expect("hearsay serve starts");
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let (found, addr) = mpsc::channel();
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("serving on http://").nth(1) {
                    let _ = found.send(rest.split('/').next().unwrap_or("").to_string());
                }
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let addr = match addr.recv_timeout(Duration::from_secs(120)) {
            Ok(a) => a,
            Err(_) => {
                let _ = child.kill();
                panic!("the server did not start: {}", log.lock().unwrap());
            }
        };
        Server {
            child,
            addr,
            db,
            log,
            _dir: dir,
        }
    }

    /// `GET path`.
    pub fn get(&self, path: &str) -> Response {
        http::request(&self.addr, "GET", path, &[], None)
    }

    /// `GET path`, answered 200 with JSON.
    pub fn json(&self, path: &str) -> serde_json::Value {
        let r = self.get(path);
        assert_eq!(r.status, 200, "GET {path}: {}", r.text());
        r.json()
    }

    /// `POST path` with the test token, a content type and a body.
    pub fn post(&self, path: &str, content_type: &str, body: &[u8]) -> Response {
        let auth = format!("Bearer {TOKEN}");
        http::request(
            &self.addr,
            "POST",
            path,
            &[("Authorization", &auth), ("Content-Type", content_type)],
            Some(body),
        )
    }

    /// What the server has logged so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Send SIGTERM and wait for the server to stop.
    pub fn terminate(&mut self) -> ExitStatus {
        let pid = self.child.id().to_string();
        let sent = std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap();
        assert!(sent.success());
        for _ in 0..300 {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!(
            "the server did not stop within 30 s of SIGTERM: {}",
            self.log()
        );
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
