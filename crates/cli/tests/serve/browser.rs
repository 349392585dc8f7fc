//! The pages in a real headless Chromium, driven over WebDriver
//! (ChromeDriver): the seed article's attributions marked, chains shown on
//! hover, a claim opening its cluster, one timeline point per figure, the
//! keyboard and a phone's width. Each view is saved as a screenshot in
//! `$HEARSAY_SCREENSHOTS` (docs/screenshots/ for the README), else under the
//! target directory.

use crate::server::Server;
use fantoccini::actions::{InputSource, KeyAction, KeyActions, MouseActions, PointerAction};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::time::Duration;

/// A headless Chromium behind its own ChromeDriver, closed when dropped.
struct Browser {
    client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A free loopback port.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Start ChromeDriver and a headless Chromium `width` × `height` pixels wide.
async fn browser(width: u32, height: u32) -> Browser {
    let chromium = option_env!("HEARSAY_CHROMIUM").unwrap_or("chromium");
    let chromedriver = option_env!("HEARSAY_CHROMEDRIVER").unwrap_or("chromedriver");
    let port = free_port();
    let driver = std::process::Command::new(chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let profile = tempfile::tempdir().unwrap();
    let args = [
        "--headless=new".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-dev-shm-usage".into(),
        "--hide-scrollbars".into(),
        format!("--user-data-dir={}", profile.path().display()),
        format!("--window-size={width},{height}"),
    ];
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert(
        "goog:chromeOptions".into(),
        json!({"binary": chromium, "args": args}),
    );
    let mut builder = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
    builder.capabilities(caps);
    let url = format!("http://127.0.0.1:{port}");
    let mut last = None;
    for _ in 0..100 {
        match builder.connect(&url).await {
            Ok(client) => {
                return Browser {
                    client,
                    driver,
                    _profile: profile,
                };
            }
            Err(e) => last = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no WebDriver session: {last:?}");
}

/// Where screenshots go.
fn screenshots() -> PathBuf {
    let dir = std::env::var_os("HEARSAY_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("screenshots"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Save what the browser shows as `name.png`.
async fn screenshot(b: &Browser, name: &str) {
    let png = b.client.screenshot().await.unwrap();
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    std::fs::write(screenshots().join(format!("{name}.png")), png).unwrap();
}

/// Run `script` (a function body) in the page.
async fn js(b: &Browser, script: &str) -> Value {
    b.client.execute(script, vec![]).await.unwrap()
}

/// The seed article's id.
fn seed_id(s: &Server) -> String {
    let found = s.json("/api/documents?q=Khabarovsk");
    found["items"][0]["id"].as_str().unwrap().to_string()
}

/// No part of the page is wider than the window.
async fn fits(b: &Browser) -> bool {
    js(
        b,
        "return document.documentElement.scrollWidth <= window.innerWidth + 1;",
    )
    .await
    .as_bool()
    .unwrap()
}

#[tokio::test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
#[cfg_attr(not(has_chromium), ignore = "needs chromium and chromedriver on PATH")]
async fn the_article_view_marks_the_seed_attributions_and_shows_their_chains() {
    let s = Server::start();
    let id = seed_id(&s);
    let doc = s.json(&format!("/api/documents/{id}"));
    let with_source = doc["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["source"].is_object())
        .count();
    let b = browser(1280, 1500).await;
    b.client
        .goto(&format!("http://{}/documents/{id}", s.addr))
        .await
        .unwrap();

    // Every attribution's source is marked, once per attribution.
    let sources = js(
        &b,
        "const by = {};
         for (const e of document.querySelectorAll('#text a.mk.src[data-src]'))
           for (const a of e.dataset.src.split(' ')) by[a] = (by[a] || '') + e.textContent;
         return by;",
    )
    .await;
    let sources: BTreeMap<String, String> = serde_json::from_value(sources).unwrap();
    assert_eq!(sources.len(), with_source, "{sources:#?}");
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(crate::support::shared().join("corpus/seed/expected.json"))
            .unwrap(),
    )
    .unwrap();
    let marked: Vec<String> = sources.values().map(|t| t.to_lowercase()).collect();
    for a in expected["attributions"].as_array().unwrap() {
        let want = a["source"].as_str().unwrap().to_lowercase();
        assert!(
            marked
                .iter()
                .any(|m| m.contains(&want) || want.contains(m.as_str())),
            "the source {want:?} is marked: {marked:#?}"
        );
    }
    // Sources, cues and contents in distinct colours; hedges and quantities marked.
    let colours = js(
        &b,
        "const c = s => getComputedStyle(document.querySelector('#text ' + s)).backgroundColor;
         return [c('a.mk.src'), c('a.mk.cue'), c('a.mk.con:not(.src):not(.cue)')];",
    )
    .await;
    let colours: Vec<String> = serde_json::from_value(colours).unwrap();
    assert!(
        colours[0] != colours[1] && colours[1] != colours[2] && colours[0] != colours[2],
        "{colours:?}"
    );
    let hedges = js(
        &b,
        "return [...document.querySelectorAll('#text .mk.hedge')].map(e => e.textContent);",
    )
    .await;
    let hedges: Vec<String> = serde_json::from_value(hedges).unwrap();
    for h in ["could", "likely", "possibly"] {
        assert!(
            hedges.iter().any(|x| x.contains(h)),
            "{h} is marked as a hedge: {hedges:?}"
        );
    }
    let quantities = js(
        &b,
        "return [...document.querySelectorAll('#text .mk.qty')].map(e => e.textContent).join('|');",
    )
    .await;
    assert!(
        quantities.as_str().unwrap().contains("1,500"),
        "{quantities}"
    );

    // Hovering a source shows its chain.
    let senior = sources
        .iter()
        .find(|(_, t)| {
            t.to_lowercase()
                .contains("senior european intelligence source")
        })
        .map(|(a, _)| a.clone())
        .expect("the senior European intelligence source is marked");
    let mark = b
        .client
        .find(Locator::Css(&format!(
            "#text a.mk.src[data-src~='{senior}']"
        )))
        .await
        .unwrap();
    b.client
        .perform_actions(
            MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
                element: mark.clone(),
                duration: None,
                x: 0.0,
                y: 0.0,
            }),
        )
        .await
        .unwrap();
    let popover = b
        .client
        .wait()
        .for_element(Locator::Css("#popover:not([hidden])"))
        .await
        .unwrap();
    let shown = popover.text().await.unwrap();
    assert!(
        shown
            .to_lowercase()
            .starts_with("a senior european intelligence source")
            && shown.contains("The Wall Street Journal → Babel"),
        "{shown:?}"
    );
    for chain in expected["source_chains"].as_array().unwrap() {
        let links: Vec<String> = chain
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap().to_lowercase())
            .collect();
        let lines = js(&b, "return [...document.querySelectorAll('li.claim')].map(e => e.dataset.chain.toLowerCase());").await;
        let lines: Vec<String> = serde_json::from_value(lines).unwrap();
        assert!(
            lines.iter().any(|line| {
                let mut at = 0;
                links.iter().all(|l| match line[at..].find(l.as_str()) {
                    Some(i) => {
                        at += i + l.len();
                        true
                    }
                    None => false,
                })
            }),
            "a chain {links:?} among {lines:#?}"
        );
    }
    // The picture: the top of the article, the chain of the WSJ's report shown.
    let wsj = sources
        .iter()
        .find(|(_, t)| t.contains("The Wall Street Journal"))
        .map(|(a, _)| a.clone())
        .expect("The Wall Street Journal is marked");
    js(&b, "window.scrollTo(0, 0);").await;
    let top = b
        .client
        .find(Locator::Css(&format!("#text a.mk.src[data-src~='{wsj}']")))
        .await
        .unwrap();
    b.client
        .perform_actions(
            MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
                element: top,
                duration: None,
                x: 0.0,
                y: 0.0,
            }),
        )
        .await
        .unwrap();
    screenshot(&b, "article").await;
    // Clicking a mark goes to its claim in the list.
    mark.click().await.unwrap();
    let hash = js(&b, "return location.hash;").await;
    assert_eq!(hash, json!(format!("#claim-{senior}")));

    b.client.set_window_size(390, 844).await.unwrap();
    b.client
        .goto(&format!("http://{}/documents/{id}", s.addr))
        .await
        .unwrap();
    assert!(fits(&b).await, "the article fits a phone's width");
    screenshot(&b, "article-phone").await;
}

#[tokio::test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
#[cfg_attr(not(has_chromium), ignore = "needs chromium and chromedriver on PATH")]
async fn clicking_a_claim_opens_its_cluster() {
    let s = Server::start();
    let id = seed_id(&s);
    let doc = s.json(&format!("/api/documents/{id}"));
    // The claim of the 1,500 special forces already sent.
    let sent = doc["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["content"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["text"].as_str().unwrap().contains("1,500"))
        })
        .expect("the NIS's 1,500")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let b = browser(1280, 1600).await;
    b.client
        .goto(&format!("http://{}/documents/{id}", s.addr))
        .await
        .unwrap();
    let link = b
        .client
        .find(Locator::Css(&format!("#claim-{sent} a.to-cluster")))
        .await
        .unwrap();
    let href = link.attr("href").await.unwrap().unwrap();
    let cluster = href.trim_start_matches("/clusters/").to_string();
    link.click().await.unwrap();
    b.client
        .wait()
        .for_url(&url(&format!("http://{}{href}", s.addr)))
        .await
        .unwrap();
    let h1 = b
        .client
        .find(Locator::Css("h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let view = s.json(&format!("/api/clusters/{cluster}"));
    assert_eq!(h1, view["cluster"]["subject"].as_str().unwrap());
    let cards = b
        .client
        .find_all(Locator::Css(".side-by-side article.claim-card"))
        .await
        .unwrap();
    assert_eq!(
        cards.len(),
        view["claims"].as_array().unwrap().len(),
        "every claim side by side"
    );
    let text = b
        .client
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(text.contains("1,500"), "the cluster shows the figure");
    screenshot(&b, "cluster").await;
}

/// `s` as a URL.
fn url(s: &str) -> url::Url {
    url::Url::parse(s).unwrap()
}

#[tokio::test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
#[cfg_attr(not(has_chromium), ignore = "needs chromium and chromedriver on PATH")]
async fn the_timeline_has_one_point_per_figure_coloured_by_modality() {
    let s = Server::start();
    let graph = s.json("/api/export/graph");
    let dated = |t: &Value| -> Vec<String> {
        t["points"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["date"].is_string() || p["as_of"].is_string())
            .filter(|p| {
                p.get("value").is_some() || p.get("min").is_some() || p.get("max").is_some()
            })
            .map(|p| p["modality"].as_str().unwrap().to_string())
            .collect()
    };
    let timeline = graph["timelines"]
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|t| {
            let m = dated(t);
            let kinds: std::collections::BTreeSet<&String> = m.iter().collect();
            (kinds.len(), m.len())
        })
        .unwrap()
        .clone();
    let mut want = dated(&timeline);
    assert!(
        want.len() >= 3,
        "a timeline with several figures: {timeline}"
    );
    let b = browser(1280, 1800).await;
    let cluster = timeline["cluster"].as_str().unwrap();
    b.client
        .goto(&format!("http://{}/clusters/{cluster}", s.addr))
        .await
        .unwrap();
    let points = js(
        &b,
        "return [...document.querySelectorAll('svg.timeline circle.pt')]
           .map(c => [c.dataset.modality, getComputedStyle(c).fill]);",
    )
    .await;
    let points: Vec<(String, String)> = serde_json::from_value(points).unwrap();
    let mut drawn: Vec<String> = points.iter().map(|p| p.0.clone()).collect();
    want.sort();
    drawn.sort();
    assert_eq!(drawn, want, "one point per figure, with its modality");
    let mut fill: BTreeMap<&str, &str> = BTreeMap::new();
    for (m, f) in &points {
        assert_eq!(
            *fill.entry(m.as_str()).or_insert(f.as_str()),
            f.as_str(),
            "one colour per modality"
        );
    }
    let colours: std::collections::BTreeSet<&&str> = fill.values().collect();
    assert_eq!(
        colours.len(),
        fill.len(),
        "each modality its own colour: {fill:?}"
    );
    let edges = b
        .client
        .find_all(Locator::Css("svg.sources path.edge"))
        .await
        .unwrap();
    assert!(!edges.is_empty(), "the source graph draws who cites whom");
    screenshot(&b, "timeline").await;
}

/// Press `key` on the keyboard.
async fn press(b: &Browser, key: Key) {
    b.client
        .perform_actions(
            KeyActions::new("keyboard".into())
                .then(KeyAction::Down { value: key.into() })
                .then(KeyAction::Up { value: key.into() }),
        )
        .await
        .unwrap();
}

#[tokio::test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
#[cfg_attr(not(has_chromium), ignore = "needs chromium and chromedriver on PATH")]
async fn search_entity_and_source_pages_work_by_keyboard_and_on_a_phone() {
    let s = Server::start();
    let b = browser(1280, 1100).await;
    b.client.goto(&format!("http://{}/", s.addr)).await.unwrap();
    let statuses = js(
        &b,
        "return [...document.querySelectorAll('ul.clusters .status')].map(e => e.textContent);",
    )
    .await;
    let statuses: Vec<String> = serde_json::from_value(statuses).unwrap();
    assert_eq!(
        statuses.first().map(String::as_str),
        Some("contested"),
        "contested clusters first"
    );
    screenshot(&b, "home").await;
    // The first Tab reaches the skip link, the next the search box.
    press(&b, Key::Tab).await;
    let active = js(&b, "return document.activeElement.className;").await;
    assert_eq!(active, json!("skip"));
    press(&b, Key::Tab).await;
    press(&b, Key::Tab).await;
    let active = js(&b, "return document.activeElement.id;").await;
    assert_eq!(active, json!("q"), "the search box is reached by Tab");
    b.client
        .active_element()
        .await
        .unwrap()
        .send_keys("Budanov")
        .await
        .unwrap();
    press(&b, Key::Enter).await;
    b.client
        .wait()
        .for_element(Locator::Css("main h1"))
        .await
        .unwrap();
    let results = b
        .client
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(results.contains("Results for “Budanov”"), "{results}");
    assert!(
        results.contains("nuclear technology"),
        "Budanov's claim is found: {results}"
    );

    // A person whose name was spelt two ways has the variant flagged.
    let entities = s.json("/api/entities?limit=500");
    let person = entities["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["kind"] == "person"
                && e["name"].as_str().unwrap().contains(' ')
                && !e["variants"].as_array().unwrap().is_empty()
        })
        .expect("a person with a misspelt name (the story sets have several)")
        .clone();
    b.client
        .goto(&format!(
            "http://{}/entities/{}",
            s.addr,
            person["id"].as_str().unwrap()
        ))
        .await
        .unwrap();
    let flagged = b
        .client
        .find_all(Locator::Css("ul.tags li.variant"))
        .await
        .unwrap();
    assert_eq!(flagged.len(), person["variants"].as_array().unwrap().len());
    screenshot(&b, "entity").await;

    // A source's page shows its grade, the reason and its record.
    let sources = s.json("/api/sources?limit=1");
    let top = &sources["items"][0];
    b.client
        .goto(&format!(
            "http://{}/sources/{}",
            s.addr,
            top["id"].as_str().unwrap()
        ))
        .await
        .unwrap();
    let grade = b
        .client
        .find(Locator::Css(".grade.big"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(grade, top["reliability"].as_str().unwrap());
    let page = b
        .client
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(top["reliability_reason"].as_str().unwrap()));
    screenshot(&b, "source").await;
    b.client
        .goto(&format!("http://{}/sources", s.addr))
        .await
        .unwrap();
    screenshot(&b, "sources").await;

    b.client.set_window_size(390, 844).await.unwrap();
    for path in [
        "/".to_string(),
        format!(
            "/clusters/{}",
            s.json("/api/clusters?limit=1")["items"][0]["id"]
                .as_str()
                .unwrap()
        ),
    ] {
        b.client
            .goto(&format!("http://{}{path}", s.addr))
            .await
            .unwrap();
        assert!(fits(&b).await, "{path} fits a phone's width");
    }
    b.client.goto(&format!("http://{}/", s.addr)).await.unwrap();
    screenshot(&b, "home-phone").await;
}
