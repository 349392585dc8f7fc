//! The schema, as an ordered list of migrations in each dialect.
//!
//! [`MIGRATIONS`] are SQLite's, [`POSTGRES_MIGRATIONS`] the same steps in
//! PostgreSQL's dialect: migration N makes the same tables, columns and
//! indexes on both, so a schema version means one thing everywhere. SQLite
//! counts the migrations a file has had in `PRAGMA user_version`,
//! PostgreSQL in the one row of `hearsay_schema`; opening a database
//! applies the rest, each in its own transaction. Never edit a migration
//! that has shipped: add a new one, to both lists.
//!
//! All offsets (`start`, `end`) are Unicode code points into `documents.text`.

/// The SQLite migrations, oldest first.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6];

/// The PostgreSQL migrations, oldest first, one for each of [`MIGRATIONS`].
///
/// Where the dialects differ: integers are `BIGINT` (`seq` an identity
/// column), flags `BOOLEAN`; text columns compare byte by byte (`COLLATE "C"`,
/// SQLite's `BINARY`), so that lists come in the same order on both;
/// `COLLATE NOCASE` indexes are indexes on `lower(…)`; the FTS5 tables are
/// `tsvector` columns (`simple` configuration, one weight per FTS5 column,
/// see `fts.rs`) with GIN indexes; `WITHOUT ROWID` tables are plain tables
/// with a primary key.
pub const POSTGRES_MIGRATIONS: &[&str] = &[PG_V1, PG_V2, PG_V3, PG_V4, PG_V5, PG_V6];

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

/// The claim graph across articles (resolve): the facts resolve reads out of
/// each analysis, and the graph itself, so that queries never recompute it.
///
/// * `doc_facts`: one JSON value per document (`hearsay_resolve::DocFacts`),
///   written in the transaction that stores the document;
/// * `graph_*`: entities linked across articles (and which article entity went
///   where), origins, claims with their mentions, clusters, relations,
///   timeline points, and each cluster's history of assessments;
/// * `graph_stories`: which story (connected part of the graph) each document
///   belongs to, so that adding a document re-resolves only its story.
const V3: &str = r#"
CREATE TABLE doc_facts (
    doc     INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    facts   TEXT NOT NULL
);

CREATE TABLE graph_stories (
    doc   INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
    story TEXT NOT NULL
);
CREATE INDEX graph_stories_story ON graph_stories(story);

CREATE TABLE graph_keys (
    key  TEXT NOT NULL,
    doc  INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    PRIMARY KEY (key, doc)
) WITHOUT ROWID;
CREATE INDEX graph_keys_doc ON graph_keys(doc);

CREATE TABLE graph_entities (
    id          TEXT PRIMARY KEY,
    story       TEXT NOT NULL,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    aliases     TEXT NOT NULL,               -- JSON array
    variants    TEXT NOT NULL,               -- JSON array
    affiliation TEXT,
    country     TEXT,
    roles       TEXT NOT NULL,               -- JSON array
    documents   INTEGER NOT NULL
);
CREATE INDEX graph_entities_name ON graph_entities(name COLLATE NOCASE);
CREATE INDEX graph_entities_story ON graph_entities(story);

CREATE TABLE graph_entity_members (
    doc    INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    local  TEXT NOT NULL,                    -- the article entity id
    entity TEXT NOT NULL,
    PRIMARY KEY (doc, local)
) WITHOUT ROWID;
CREATE INDEX graph_entity_members_entity ON graph_entity_members(entity);

CREATE TABLE graph_aliases (
    alias  TEXT NOT NULL,
    entity TEXT NOT NULL,
    PRIMARY KEY (alias, entity)
) WITHOUT ROWID;
CREATE INDEX graph_aliases_nocase ON graph_aliases(alias COLLATE NOCASE);

CREATE TABLE graph_origins (
    id                 TEXT PRIMARY KEY,
    story              TEXT NOT NULL,
    description        TEXT NOT NULL,
    kind               TEXT NOT NULL,
    entity             TEXT,
    reliability        TEXT NOT NULL,
    reliability_reason TEXT NOT NULL,
    merged             TEXT NOT NULL         -- JSON array
);
CREATE INDEX graph_origins_story ON graph_origins(story);
CREATE INDEX graph_origins_entity ON graph_origins(entity);

CREATE TABLE graph_clusters (
    id                  TEXT PRIMARY KEY,
    story               TEXT NOT NULL,
    subject             TEXT NOT NULL,
    status              TEXT NOT NULL,
    independent_origins INTEGER NOT NULL,
    credibility         INTEGER,
    assessed_claim      TEXT,
    explanation         TEXT NOT NULL,
    claims              INTEGER NOT NULL,
    first_published     TEXT,
    last_published      TEXT
);
CREATE INDEX graph_clusters_story ON graph_clusters(story);
CREATE INDEX graph_clusters_status ON graph_clusters(status);

CREATE TABLE graph_claims (
    id                 TEXT PRIMARY KEY,
    story              TEXT NOT NULL,
    cluster            TEXT NOT NULL,
    n                  INTEGER NOT NULL,      -- order in the cluster
    origin             TEXT NOT NULL,
    proposition        TEXT NOT NULL,
    quantity           TEXT,                  -- JSON object
    credibility        INTEGER,
    credibility_reason TEXT NOT NULL,
    mentions           INTEGER NOT NULL,
    documents          INTEGER NOT NULL,
    first_published    TEXT
);
CREATE INDEX graph_claims_story ON graph_claims(story);
CREATE INDEX graph_claims_cluster ON graph_claims(cluster);
CREATE INDEX graph_claims_origin ON graph_claims(origin);

CREATE TABLE graph_mentions (
    doc           INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    attribution   TEXT NOT NULL,
    claim         TEXT NOT NULL,
    n             INTEGER NOT NULL,           -- order in the claim
    content       TEXT NOT NULL,
    source        TEXT,
    source_entity TEXT,
    source_kind   TEXT NOT NULL,
    via           TEXT NOT NULL,              -- JSON array of entity ids
    hedge         TEXT,
    headline      INTEGER NOT NULL,
    PRIMARY KEY (doc, attribution)
) WITHOUT ROWID;
CREATE INDEX graph_mentions_claim ON graph_mentions(claim);
CREATE INDEX graph_mentions_source_entity ON graph_mentions(source_entity);

CREATE TABLE graph_relations (
    a       TEXT NOT NULL,
    b       TEXT NOT NULL,
    type    TEXT NOT NULL,
    story   TEXT NOT NULL,
    PRIMARY KEY (a, b, type)
) WITHOUT ROWID;
CREATE INDEX graph_relations_b ON graph_relations(b);
CREATE INDEX graph_relations_story ON graph_relations(story);

CREATE TABLE graph_timeline_points (
    cluster  TEXT NOT NULL,
    n        INTEGER NOT NULL,
    story    TEXT NOT NULL,
    subject  TEXT NOT NULL,
    date     TEXT,
    as_of    TEXT,
    value    REAL,
    min      REAL,
    max      REAL,
    modality TEXT NOT NULL,
    claim    TEXT NOT NULL,
    origin   TEXT NOT NULL,
    PRIMARY KEY (cluster, n)
) WITHOUT ROWID;
CREATE INDEX graph_timeline_points_story ON graph_timeline_points(story);
CREATE INDEX graph_timeline_points_subject ON graph_timeline_points(subject COLLATE NOCASE);

CREATE TABLE graph_history (
    seq         INTEGER PRIMARY KEY,
    cluster     TEXT NOT NULL,
    at          TEXT NOT NULL,                -- when it was assessed (UTC)
    document    TEXT,                         -- the document whose arrival moved it
    status      TEXT NOT NULL,
    credibility INTEGER,
    assessed_claim TEXT,
    claims      INTEGER NOT NULL
);
CREATE INDEX graph_history_cluster ON graph_history(cluster);
"#;

/// The words a cue's own grammar names when they differ from the source
/// (`Source::cue_source`: the reporter of "X reported, citing Y", a relative
/// pronoun), what the brat output writes as the source.
const V4: &str = r#"
ALTER TABLE attributions ADD COLUMN cue_source_start INTEGER;
ALTER TABLE attributions ADD COLUMN cue_source_end INTEGER;
"#;

/// Language identification: `documents.language` (there since V1, where it held
/// what the page or feed declared) becomes the language the analyzer identified
/// from the text, with its confidence in [0, 1]. Documents stored before keep
/// their declared language and a NULL confidence until `hearsay add --reanalyze`
/// identifies them (the analyzer version changed with the new stage).
const V5: &str = r#"
ALTER TABLE documents ADD COLUMN language_confidence REAL;
"#;

/// Inputs held back from analysis (hearsay-ingest's quarantine): a document
/// (by id) or a file (by path) that a run of `hearsay add` died on.
///
/// * `state` `suspect`: it was being read or analyzed when a run died (it, or
///   another input of that moment, killed the run); the next run that meets it
///   tries it alone, in a child process, first;
/// * `state` `quarantined`: trying it alone killed the child too; it is skipped
///   until another analyzer version (or `hearsay add --retry-quarantined`).
const V6: &str = r#"
CREATE TABLE held (
    key         TEXT PRIMARY KEY,            -- document id, or 'file:' and the path
    kind        TEXT NOT NULL CHECK (kind IN ('document', 'file')),
    path        TEXT NOT NULL,               -- where it was read from
    fingerprint TEXT NOT NULL,               -- a file's size and modification time ('' for documents)
    state       TEXT NOT NULL CHECK (state IN ('suspect', 'quarantined')),
    reason      TEXT NOT NULL,
    analyzer    TEXT NOT NULL,               -- the analyzer version of the run that held it
    since       TEXT NOT NULL                -- when (UTC)
) WITHOUT ROWID;
"#;

/// [`V1`] on PostgreSQL. A document's search vector indexes its title and the
/// first 262,144 characters of its text (a `tsvector` holds at most 1 MB).
const PG_V1: &str = r#"
CREATE TABLE documents (
    seq         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    id          TEXT COLLATE "C" NOT NULL UNIQUE,
    title       TEXT COLLATE "C",
    byline      TEXT COLLATE "C",
    outlet      TEXT COLLATE "C",
    url         TEXT COLLATE "C",
    published   TEXT COLLATE "C",
    path        TEXT COLLATE "C",
    language    TEXT COLLATE "C",
    text        TEXT COLLATE "C" NOT NULL,
    chars       BIGINT NOT NULL,
    added_at    TEXT COLLATE "C" NOT NULL,
    analyzer    TEXT COLLATE "C" NOT NULL,
    analyzed_at TEXT COLLATE "C" NOT NULL,
    tsv         tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', coalesce(title, '')), 'A')
                    || setweight(to_tsvector('simple', left(text, 262144)), 'B')) STORED
);
CREATE INDEX documents_analyzer ON documents(analyzer);
CREATE INDEX documents_tsv ON documents USING gin (tsv);

CREATE TABLE sentences (
    doc   BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    n     BIGINT NOT NULL,
    start BIGINT NOT NULL,
    "end" BIGINT NOT NULL,
    PRIMARY KEY (doc, n)
);

CREATE TABLE entities (
    doc   BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    id    TEXT COLLATE "C" NOT NULL,
    n     BIGINT NOT NULL,
    name  TEXT COLLATE "C" NOT NULL,
    type  TEXT COLLATE "C" NOT NULL,
    kind  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (doc, id)
);
CREATE INDEX entities_id ON entities(id);
CREATE INDEX entities_name ON entities(lower(name));

CREATE TABLE mentions (
    doc       BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    entity_id TEXT COLLATE "C" NOT NULL,
    n         BIGINT NOT NULL,
    start     BIGINT NOT NULL,
    "end"     BIGINT NOT NULL,
    text      TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (doc, entity_id, n)
);
CREATE INDEX mentions_text ON mentions(lower(text));
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE attributions (
    seq             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    doc             BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    id              TEXT COLLATE "C" NOT NULL,
    n               BIGINT NOT NULL,
    kind            TEXT COLLATE "C" NOT NULL,
    cue_start       BIGINT NOT NULL,
    cue_end         BIGINT NOT NULL,
    cue_text        TEXT COLLATE "C" NOT NULL,
    cue_lemma       TEXT COLLATE "C" NOT NULL,
    source_start    BIGINT,
    source_end      BIGINT,
    source_text     TEXT COLLATE "C",
    source_entity   TEXT COLLATE "C",
    source_kind     TEXT COLLATE "C",
    source_role     TEXT COLLATE "C",
    hedge_start     BIGINT,
    hedge_end       BIGINT,
    hedge_text      TEXT COLLATE "C",
    hedge_certainty TEXT COLLATE "C",
    hedge_kind      TEXT COLLATE "C",
    hedge_scope_start BIGINT,
    hedge_scope_end BIGINT,
    confidence      DOUBLE PRECISION NOT NULL,
    content_text    TEXT COLLATE "C" NOT NULL,
    tsv             tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('simple', left(content_text, 262144)), 'A')
                        || setweight(to_tsvector('simple', coalesce(source_text, '')), 'B')) STORED,
    UNIQUE (doc, id)
);
CREATE INDEX attributions_source_entity ON attributions(source_entity);
CREATE INDEX attributions_tsv ON attributions USING gin (tsv);

CREATE TABLE attribution_content (
    attribution BIGINT NOT NULL REFERENCES attributions(seq) ON DELETE CASCADE,
    n           BIGINT NOT NULL,
    start       BIGINT NOT NULL,
    "end"       BIGINT NOT NULL,
    text        TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (attribution, n)
);

CREATE TABLE attribution_via (
    attribution BIGINT NOT NULL REFERENCES attributions(seq) ON DELETE CASCADE,
    n           BIGINT NOT NULL,
    text        TEXT COLLATE "C" NOT NULL,
    entity      TEXT COLLATE "C",
    kind        TEXT COLLATE "C" NOT NULL,
    cue         TEXT COLLATE "C",
    start       BIGINT,
    "end"       BIGINT,
    PRIMARY KEY (attribution, n)
);
CREATE INDEX attribution_via_entity ON attribution_via(entity);

CREATE TABLE quantities (
    doc         BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    n           BIGINT NOT NULL,
    start       BIGINT NOT NULL,
    "end"       BIGINT NOT NULL,
    text        TEXT COLLATE "C" NOT NULL,
    value       DOUBLE PRECISION,
    min         DOUBLE PRECISION,
    max         DOUBLE PRECISION,
    unit        TEXT COLLATE "C",
    approximate BOOLEAN NOT NULL,
    PRIMARY KEY (doc, n)
);

CREATE TABLE times (
    doc         BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    n           BIGINT NOT NULL,
    start       BIGINT NOT NULL,
    "end"       BIGINT NOT NULL,
    text        TEXT COLLATE "C" NOT NULL,
    start_date  TEXT COLLATE "C",
    end_date    TEXT COLLATE "C",
    granularity TEXT COLLATE "C" NOT NULL,
    anchor      TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (doc, n)
);

CREATE TABLE hedges (
    doc         BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    n           BIGINT NOT NULL,
    start       BIGINT NOT NULL,
    "end"       BIGINT NOT NULL,
    text        TEXT COLLATE "C" NOT NULL,
    certainty   TEXT COLLATE "C" NOT NULL,
    kind        TEXT COLLATE "C" NOT NULL,
    scope_start BIGINT NOT NULL,
    scope_end   BIGINT NOT NULL,
    PRIMARY KEY (doc, n)
);

CREATE TABLE flags (
    doc      BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    n        BIGINT NOT NULL,
    kind     TEXT COLLATE "C" NOT NULL,
    entities TEXT COLLATE "C" NOT NULL,
    mentions TEXT COLLATE "C" NOT NULL,
    note     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (doc, n)
);
"#;

/// [`V2`] on PostgreSQL.
const PG_V2: &str = r#"
DROP INDEX entities_id;

CREATE TABLE mentions_v2 (
    doc       BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    n         BIGINT NOT NULL,
    entity_id TEXT COLLATE "C" NOT NULL,
    start     BIGINT NOT NULL,
    "end"     BIGINT NOT NULL,
    text      TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (doc, n)
);
INSERT INTO mentions_v2 (doc, n, entity_id, start, "end", text)
    SELECT doc, n, entity_id, start, "end", text FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_v2 RENAME TO mentions;
CREATE INDEX mentions_text ON mentions(lower(text));

ALTER TABLE attribution_content DROP COLUMN text;

ALTER TABLE documents ADD COLUMN sentences TEXT COLLATE "C" NOT NULL DEFAULT '[]';
UPDATE documents SET sentences = coalesce((
    SELECT json_agg(json_build_array(start, "end") ORDER BY n)::text FROM sentences WHERE doc = documents.seq
), '[]');
DROP TABLE sentences;
"#;

/// [`V3`] on PostgreSQL.
const PG_V3: &str = r#"
CREATE TABLE doc_facts (
    doc     BIGINT PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    facts   TEXT COLLATE "C" NOT NULL
);

CREATE TABLE graph_stories (
    doc   BIGINT PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
    story TEXT COLLATE "C" NOT NULL
);
CREATE INDEX graph_stories_story ON graph_stories(story);

CREATE TABLE graph_keys (
    key  TEXT COLLATE "C" NOT NULL,
    doc  BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    PRIMARY KEY (key, doc)
);
CREATE INDEX graph_keys_doc ON graph_keys(doc);

CREATE TABLE graph_entities (
    id          TEXT COLLATE "C" PRIMARY KEY,
    story       TEXT COLLATE "C" NOT NULL,
    name        TEXT COLLATE "C" NOT NULL,
    type        TEXT COLLATE "C" NOT NULL,
    kind        TEXT COLLATE "C" NOT NULL,
    aliases     TEXT COLLATE "C" NOT NULL,
    variants    TEXT COLLATE "C" NOT NULL,
    affiliation TEXT COLLATE "C",
    country     TEXT COLLATE "C",
    roles       TEXT COLLATE "C" NOT NULL,
    documents   BIGINT NOT NULL
);
CREATE INDEX graph_entities_name ON graph_entities(lower(name));
CREATE INDEX graph_entities_story ON graph_entities(story);

CREATE TABLE graph_entity_members (
    doc    BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    local  TEXT COLLATE "C" NOT NULL,
    entity TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (doc, local)
);
CREATE INDEX graph_entity_members_entity ON graph_entity_members(entity);

CREATE TABLE graph_aliases (
    alias  TEXT COLLATE "C" NOT NULL,
    entity TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (alias, entity)
);
CREATE INDEX graph_aliases_nocase ON graph_aliases(lower(alias));

CREATE TABLE graph_origins (
    id                 TEXT COLLATE "C" PRIMARY KEY,
    story              TEXT COLLATE "C" NOT NULL,
    description        TEXT COLLATE "C" NOT NULL,
    kind               TEXT COLLATE "C" NOT NULL,
    entity             TEXT COLLATE "C",
    reliability        TEXT COLLATE "C" NOT NULL,
    reliability_reason TEXT COLLATE "C" NOT NULL,
    merged             TEXT COLLATE "C" NOT NULL
);
CREATE INDEX graph_origins_story ON graph_origins(story);
CREATE INDEX graph_origins_entity ON graph_origins(entity);

CREATE TABLE graph_clusters (
    id                  TEXT COLLATE "C" PRIMARY KEY,
    story               TEXT COLLATE "C" NOT NULL,
    subject             TEXT COLLATE "C" NOT NULL,
    status              TEXT COLLATE "C" NOT NULL,
    independent_origins BIGINT NOT NULL,
    credibility         BIGINT,
    assessed_claim      TEXT COLLATE "C",
    explanation         TEXT COLLATE "C" NOT NULL,
    claims              BIGINT NOT NULL,
    first_published     TEXT COLLATE "C",
    last_published      TEXT COLLATE "C"
);
CREATE INDEX graph_clusters_story ON graph_clusters(story);
CREATE INDEX graph_clusters_status ON graph_clusters(status);

CREATE TABLE graph_claims (
    id                 TEXT COLLATE "C" PRIMARY KEY,
    story              TEXT COLLATE "C" NOT NULL,
    cluster            TEXT COLLATE "C" NOT NULL,
    n                  BIGINT NOT NULL,
    origin             TEXT COLLATE "C" NOT NULL,
    proposition        TEXT COLLATE "C" NOT NULL,
    quantity           TEXT COLLATE "C",
    credibility        BIGINT,
    credibility_reason TEXT COLLATE "C" NOT NULL,
    mentions           BIGINT NOT NULL,
    documents          BIGINT NOT NULL,
    first_published    TEXT COLLATE "C"
);
CREATE INDEX graph_claims_story ON graph_claims(story);
CREATE INDEX graph_claims_cluster ON graph_claims(cluster);
CREATE INDEX graph_claims_origin ON graph_claims(origin);

CREATE TABLE graph_mentions (
    doc           BIGINT NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    attribution   TEXT COLLATE "C" NOT NULL,
    claim         TEXT COLLATE "C" NOT NULL,
    n             BIGINT NOT NULL,
    content       TEXT COLLATE "C" NOT NULL,
    source        TEXT COLLATE "C",
    source_entity TEXT COLLATE "C",
    source_kind   TEXT COLLATE "C" NOT NULL,
    via           TEXT COLLATE "C" NOT NULL,
    hedge         TEXT COLLATE "C",
    headline      BOOLEAN NOT NULL,
    PRIMARY KEY (doc, attribution)
);
CREATE INDEX graph_mentions_claim ON graph_mentions(claim);
CREATE INDEX graph_mentions_source_entity ON graph_mentions(source_entity);

CREATE TABLE graph_relations (
    a       TEXT COLLATE "C" NOT NULL,
    b       TEXT COLLATE "C" NOT NULL,
    type    TEXT COLLATE "C" NOT NULL,
    story   TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (a, b, type)
);
CREATE INDEX graph_relations_b ON graph_relations(b);
CREATE INDEX graph_relations_story ON graph_relations(story);

CREATE TABLE graph_timeline_points (
    cluster  TEXT COLLATE "C" NOT NULL,
    n        BIGINT NOT NULL,
    story    TEXT COLLATE "C" NOT NULL,
    subject  TEXT COLLATE "C" NOT NULL,
    date     TEXT COLLATE "C",
    as_of    TEXT COLLATE "C",
    value    DOUBLE PRECISION,
    min      DOUBLE PRECISION,
    max      DOUBLE PRECISION,
    modality TEXT COLLATE "C" NOT NULL,
    claim    TEXT COLLATE "C" NOT NULL,
    origin   TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (cluster, n)
);
CREATE INDEX graph_timeline_points_story ON graph_timeline_points(story);
CREATE INDEX graph_timeline_points_subject ON graph_timeline_points(lower(subject));

CREATE TABLE graph_history (
    seq         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    cluster     TEXT COLLATE "C" NOT NULL,
    at          TEXT COLLATE "C" NOT NULL,
    document    TEXT COLLATE "C",
    status      TEXT COLLATE "C" NOT NULL,
    credibility BIGINT,
    assessed_claim TEXT COLLATE "C",
    claims      BIGINT NOT NULL
);
CREATE INDEX graph_history_cluster ON graph_history(cluster);
"#;

/// [`V4`] on PostgreSQL.
const PG_V4: &str = r#"
ALTER TABLE attributions ADD COLUMN cue_source_start BIGINT;
ALTER TABLE attributions ADD COLUMN cue_source_end BIGINT;
"#;

/// [`V5`] on PostgreSQL.
const PG_V5: &str = r#"
ALTER TABLE documents ADD COLUMN language_confidence DOUBLE PRECISION;
"#;

/// [`V6`] on PostgreSQL.
const PG_V6: &str = r#"
CREATE TABLE held (
    key         TEXT COLLATE "C" PRIMARY KEY,
    kind        TEXT COLLATE "C" NOT NULL CHECK (kind IN ('document', 'file')),
    path        TEXT COLLATE "C" NOT NULL,
    fingerprint TEXT COLLATE "C" NOT NULL,
    state       TEXT COLLATE "C" NOT NULL CHECK (state IN ('suspect', 'quarantined')),
    reason      TEXT COLLATE "C" NOT NULL,
    analyzer    TEXT COLLATE "C" NOT NULL,
    since       TEXT COLLATE "C" NOT NULL
);
"#;
