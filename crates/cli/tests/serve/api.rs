//! The JSON API of the real server.

use crate::http;
use crate::server::{Options, Server, TOKEN, seed_record};
use serde_json::Value;
use std::collections::BTreeSet;

/// Every item of a list, following its `next` links from `path`.
fn walk(s: &Server, path: &str) -> (Vec<Value>, u64) {
    let mut items = Vec::new();
    let mut next = Some(path.to_string());
    let mut total = None;
    while let Some(p) = next {
        let page = s.json(&p);
        let t = page["total"].as_u64().unwrap();
        assert_eq!(
            *total.get_or_insert(t),
            t,
            "the total stays the same across pages"
        );
        assert_eq!(page["offset"].as_u64().unwrap() as usize, items.len());
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        next = page["next"].as_str().map(String::from);
    }
    (items, total.unwrap_or(0))
}

fn ids(items: &[Value]) -> BTreeSet<String> {
    items
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn every_read_endpoint_answers_in_the_documented_vocabulary() {
    let s = Server::start();
    let health = s.json("/api/health");
    assert_eq!(health["status"], "ok");
    assert!(health["documents"].as_u64().unwrap() > 100, "{health}");
    assert_eq!(health["writes"], true);

    let docs = s.json("/api/documents?limit=5");
    let doc = &docs["items"][0];
    for key in [
        "id",
        "title",
        "byline",
        "outlet",
        "published",
        "path",
        "chars",
        "claims",
        "entities",
        "added_at",
        "analyzer",
    ] {
        assert!(doc.get(key).is_some(), "documents[] has {key}: {doc}");
    }
    let id = doc["id"].as_str().unwrap();
    let one = s.json(&format!("/api/documents/{}", &id[..10]));
    assert_eq!(one["schema"], "hearsay.analysis/1");
    assert_eq!(one["document"]["id"], id);
    for key in [
        "text",
        "sentences",
        "entities",
        "attributions",
        "quantities",
        "times",
        "hedges",
        "flags",
        "chains",
        "claims",
    ] {
        assert!(one.get(key).is_some(), "the document has {key}");
    }
    assert_eq!(
        one["chains"].as_array().unwrap().len(),
        one["attributions"].as_array().unwrap().len()
    );

    let mentions = s.json("/api/mentions?limit=3");
    let m = &mentions["items"][0];
    for key in [
        "document",
        "id",
        "kind",
        "cue",
        "source",
        "content",
        "via",
        "hedge",
        "confidence",
    ] {
        assert!(m.get(key).is_some(), "mentions[] has {key}: {m}");
    }

    let claims = s.json("/api/claims?limit=3");
    let c = &claims["items"][0];
    for key in [
        "id",
        "origin",
        "proposition",
        "quantity",
        "credibility",
        "credibility_reason",
        "mentions",
    ] {
        assert!(c.get(key).is_some(), "claims[] has {key}: {c}");
    }
    let claim = s.json(&format!("/api/claims/{}", c["id"].as_str().unwrap()));
    assert_eq!(claim["claim"]["id"], c["id"]);
    let cluster_id = claim["cluster"].as_str().unwrap();
    let cluster = s.json(&format!("/api/clusters/{cluster_id}"));
    for key in [
        "cluster",
        "claims",
        "origins",
        "relations",
        "timeline",
        "history",
    ] {
        assert!(cluster.get(key).is_some(), "a cluster view has {key}");
    }
    assert!(
        cluster["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["id"] == c["id"])
    );
    let k = &s.json("/api/clusters?limit=1")["items"][0];
    for key in [
        "id",
        "subject",
        "claims",
        "independent_origins",
        "status",
        "credibility",
        "assessed_claim",
        "explanation",
    ] {
        assert!(k.get(key).is_some(), "clusters[] has {key}: {k}");
    }

    let e = &s.json("/api/entities?limit=1")["items"][0];
    for key in [
        "id",
        "name",
        "type",
        "kind",
        "aliases",
        "variants",
        "affiliation",
        "country",
        "roles",
        "documents",
    ] {
        assert!(e.get(key).is_some(), "entities[] has {key}: {e}");
    }
    let entity = s.json(&format!("/api/entities/{}", e["id"].as_str().unwrap()));
    assert_eq!(entity["entity"]["id"], e["id"]);
    assert!(entity["claims_by"].is_array() && entity["claims_about"].is_array());

    let src = &s.json("/api/sources?limit=1")["items"][0];
    for key in [
        "id",
        "description",
        "kind",
        "entity",
        "reliability",
        "reliability_reason",
        "merged",
        "claims",
        "documents",
        "upheld",
        "disputed",
    ] {
        assert!(src.get(key).is_some(), "sources[] has {key}: {src}");
    }
    let one_source = s.json(&format!("/api/sources/{}", src["id"].as_str().unwrap()));
    assert_eq!(one_source["id"], src["id"]);

    let graph = s.json("/api/export/graph");
    assert_eq!(graph["schema"], "hearsay.graph/1");
    let timeline = graph["timelines"][0].clone();
    let subject = timeline["subject"].as_str().unwrap();
    let found = s.json(&format!("/api/timelines/{}", crate::http_path(subject)));
    assert!(
        found["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["subject"] == subject),
        "{found}"
    );
    let by_cluster = s.json(&format!(
        "/api/timelines/{}",
        timeline["cluster"].as_str().unwrap()
    ));
    assert_eq!(by_cluster["items"][0]["points"], timeline["points"]);
    assert_eq!(
        graph["clusters"].as_array().unwrap().len() as u64,
        s.json("/api/clusters?limit=1")["total"].as_u64().unwrap()
    );
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn lists_come_in_pages_with_a_total_and_the_next_link() {
    let s = Server::start();
    for (path, size) in [
        ("/api/documents?limit=7", 7),
        ("/api/clusters?limit=50", 50),
        ("/api/entities?limit=100", 100),
        ("/api/sources?limit=100", 100),
        ("/api/claims?limit=200", 200),
        ("/api/mentions?limit=500", 500),
    ] {
        let first = s.json(path);
        assert_eq!(first["limit"], size);
        assert!(first["items"].as_array().unwrap().len() <= size);
        let (items, total) = walk(&s, path);
        assert_eq!(items.len() as u64, total, "{path}: every page followed");
        assert!(
            total as usize > size,
            "{path}: more than one page ({total})"
        );
        if !path.starts_with("/api/mentions") {
            assert_eq!(ids(&items).len() as u64, total, "{path}: no item twice");
        }
    }
    let beyond = s.json("/api/documents?offset=100000");
    assert!(beyond["items"].as_array().unwrap().is_empty());
    assert_eq!(beyond["next"], Value::Null);
    // The next link keeps the filters.
    let filtered = s.json("/api/clusters?status=single&limit=2");
    let next = filtered["next"].as_str().unwrap();
    assert!(
        next.contains("status=single") && next.contains("offset=2"),
        "{next}"
    );
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn filters_narrow_the_lists() {
    let s = Server::start();
    let all = s.json("/api/claims?limit=1")["total"].as_u64().unwrap();
    let korea = s.json("/api/claims?entity=North%20Korea&limit=500");
    let n = korea["total"].as_u64().unwrap();
    assert!(n > 0 && n < all, "entity: {n} of {all}");
    let dprk = s.json("/api/claims?entity=DPRK&limit=500");
    assert_eq!(
        dprk["total"], korea["total"],
        "an alias finds the same claims"
    );
    let nis = s.json("/api/claims?source=intelligence&limit=500");
    assert!(nis["items"].as_array().unwrap().iter().all(|c| {
        c["mentions"].as_array().unwrap().iter().any(|m| {
            m["source"]
                .as_str()
                .unwrap_or("")
                .to_lowercase()
                .contains("intelligence")
                || m["source_entity"].is_string()
        })
    }));
    let text = s.json("/api/claims?q=troops&limit=500");
    assert!(text["total"].as_u64().unwrap() > 0);
    let since = s.json("/api/claims?since=2026-01-01&limit=500");
    let until = s.json("/api/claims?until=2025-12-31&limit=500");
    assert!(since["total"].as_u64().unwrap() > 0 && until["total"].as_u64().unwrap() > 0);
    for c in since["items"].as_array().unwrap() {
        let first = c["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|m| m["published"].as_str())
            .min()
            .unwrap();
        assert!(first >= "2026-01-01", "{first}");
    }
    let mentions = s.json("/api/mentions?since=2024-10-25&until=2024-10-25");
    assert!(
        mentions["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["document"]["published"] == "2024-10-25")
    );
    assert!(
        mentions["total"].as_u64().unwrap() >= 10,
        "the seed's attributions"
    );
    for status in ["contested", "circular", "single"] {
        let page = s.json(&format!("/api/clusters?status={status}&limit=500"));
        assert!(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|k| k["status"] == status)
        );
    }
    let contested = s.json("/api/clusters?limit=500");
    let statuses: Vec<&str> = contested["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["status"].as_str().unwrap())
        .collect();
    let rank = |s: &str| match s {
        "contested" => 0,
        "circular" => 1,
        _ => 2,
    };
    assert!(
        statuses.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
        "contested and circular first"
    );
    let ents = s.json("/api/entities?q=korea");
    assert!(ents["items"].as_array().unwrap().iter().all(|e| {
        e["name"].as_str().unwrap().to_lowercase().contains("korea")
            || e["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a.as_str().unwrap().to_lowercase().contains("korea"))
    }));
    let docs = s.json("/api/documents?q=Khabarovsk");
    assert_eq!(docs["total"], 1, "only the seed names Khabarovsk");

    for (path, status) in [
        ("/api/claims?since=yesterday", 400),
        ("/api/claims?limit=0", 400),
        ("/api/claims?limit=501", 400),
        ("/api/claims?limit=many", 400),
        ("/api/clusters?status=shaky", 400),
        ("/api/documents?q=%22unbalanced", 400),
        ("/api/mentions?q=AND", 400),
        ("/api/documents/ffffffffffff", 404),
        ("/api/clusters/k000000000000", 404),
        ("/api/entities/nobody", 404),
        ("/api/sources/o000000000000", 404),
        ("/api/claims/c000000000000", 404),
        ("/api/nothing-here", 404),
    ] {
        let r = s.get(path);
        assert_eq!(r.status, status, "{path}: {}", r.text());
        assert_eq!(r.header("content-type"), Some("application/json"), "{path}");
        assert!(
            r.json()["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{path}"
        );
    }
    let r = http::request(
        &s.addr,
        "PUT",
        "/api/health",
        &[("Authorization", &format!("Bearer {TOKEN}"))],
        None,
    );
    assert_eq!(r.status, 405, "{}", r.text());
    assert!(r.json()["error"].is_string());
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn writes_need_the_token_and_reads_can_too() {
    let s = Server::start();
    let body = br#"{"text": "Officials said it rained."}"#;
    for auth in [
        None,
        Some("Bearer wrong-token-0123456789"),
        Some("Basic dXNlcjpwYXNz"),
        Some(TOKEN),
    ] {
        let mut headers = vec![("Content-Type", "application/json")];
        if let Some(a) = auth {
            headers.push(("Authorization", a));
        }
        let r = http::request(&s.addr, "POST", "/api/documents", &headers, Some(body));
        assert_eq!(r.status, 401, "{auth:?}: {}", r.text());
        assert_eq!(
            r.header("www-authenticate"),
            Some("Bearer realm=\"hearsay\"")
        );
        assert!(r.json()["error"].is_string());
    }
    let r = http::request(
        &s.addr,
        "POST",
        "/api/analyze",
        &[("Content-Type", "text/plain")],
        Some(b"It rained."),
    );
    assert_eq!(r.status, 401);
    assert_eq!(
        s.get("/api/health").status,
        200,
        "reads are open on loopback"
    );

    let closed = Server::with(Options {
        token: Some(TOKEN),
        args: &["--auth-reads"],
        ..Options::default()
    });
    assert_eq!(closed.get("/api/health").status, 401);
    assert_eq!(closed.get("/").status, 401);
    let auth = format!("Bearer {TOKEN}");
    let r = http::request(
        &closed.addr,
        "GET",
        "/api/health",
        &[("Authorization", &auth)],
        None,
    );
    assert_eq!(r.status, 200);

    let read_only = Server::with(Options::default());
    let r = read_only.post("/api/documents", "application/json", body);
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(read_only.json("/api/health")["writes"], false);
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn bad_bodies_are_refused_and_store_nothing() {
    let s = Server::with(Options {
        token: Some(TOKEN),
        args: &["--max-body", "1"],
        ..Options::default()
    });
    let count = || s.json("/api/health")["documents"].as_u64().unwrap();
    let before = count();
    let big = format!(
        "{{\"text\": \"{}\"}}",
        "Officials said it rained. ".repeat(50_000)
    );
    let r = s.post("/api/documents", "application/json", big.as_bytes());
    assert_eq!(r.status, 413, "{}", r.text());
    assert!(r.json()["error"].as_str().unwrap().contains("limit"));
    for (content_type, body, status, says) in [
        ("application/json", &b"{\"text\": "[..], 400, "not JSON"),
        (
            "application/json",
            &b"[{\"text\": \"a\"}]"[..],
            400,
            "one JSON object",
        ),
        (
            "application/json",
            &b"{\"title\": \"no text\"}"[..],
            400,
            "not an article",
        ),
        (
            "application/json",
            &b"{\"text\": \"   \"}"[..],
            400,
            "empty",
        ),
        (
            "application/x-ndjson",
            &b"{\"text\": \"Officials said it rained on Monday.\"}\n{oops\n"[..],
            400,
            "request:2",
        ),
        (
            "text/html",
            &b"<html><body><nav>Home</nav></body></html>"[..],
            400,
            "no article text",
        ),
        ("image/png", &b"\x89PNG"[..], 415, "Content-Type"),
        ("", &b"It rained."[..], 415, "Content-Type"),
    ] {
        let auth = format!("Bearer {TOKEN}");
        let mut headers = vec![("Authorization", auth.as_str())];
        if !content_type.is_empty() {
            headers.push(("Content-Type", content_type));
        }
        for path in ["/api/documents", "/api/analyze"] {
            let r = http::request(&s.addr, "POST", path, &headers, Some(body));
            assert_eq!(
                r.status,
                status,
                "{path} {content_type} {:?}: {}",
                String::from_utf8_lossy(body),
                r.text()
            );
            let error = r.json()["error"].as_str().unwrap().to_string();
            assert!(error.contains(says), "{error:?} should say {says:?}");
        }
    }
    assert_eq!(count(), before, "nothing was stored");
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn a_posted_article_is_stored_analyzed_resolved_and_found() {
    posted_articles_are_stored_analyzed_resolved_and_found(Server::with(Options {
        empty: true,
        token: Some(TOKEN),
        ..Options::default()
    }));
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
#[cfg_attr(
    not(has_pg),
    ignore = "needs PostgreSQL (set HEARSAY_TEST_PG=postgres://…)"
)]
fn a_posted_article_is_stored_analyzed_resolved_and_found_on_postgres() {
    let db = hearsay_test_pg::TestDatabase::create("serve");
    let s = Server::with(Options {
        token: Some(TOKEN),
        url: Some(db.url()),
        ..Options::default()
    });
    assert!(!s.log().contains(db.url()), "the log shows the password");
    posted_articles_are_stored_analyzed_resolved_and_found(s);
}

/// A server over an empty database takes an article, a page and a feed,
/// analyzes, stores and resolves them, and finds them again.
fn posted_articles_are_stored_analyzed_resolved_and_found(s: Server) {
    let r = s.post(
        "/api/documents",
        "application/json",
        seed_record().as_bytes(),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let added = r.json();
    assert_eq!(added["added"], 1);
    assert!(added["resolved"]["claims"].as_u64().unwrap() > 5, "{added}");
    let id = added["documents"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(
        r.header("location"),
        Some(format!("/api/documents/{id}").as_str())
    );

    let doc = s.json(&format!("/api/documents/{id}"));
    assert_eq!(doc["document"]["outlet"], "Babel");
    let attributions = doc["attributions"].as_array().unwrap().len();
    assert!(attributions >= 10, "{attributions}");
    assert_eq!(
        doc["claims"].as_array().unwrap().len(),
        attributions,
        "each attribution is a claim's mention"
    );
    let chains: Vec<&str> = doc["chains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["line"].as_str().unwrap())
        .collect();
    assert!(
        chains.iter().any(|c| c
            .to_lowercase()
            .starts_with("a senior european intelligence source")
            && c.ends_with("The Wall Street Journal → Babel")),
        "{chains:#?}"
    );
    let found = s.json("/api/claims?q=Khabarovsk");
    assert_eq!(found["total"], 1, "{found}");
    let mentions = s.json(&format!("/api/mentions?document={}", &id[..8]));
    assert_eq!(mentions["total"].as_u64().unwrap() as usize, attributions);
    let clusters = s.json("/api/clusters?limit=500");
    assert!(clusters["total"].as_u64().unwrap() > 0);

    let again = s.post(
        "/api/documents",
        "application/json",
        seed_record().as_bytes(),
    );
    assert_eq!(again.status, 200, "{}", again.text());
    assert_eq!(again.json()["unchanged"], 1);

    let page = b"<html><head><title>Dam report</title><meta property=\"og:site_name\" content=\"Valley Post\"></head>\
        <body><article><h1>Dam report</h1><p>The regional water authority said on Tuesday that the Dunreth dam \
        released 400 cubic metres of water a second during the storm, according to a statement.</p>\
        <p>Engineers told reporters that the gates would stay open until Friday.</p></article></body></html>";
    let r = s.post("/api/documents", "text/html", page);
    assert_eq!(r.status, 201, "{}", r.text());
    let feed = b"{\"text\": \"Police said on Monday that 12 people were arrested in Kaldis.\", \"outlet\": \"Kaldis Herald\"}\n\
        {\"text\": \"The mayor said the festival would go ahead on Saturday, officials confirmed.\", \"outlet\": \"Kaldis Herald\"}\n";
    let r = s.post("/api/documents", "application/x-ndjson", feed);
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["added"], 2);
    assert_eq!(s.json("/api/health")["documents"], 4);
    assert_eq!(s.json("/api/claims?q=arrested")["total"], 1);
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn concurrent_posts_of_one_article_store_it_once() {
    let s = Server::with(Options {
        empty: true,
        token: Some(TOKEN),
        ..Options::default()
    });
    let body = seed_record();
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..8)
            .map(|_| scope.spawn(|| s.post("/api/documents", "application/json", body.as_bytes())))
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap().status)
            .collect()
    });
    let created = statuses.iter().filter(|&&c| c == 201).count();
    let unchanged = statuses.iter().filter(|&&c| c == 200).count();
    assert_eq!((created, unchanged), (1, 7), "{statuses:?}");
    assert_eq!(s.json("/api/health")["documents"], 1);
    let doc = &s.json("/api/documents")["items"][0];
    let mentions = s.json(&format!(
        "/api/mentions?document={}&limit=500",
        doc["id"].as_str().unwrap()
    ));
    assert_eq!(
        mentions["total"], doc["claims"],
        "its attributions are stored once"
    );
    let graph = s.json("/api/export/graph");
    let attributions: Vec<(String, String)> = graph["claims"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["mentions"].as_array().unwrap().iter())
        .map(|m| {
            (
                m["document"].as_str().unwrap().to_string(),
                m["attribution"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let distinct: BTreeSet<_> = attributions.iter().collect();
    assert_eq!(
        distinct.len(),
        attributions.len(),
        "each attribution is one mention in the graph"
    );
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn analyze_answers_the_analysis_without_storing() {
    let s = Server::start();
    let before = s.json("/api/health")["documents"].clone();
    let r = s.post("/api/analyze", "application/json", seed_record().as_bytes());
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("content-type"), Some("application/json"));
    let a = r.json();
    assert_eq!(a["schema"], "hearsay.analysis/1");
    assert!(a["attributions"].as_array().unwrap().len() >= 10);
    let feed = b"{\"text\": \"Police said 12 people were arrested.\"}\n{\"text\": \"The mayor said it would rain.\"}\n";
    let r = s.post("/api/analyze", "application/x-ndjson", feed);
    assert_eq!(r.header("content-type"), Some("application/x-ndjson"));
    let lines: Vec<Value> = r
        .text()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(s.json("/api/health")["documents"], before, "nothing stored");
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn sigterm_stops_the_server_after_the_write_in_flight() {
    let mut s = Server::with(Options {
        empty: true,
        token: Some(TOKEN),
        ..Options::default()
    });
    let db = s.db.clone();
    let addr = s.addr.clone();
    // Forty articles: a write that takes a while.
    let dev = crate::support::shared().join("corpus/polnear/dev/text");
    let mut names: Vec<_> = std::fs::read_dir(&dev)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let body: String = names
        .iter()
        .take(40)
        .map(|p| {
            format!(
                "{}\n",
                serde_json::json!({"text": std::fs::read_to_string(p).unwrap()})
            )
        })
        .collect();
    let writer = std::thread::spawn(move || {
        let auth = format!("Bearer {TOKEN}");
        http::request(
            &addr,
            "POST",
            "/api/documents",
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/x-ndjson"),
            ],
            Some(body.as_bytes()),
        )
    });
    // The request is in flight once the server has asked for its body.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let log_before = s.log();
    let status = s.terminate();
    assert!(status.success(), "{status}");
    let answer = writer.join().unwrap();
    assert_eq!(
        answer.status,
        201,
        "the write in flight finished: {}\n{log_before}",
        answer.text()
    );
    assert_eq!(answer.json()["added"], 40);
    assert!(s.log().contains("shutting down"), "{}", s.log());
    let store = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = store
        .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 40);
    let check: String = store
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
#[cfg_attr(not(has_shared), ignore = "needs ../shared (set HEARSAY_SHARED)")]
fn pages_are_html_with_what_they_show_escaped() {
    let s = Server::with(Options {
        empty: true,
        token: Some(TOKEN),
        ..Options::default()
    });
    let hostile = serde_json::json!({
        "text": "<script>alert(1)</script> The ministry said on Monday that 40 ships had left port.",
        "title": "<img src=x onerror=alert(1)> Ships",
        "outlet": "Harbour \"News\"",
    });
    let r = s.post(
        "/api/documents",
        "application/json",
        hostile.to_string().as_bytes(),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["documents"][0]["id"].as_str().unwrap().to_string();
    for path in [
        "/".to_string(),
        format!("/documents/{id}"),
        "/sources".to_string(),
        "/?q=ships&in=text".to_string(),
    ] {
        let page = s.get(&path);
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(
            page.header("content-type"),
            Some("text/html; charset=utf-8")
        );
        assert!(
            page.header("content-security-policy")
                .unwrap()
                .contains("script-src 'self'")
        );
        let html = page.text();
        assert!(
            !html.contains("<script>alert") && !html.contains("<img src=x"),
            "{path} escapes"
        );
    }
    let article = s.get(&format!("/documents/{id}")).text();
    assert!(article.contains("&lt;img src=x onerror=alert(1)&gt; Ships"));
    assert!(article.contains("class=\"mk src\""), "the source is marked");
    let missing = s.get("/documents/ffffffffffff");
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("<h1>Not Found</h1>"));
    let css = s.get("/assets/style.css");
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert_eq!(s.get("/assets/nothing.js").status, 404);
}
