//! The SQLite store: round trips, re-analysis, queries, migrations.

mod backends;

use hearsay_core::*;
use hearsay_store::{ClaimQuery, Database, DocQuery, PutOutcome, Store, StoreError};

const TEXT: &str = "The DPRK has sent 1,500 troops, Seoulʼs NIS reported. \
Analysts said North Korea could send more in October.";

fn span(s: &str, nth: usize) -> Span {
    let i = TEXT.match_indices(s).nth(nth).unwrap().0;
    Span::new(i, i + s.len())
}

/// An analysis with every layer filled, the way the analyzer stages fill them.
fn full(analyzer: &str) -> Analysis {
    let mut doc = Document::new(TEXT);
    doc.title = Some("Troops".into());
    doc.outlet = Some("Babel".into());
    doc.published = Some("2024-10-21".into());
    doc.language = Some("en".into());
    doc.language_confidence = Some(0.97);
    let mut a = Analysis::empty(doc, analyzer);
    a.sentences = vec![
        Sentence {
            span: span("The DPRK has sent 1,500 troops, Seoulʼs NIS reported.", 0),
            tokens: 0..0,
        },
        Sentence {
            span: span("Analysts said North Korea could send more in October.", 0),
            tokens: 0..0,
        },
    ];
    a.entities = vec![
        Entity {
            id: "gpe:north-korea".into(),
            name: "North Korea".into(),
            etype: EntityType::Gpe,
            kind: EntityKind::Country,
            mentions: vec![
                Mention {
                    span: span("DPRK", 0),
                    tokens: 0..0,
                },
                Mention {
                    span: span("North Korea", 0),
                    tokens: 0..0,
                },
            ],
        },
        Entity {
            id: "org:nis".into(),
            name: "National Intelligence Service (South Korea)".into(),
            etype: EntityType::Org,
            kind: EntityKind::GovernmentAgency,
            mentions: vec![Mention {
                span: span("NIS", 0),
                tokens: 0..0,
            }],
        },
    ];
    let hedge = Hedge {
        span: span("could", 0),
        certainty: Certainty::Possible,
        kind: HedgeKind::Hedge,
        scope: span("North Korea could send more in October", 0),
    };
    a.attributions = vec![
        Attribution {
            id: "a1".into(),
            kind: AttributionKind::Indirect,
            cue: Cue {
                span: span("reported", 0),
                lemma: "report".into(),
            },
            source: Some(Source {
                span: span("Seoulʼs NIS", 0),
                entity: Some("org:nis".into()),
                kind: SourceKind::GovernmentAgency,
                role: None,
                cue_source: None,
            }),
            content: vec![span("The DPRK has sent 1,500 troops", 0)],
            via: vec![ViaLink {
                span: Span::default(),
                text: "Babel".into(),
                entity: None,
                kind: SourceKind::NewsOutlet,
                cue: None,
            }],
            hedge: None,
            confidence: 0.75,
        },
        Attribution {
            id: "a2".into(),
            kind: AttributionKind::Indirect,
            cue: Cue {
                span: span("said", 0),
                lemma: "say".into(),
            },
            source: Some(Source {
                span: span("Analysts", 0),
                entity: None,
                kind: SourceKind::AnonymousGroup,
                role: Some("analysts".into()),
                cue_source: None,
            }),
            content: vec![span("North Korea could send more in October", 0)],
            via: vec![],
            hedge: Some(hedge.clone()),
            confidence: 0.5,
        },
    ];
    a.quantities = vec![Quantity {
        span: span("1,500 troops", 0),
        value: Some(1500.0),
        min: None,
        max: None,
        unit: Some("troops".into()),
        approximate: false,
    }];
    a.times = vec![TimeExpr {
        span: span("October", 0),
        start_date: Some("2024-10-01".into()),
        end_date: Some("2024-10-31".into()),
        granularity: TimeGranularity::Month,
        anchor: TimeAnchor::Publication,
    }];
    a.hedges = vec![hedge];
    a.flags = vec![Flag {
        kind: FlagKind::UnresolvedSource,
        entities: vec![],
        mentions: vec![span("Analysts", 0)],
        note: "who are the analysts?".into(),
    }];
    a
}

on_both! {
    fn a_full_analysis_round_trips(store) {
        let a = full("v1");
        assert_eq!(store.put(&a).unwrap(), PutOutcome::Added);
        let back = store.analysis(&a.document.id).unwrap();
        assert_eq!(back, a);
    }
}

on_both! {
    fn same_analyzer_is_a_no_op_and_a_new_one_replaces_layers(store) {
        let a = full("v1");
        store.put(&a).unwrap();
        assert_eq!(store.put(&a).unwrap(), PutOutcome::Unchanged);
        assert_eq!(store.stale("v2").unwrap(), vec![a.document.id.clone()]);
        let mut b = full("v2");
        b.attributions.truncate(1);
        assert_eq!(store.put(&b).unwrap(), PutOutcome::Reanalyzed);
        assert!(store.stale("v2").unwrap().is_empty());
        assert_eq!(store.analysis(&a.document.id).unwrap(), b);
        // the old claim is gone from the full-text index too
        let q = ClaimQuery {
            search: Some("October".into()),
            ..Default::default()
        };
        assert!(store.claims(&q).unwrap().is_empty());
        assert_eq!(store.count().unwrap(), 1);
    }
}

on_both! {
    fn claims_by_entity_match_aliases_in_content_and_sources(store) {
        store.put(&full("v1")).unwrap();
        let by = |e: &str| {
            let q = ClaimQuery {
                entity: Some(e.into()),
                ..Default::default()
            };
            store
                .claims(&q)
                .unwrap()
                .into_iter()
                .map(|c| c.id)
                .collect::<Vec<_>>()
        };
        // "DPRK" is a mention of North Korea inside a1's content; a2's content names North Korea.
        assert_eq!(by("north korea"), ["a1", "a2"]);
        assert_eq!(by("DPRK"), ["a1", "a2"]);
        // NIS is a1's source.
        assert_eq!(by("National Intelligence Service (South Korea)"), ["a1"]);
        assert!(by("Ukraine").is_empty());
    }
}

on_both! {
    fn claims_by_source_and_search(store) {
        store.put(&full("v1")).unwrap();
        let q = ClaimQuery {
            source: Some("intelligence".into()),
            ..Default::default()
        };
        let claims = store.claims(&q).unwrap();
        assert_eq!(claims.len(), 1);
        let c = &claims[0];
        assert_eq!(c.source.as_ref().unwrap().span.text, "Seoulʼs NIS");
        assert_eq!(
            c.source.as_ref().unwrap().name.as_deref(),
            Some("National Intelligence Service (South Korea)")
        );
        assert_eq!(c.content[0].text, "The DPRK has sent 1,500 troops");
        assert_eq!((c.cue.span.start, c.cue.span.end), (44, 52)); // code points: "ʼ" is one
        assert_eq!(c.via[0].text, "Babel");
        assert_eq!(c.document.title.as_deref(), Some("Troops"));
        let q = ClaimQuery {
            search: Some("send AND october".into()),
            ..Default::default()
        };
        let claims = store.claims(&q).unwrap();
        let hedge = claims[0].hedge.as_ref().expect("a hedge");
        assert_eq!(hedge.text, "could");
        assert_eq!(
            (hedge.certainty, hedge.kind),
            (Certainty::Possible, HedgeKind::Hedge)
        );
        let q = ClaimQuery {
            search: Some("\"unbalanced".into()),
            ..Default::default()
        };
        let r = store.claims(&q);
        assert!(matches!(r, Err(StoreError::BadQuery { .. })), "{r:?}");
        let q = ClaimQuery {
            source: Some("%".into()),
            ..Default::default()
        };
        assert!(store.claims(&q).unwrap().is_empty());
        // Past SQLite's 50,000-byte LIKE patterns: refused with the limit, in one line.
        let q = ClaimQuery {
            source: Some("NIS ".repeat(25_000)),
            ..Default::default()
        };
        let err = store.claims(&q).unwrap_err();
        assert!(
            matches!(err, StoreError::FilterTooLong { len: 100_000, .. }),
            "{err:?}"
        );
        assert!(
            err.to_string().ends_with("filters are at most 1000 bytes"),
            "{err}"
        );
        let q = ClaimQuery {
            source: Some("seoulʼs nis".into()),
            ..Default::default()
        };
        assert_eq!(store.claims(&q).unwrap().len(), 1, "ASCII case is folded");
        let q = ClaimQuery {
            limit: Some(1),
            ..Default::default()
        };
        assert_eq!(store.claims(&q).unwrap().len(), 1);
    }
}

on_both! {
    fn documents_list_and_resolve_prefixes(store) {
        let a = full("v1");
        store.put(&a).unwrap();
        store
            .put(&Analysis::empty(Document::new("Another text."), "v1"))
            .unwrap();
        let docs = store.documents(&DocQuery::default()).unwrap();
        assert_eq!(docs.len(), 2);
        let troops = docs
            .iter()
            .find(|d| d.title.as_deref() == Some("Troops"))
            .unwrap();
        assert_eq!(
            (troops.claims, troops.entities, troops.chars),
            (2, 2, TEXT.chars().count())
        );
        let found = store
            .documents(&DocQuery {
                search: Some("troops".into()),
                ..DocQuery::default()
            })
            .unwrap();
        assert_eq!(found.len(), 1);
        let id = a.document.id.clone();
        assert_eq!(store.resolve(&id.as_str()[..8]).unwrap(), id);
        assert_eq!(store.resolve(&id.as_str().to_uppercase()).unwrap(), id);
        assert!(matches!(store.resolve("zz"), Err(StoreError::NotFound(_))));
        assert!(matches!(store.resolve(""), Err(StoreError::NotFound(_))));
    }
}

#[test]
fn files_persist_and_newer_schemas_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.db");
    {
        let mut store = Database::open(&path).unwrap();
        store.put(&full("v1")).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            hearsay_store::schema::MIGRATIONS.len() as i64
        );
    }
    let store = Database::open(&path).unwrap();
    assert_eq!(store.count().unwrap(), 1);
    assert_eq!(store.integrity_check().unwrap().as_deref(), Some("ok"));
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = Database::open(&path).err().unwrap();
    assert!(err.to_string().contains("schema version 99"), "{err}");
}

#[test]
fn a_version_1_database_is_migrated_without_losing_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    let id = Document::new(TEXT).id;
    let (s1, s2) = (
        span("The DPRK has sent 1,500 troops, Seoulʼs NIS reported.", 0),
        span("Analysts said North Korea could send more in October.", 0),
    );
    let chars = |s: Span| {
        (
            TEXT[..s.start].chars().count() as i64,
            TEXT[..s.end].chars().count() as i64,
        )
    };
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(hearsay_store::schema::MIGRATIONS[0])
            .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO documents (seq, id, title, text, chars, added_at, analyzer, analyzed_at)
             VALUES (1, ?1, 'Troops', ?2, ?3, '2026-01-01T00:00:00Z', 'old', '2026-01-01T00:00:00Z')",
            rusqlite::params![id.as_str(), TEXT, TEXT.chars().count() as i64],
        )
        .unwrap();
        for (n, s) in [s1, s2].into_iter().enumerate() {
            let (start, end) = chars(s);
            conn.execute(
                "INSERT INTO sentences (doc, n, start, \"end\") VALUES (1, ?1, ?2, ?3)",
                rusqlite::params![n as i64, start, end],
            )
            .unwrap();
        }
        conn.execute(
            "INSERT INTO entities (doc, id, n, name, type, kind)
             VALUES (1, 'gpe:north-korea', 0, 'North Korea', 'GPE', 'country')",
            [],
        )
        .unwrap();
        for (n, s) in [span("DPRK", 0), span("North Korea", 0)]
            .into_iter()
            .enumerate()
        {
            let (start, end) = chars(s);
            conn.execute(
                "INSERT INTO mentions (doc, entity_id, n, start, \"end\", text)
                 VALUES (1, 'gpe:north-korea', ?1, ?2, ?3, ?4)",
                rusqlite::params![n as i64, start, end, s.text(TEXT)],
            )
            .unwrap();
        }
    }
    let store = Database::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        hearsay_store::schema::MIGRATIONS.len() as i64
    );
    assert_eq!(store.integrity_check().unwrap().as_deref(), Some("ok"));
    let back = store.analysis(&id).unwrap();
    assert_eq!(back.document.text, TEXT);
    assert_eq!(
        back.sentences.iter().map(|s| s.span).collect::<Vec<_>>(),
        vec![s1, s2]
    );
    assert_eq!(back.entities.len(), 1);
    assert_eq!(
        back.entities[0]
            .mentions
            .iter()
            .map(|m| m.span)
            .collect::<Vec<_>>(),
        vec![span("DPRK", 0), span("North Korea", 0)]
    );
    assert_eq!(store.stale("new").unwrap(), vec![id]);
}

#[test]
fn a_version_3_database_keeps_its_declared_languages_until_reanalyzed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    let id = Document::new(TEXT).id;
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        for m in &hearsay_store::schema::MIGRATIONS[..3] {
            conn.execute_batch(m).unwrap();
        }
        conn.pragma_update(None, "user_version", 3).unwrap();
        conn.execute(
            "INSERT INTO documents (seq, id, title, language, text, chars, added_at, analyzer, analyzed_at)
             VALUES (1, ?1, 'Troops', 'de', ?2, ?3, '2026-01-01T00:00:00Z', 'old', '2026-01-01T00:00:00Z')",
            rusqlite::params![id.as_str(), TEXT, TEXT.chars().count() as i64],
        )
        .unwrap();
    }
    let mut store = Database::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        hearsay_store::schema::MIGRATIONS.len() as i64
    );
    assert_eq!(store.integrity_check().unwrap().as_deref(), Some("ok"));
    let before = store.document(&id).unwrap();
    assert_eq!(before.language.as_deref(), Some("de"));
    assert_eq!(before.language_confidence, None);
    // Re-analysis identifies the language: the row takes the new one.
    let mut again = full("new");
    again.document.language = Some("en".into());
    again.document.language_confidence = Some(0.93);
    assert_eq!(store.put(&again).unwrap(), PutOutcome::Reanalyzed);
    let after = store.document(&id).unwrap();
    assert_eq!(after.language.as_deref(), Some("en"));
    assert_eq!(after.language_confidence, Some(0.93));
}

on_both! {
    fn documents_and_claims_page_by_offset_count_up_to_a_cap_and_filter_by_date(store) {
        store.put(&full("v1")).unwrap();
        let mut undated = Analysis::empty(Document::new("Another text."), "v1");
        undated.document.title = Some("Undated".into());
        store.put(&undated).unwrap();
        let page = |offset| DocQuery {
            limit: Some(1),
            offset,
            ..DocQuery::default()
        };
        let titles = |q: &DocQuery| -> Vec<Option<String>> {
            store
                .documents(q)
                .unwrap()
                .into_iter()
                .map(|d| d.title)
                .collect()
        };
        // Newest first, one per page.
        assert_eq!(titles(&page(0)), [Some("Undated".to_string())]);
        assert_eq!(titles(&page(1)), [Some("Troops".to_string())]);
        assert!(titles(&page(2)).is_empty());
        assert_eq!(store.count_documents(&page(1), 100).unwrap(), 2);
        assert_eq!(store.count_documents(&page(0), 1).unwrap(), 1);

        let claims = |q: ClaimQuery| -> Vec<String> {
            store
                .claims(&q)
                .unwrap()
                .into_iter()
                .map(|c| c.id)
                .collect()
        };
        let second = ClaimQuery {
            limit: Some(1),
            offset: 1,
            ..ClaimQuery::default()
        };
        assert_eq!(claims(second.clone()), ["a2"]);
        assert_eq!(store.count_claims(&second, 100).unwrap(), 2);
        let dated = |since: Option<&str>, until: Option<&str>| ClaimQuery {
            since: since.map(String::from),
            until: until.map(String::from),
            ..ClaimQuery::default()
        };
        // The claims' document was published on 2024-10-21.
        assert_eq!(
            claims(dated(Some("2024-10-21"), Some("2024-10-21"))),
            ["a1", "a2"]
        );
        assert!(claims(dated(Some("2024-10-22"), None)).is_empty());
        assert!(claims(dated(None, Some("2024-10-20"))).is_empty());
        let by_entity = ClaimQuery {
            entity: Some("DPRK".into()),
            ..ClaimQuery::default()
        };
        assert_eq!(store.count_claims(&by_entity, 100).unwrap(), 2);
        let bad = ClaimQuery {
            search: Some("\"open".into()),
            ..ClaimQuery::default()
        };
        assert!(matches!(
            store.count_claims(&bad, 10),
            Err(StoreError::BadQuery { .. })
        ));
    }
}

on_both! {
    fn an_ambiguous_prefix_reports_how_many_documents_match(store) {
        let analyses: Vec<Analysis> = (0..1200)
            .map(|i| Analysis::empty(Document::new(format!("Report number {i}.")), "v1"))
            .collect();
        let puts: Vec<hearsay_store::Put> = analyses
            .iter()
            .map(|a| hearsay_store::Put {
                analysis: a,
                facts: None,
            })
            .collect();
        assert!(store.put_batch(&puts).iter().all(Result::is_ok));
        let expected = analyses
            .iter()
            .filter(|a| a.document.id.as_str().starts_with('a'))
            .count();
        assert!(expected > 50, "{expected}");
        match store.resolve("a") {
            Err(StoreError::Ambiguous { count, .. }) => assert_eq!(count, expected),
            other => panic!("{other:?}"),
        }
    }
}

on_both! {
    /// The FTS5 query syntax gives the same documents on both databases
    /// (the expected lists are FTS5's own answers).
    fn searches_take_the_fts5_syntax(store) {
        let docs = [
            ("one", "x"),
            ("two", "x"),
            ("three", "x"),
            ("one two", "x"),
            ("one three", "x"),
            ("two three", "x"),
            ("one two three", "x"),
            ("x", "one"),
            ("new york", "x"),
            ("york new", "x"),
            ("mail", "an e-mail arrived"),
        ];
        for (i, (title, text)) in docs.iter().enumerate() {
            let mut d = Document::new(format!("{text} zz{i}"));
            d.title = Some(title.to_string());
            d.path = Some((i + 1).to_string());
            store.put(&Analysis::empty(d, "v1")).unwrap();
        }
        let found = |q: &str| -> Result<Vec<usize>, StoreError> {
            let mut n: Vec<usize> = store
                .documents(&DocQuery {
                    search: Some(q.into()),
                    ..DocQuery::default()
                })?
                .into_iter()
                .map(|d| d.path.unwrap().parse().unwrap())
                .collect();
            n.sort();
            Ok(n)
        };
        for (q, expected) in [
            ("one two OR three", &[3, 4, 5, 6, 7][..]),
            ("one OR two NOT three", &[1, 2, 4, 5, 7, 8]),
            ("one two NOT three", &[4]),
            ("one NOT two three", &[1, 4, 5, 8]),
            ("one AND two OR three", &[3, 4, 5, 6, 7]),
            ("one OR two AND three", &[1, 4, 5, 6, 7, 8]),
            ("two NOT three NOT one", &[2]),
            ("(one OR two) NOT three", &[1, 2, 4, 8]),
            ("\"new york\"", &[9]),
            ("new york", &[9, 10]),
            ("new+york", &[9]),
            ("ne*", &[9, 10]),
            ("\"new yo\"*", &[9]),
            ("ONE", &[1, 4, 5, 7, 8]),
            ("title:one", &[1, 4, 5, 7]),
            ("text:one", &[8]),
            ("{title text}:one", &[1, 4, 5, 7, 8]),
            ("-title:one", &[8]),
            ("title:(one OR two)", &[1, 2, 4, 5, 6, 7]),
            ("title:one two", &[4, 7]),
            ("\"one-two\"", &[4, 7]),
            ("one \".\"", &[1, 4, 5, 7, 8]),
            ("\".\"", &[]),
            ("\"e-mail\"", &[11]),
            ("e mail", &[11]),
        ] {
            assert_eq!(found(q).unwrap(), expected, "{q}");
        }
        for bad in ["\"open", "one AND", "a.b", "NOT one", "nosuch:one"] {
            assert!(
                matches!(found(bad), Err(StoreError::BadQuery { .. })),
                "{bad}: {:?}",
                found(bad)
            );
        }
    }
}
