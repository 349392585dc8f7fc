//! The SQLite schema, as an ordered list of migrations.
//!
//! `PRAGMA user_version` holds how many migrations a database has had; opening
//! it applies the rest, each in its own transaction. Never edit a migration
//! that has shipped: add a new one.
//!
//! All offsets (`start`, `end`) are Unicode code points into `documents.text`.

/// The migrations, oldest first.
pub const MIGRATIONS: &[&str] = &[V1, V2];

const V1: &str = r#"
CREATE TABLE documents (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,          -- SHA-256 of text, hex
    title       TEXT,
    byline      TEXT,
    outlet      TEXT,
    url         TEXT,
    published   TEXT,
    path        TEXT,
    language    TEXT,
    text        TEXT NOT NULL,
    chars       INTEGER NOT NULL,
    added_at    TEXT NOT NULL,
    analyzer    TEXT NOT NULL,                 -- analyzer version of the stored layers
    analyzed_at TEXT NOT NULL
);
CREATE INDEX documents_analyzer ON documents(analyzer);

CREATE TABLE sentences (
    doc   INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    n     INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;

CREATE TABLE entities (
    doc   INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    id    TEXT NOT NULL,                       -- stable across documents
    n     INTEGER NOT NULL,
    name  TEXT NOT NULL,
    type  TEXT NOT NULL,
    kind  TEXT NOT NULL,
    PRIMARY KEY (doc, id)
) WITHOUT ROWID;
CREATE INDEX entities_id ON entities(id);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE mentions (
    doc       INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    n         INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (doc, entity_id, n)
) WITHOUT ROWID;
CREATE INDEX mentions_text ON mentions(text COLLATE NOCASE);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE attributions (
    seq             INTEGER PRIMARY KEY,
    doc             INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    id              TEXT NOT NULL,
    n               INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    cue_start       INTEGER NOT NULL,
    cue_end         INTEGER NOT NULL,
    cue_text        TEXT NOT NULL,
    cue_lemma       TEXT NOT NULL,
    source_start    INTEGER,
    source_end      INTEGER,
    source_text     TEXT,
    source_entity   TEXT,
    source_kind     TEXT,
    source_role     TEXT,
    hedge_start     INTEGER,
    hedge_end       INTEGER,
    hedge_text      TEXT,
    hedge_certainty TEXT,
    hedge_kind      TEXT,
    hedge_scope_start INTEGER,
    hedge_scope_end INTEGER,
    confidence      REAL NOT NULL,
    content_text    TEXT NOT NULL,             -- the content pieces joined by " … "
    UNIQUE (doc, id)
);
CREATE INDEX attributions_source_entity ON attributions(source_entity);

CREATE TABLE attribution_content (
    attribution INTEGER NOT NULL REFERENCES attributions(seq) ON DELETE CASCADE,
    n           INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (attribution, n)
) WITHOUT ROWID;

CREATE TABLE attribution_via (
    attribution INTEGER NOT NULL REFERENCES attributions(seq) ON DELETE CASCADE,
    n           INTEGER NOT NULL,              -- 0 = outermost (closest to the reader)
    text        TEXT NOT NULL,
    entity      TEXT,
    kind        TEXT NOT NULL,
    cue         TEXT,
    start       INTEGER,                       -- NULL when implied
    "end"       INTEGER,
    PRIMARY KEY (attribution, n)
) WITHOUT ROWID;
CREATE INDEX attribution_via_entity ON attribution_via(entity);

CREATE TABLE quantities (
    doc         INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    n           INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       REAL,
    min         REAL,
    max         REAL,
    unit        TEXT,
    approximate INTEGER NOT NULL,
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;

CREATE TABLE times (
    doc         INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    n           INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    start_date  TEXT,
    end_date    TEXT,
    granularity TEXT NOT NULL,
    anchor      TEXT NOT NULL,
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;

CREATE TABLE hedges (
    doc         INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    n           INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    certainty   TEXT NOT NULL,
    kind        TEXT NOT NULL,
    scope_start INTEGER NOT NULL,
    scope_end   INTEGER NOT NULL,
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;

CREATE TABLE flags (
    doc      INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    n        INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    entities TEXT NOT NULL,                    -- JSON array of entity ids
    mentions TEXT NOT NULL,                    -- JSON array of [start, end]
    note     TEXT NOT NULL,
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='seq'
);
CREATE VIRTUAL TABLE claims_fts USING fts5(
    content_text, source_text, content='attributions', content_rowid='seq'
);
"#;

/// Leaner rows for a faster writer: no text stored twice, no index that no
/// query uses, sentences as one value per document.
///
/// * `sentences` (some 40 rows per article, read only to show a document) becomes
///   `documents.sentences`, a JSON array of `[start, end]` pairs;
/// * `attribution_content` loses `text`, a copy of the document's text (the
///   claim queries cut it out of `documents.text`);
/// * `mentions` is keyed by `(doc, n)` (`n` counts the mentions of a document)
///   instead of carrying the entity id in its key, and loses the `mentions_entity`
///   index; `entities` loses `entities_id`. No query used either index.
const V2: &str = r#"
DROP INDEX entities_id;

CREATE TABLE mentions_v2 (
    doc       INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    n         INTEGER NOT NULL,                -- order in the document's analysis
    entity_id TEXT NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;
INSERT INTO mentions_v2 (doc, n, entity_id, start, "end", text)
    SELECT doc, n, entity_id, start, "end", text FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_v2 RENAME TO mentions;
CREATE INDEX mentions_text ON mentions(text COLLATE NOCASE);

ALTER TABLE attribution_content DROP COLUMN text;

ALTER TABLE documents ADD COLUMN sentences TEXT NOT NULL DEFAULT '[]';  -- [[start, end], ...]
UPDATE documents SET sentences = (
    SELECT json_group_array(json_array(start, "end") ORDER BY n) FROM sentences WHERE doc = documents.seq
);
DROP TABLE sentences;
"#;
