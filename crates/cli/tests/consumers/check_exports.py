"""Run each export format's real consumer on what `hearsay export` wrote.

    python check_exports.py DB DIR

DIR holds the exports of database DB: graph.json, bundle.json (STIX),
events-cluster.jsonl and events-document.jsonl (MISP), reviews.jsonld
(ClaimReview), csv/ and parquet/. Every consumer must accept its file and
every count must equal the database's (read here with sqlite3). Prints one
JSON object (the verdicts and counts) and exits 1 when anything fails.

Needs: stix2, stix2-validator, pymisp, pyld, duckdb, pyarrow (requirements.txt).
"""

import collections
import csv
import json
import os
import sqlite3
import sys

TABLES = {
    "documents": "SELECT COUNT(*) FROM documents",
    "entities": "SELECT COUNT(*) FROM graph_entities",
    "origins": "SELECT COUNT(*) FROM graph_origins",
    "claims": "SELECT COUNT(*) FROM graph_claims",
    "mentions": "SELECT COUNT(*) FROM graph_mentions",
    "clusters": "SELECT COUNT(*) FROM graph_clusters",
    "relations": "SELECT COUNT(*) FROM graph_relations",
}

# stix2-validator's warnings are all of "should" level; these are the ones an
# export from hearsay's ids is expected to draw (any other is reported as a failure
# so that it gets looked at).
EXPECTED_STIX_WARNINGS = {
    "103": "ids are UUIDv5s of hearsay's ids, as the issue asks, not UUIDv4s",
    "202": "notes are not a suggested source of corroborates/contradicts/updates",
    "302": "an article's URL has no hash of what it serves",
}

SCHEMA = "http://schema.org/"


class Checks:
    def __init__(self):
        self.failures = []
        self.report = {}

    def check(self, ok, message):
        if not ok:
            self.failures.append(message)

    def equal(self, what, got, want):
        self.check(got == want, f"{what}: {got} in the export, {want} in the database")


def database_counts(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    counts = {name: con.execute(sql).fetchone()[0] for name, sql in TABLES.items()}
    counts["assessed_clusters"] = con.execute(
        "SELECT COUNT(*) FROM graph_clusters WHERE assessed_claim IS NOT NULL"
    ).fetchone()[0]
    counts["clustered_claims"] = con.execute(
        "SELECT COUNT(*) FROM graph_claims WHERE cluster <> ''"
    ).fetchone()[0]
    con.close()
    return counts


def check_graph(c, path, db):
    graph = json.load(open(path, encoding="utf-8"))
    c.check(graph.get("schema") == "hearsay.graph/1", "graph: schema is not hearsay.graph/1")
    for name in ("documents", "entities", "origins", "claims", "clusters", "relations"):
        c.equal(f"graph {name}", len(graph[name]), db[name])
    c.equal("graph mentions", sum(len(x["mentions"]) for x in graph["claims"]), db["mentions"])


def check_stix(c, path, db):
    import stix2
    from stix2.confidence.scales import value_to_admiralty_credibility
    from stix2validator import ValidationOptions, validate_file

    result = validate_file(path, ValidationOptions(version="2.1"))
    errors = [str(e) for o in result.object_results for e in o.errors]
    warnings = [w for o in result.object_results for w in o.warnings]
    c.check(result.is_valid and not errors, f"stix2-validator: {errors[:5]}")
    codes = collections.Counter(str(w).split("{", 1)[1].split("}", 1)[0] for w in warnings)
    unexpected = sorted(set(codes) - set(EXPECTED_STIX_WARNINGS))
    c.check(not unexpected, f"stix2-validator: unexpected warnings {unexpected}: "
            f"{[str(w) for w in warnings if any('{' + u + '}' in str(w) for u in unexpected)][:5]}")

    bundle = stix2.parse(open(path, encoding="utf-8").read(), allow_custom=False)
    by_type = collections.Counter(o.type for o in bundle.objects)
    c.equal("STIX notes (one per claim)", by_type["note"], db["claims"])
    c.equal("STIX groupings (one per cluster)", by_type["grouping"], db["clusters"])
    c.equal("STIX reports (one per document)", by_type["report"], db["documents"])
    c.equal("STIX relationships (one per relation)", by_type["relationship"], db["relations"])
    ids = {o.id for o in bundle.objects}
    dangling = sorted(
        r for o in bundle.objects for r in getattr(o, "object_refs", []) if r not in ids
    )
    c.check(not dangling, f"STIX: object_refs to objects not in the bundle: {dangling[:5]}")
    graded = 0
    for note in (o for o in bundle.objects if o.type == "note"):
        label = next(x for x in note.labels if x.startswith("admiralty:"))
        digit = label[-1]
        if "confidence" in note:
            graded += 1
            words = value_to_admiralty_credibility(note.confidence)
            c.check(words.startswith(digit), f"STIX {note.id}: {label} but confidence {note.confidence} is '{words}'")
        else:
            c.check(digit == "6", f"STIX {note.id}: {label} without a confidence")
    c.report["stix"] = {
        "valid": result.is_valid,
        "errors": len(errors),
        "warnings": dict(sorted(codes.items())),
        "objects": dict(sorted(by_type.items())),
        "graded_notes": graded,
    }


def check_misp(c, path, want_events, per):
    from pymisp import MISPEvent

    events, claims, tags = 0, 0, collections.Counter()
    for line in open(path, encoding="utf-8"):
        event = MISPEvent()
        event.load(line)
        events += 1
        c.check(bool(event.info) and event.date is not None, f"MISP event {event.uuid}: no info or date")
        for a in event.attributes:
            if a.comment.startswith("Claim "):
                claims += 1
                names = [t.name for t in a.tags]
                c.check(
                    any(n.startswith('admiralty-scale:source-reliability="') for n in names)
                    and any(n.startswith('admiralty-scale:information-credibility="') for n in names),
                    f"MISP claim attribute {a.uuid}: no admiralty-scale tags",
                )
            tags.update(t.name.split("=")[0] for t in a.tags)
    c.equal(f"MISP events (one per {per})", events, want_events)
    c.report[f"misp_{per}"] = {"events": events, "claim_attributes": claims, "tags": dict(sorted(tags.items()))}
    return claims


def check_claimreview(c, path, db):
    from pyld import jsonld

    # No network here: schema.org's context is given as what it means for
    # these terms, its vocabulary.
    def loader(url, options=None):
        if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
            return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                    "document": {"@context": {"@vocab": SCHEMA}}}
        raise jsonld.JsonLdError("no network", "loading document failed", code="loading document failed")

    doc = json.load(open(path, encoding="utf-8"))
    expanded = jsonld.expand(doc, {"documentLoader": loader})
    reviews = [n for n in expanded if SCHEMA + "ClaimReview" in n.get("@type", [])]
    c.equal("ClaimReviews (one per assessed cluster)", len(reviews), db["assessed_clusters"])

    def one(node, prop):
        values = node.get(SCHEMA + prop, [])
        return values[0] if values else None

    for r in reviews:
        for prop in ("claimReviewed", "reviewRating", "itemReviewed", "author", "datePublished"):
            c.check(one(r, prop) is not None, f"ClaimReview {r['@id']}: no {prop}")
        rating, item = one(r, "reviewRating") or {}, one(r, "itemReviewed") or {}
        c.check(one(rating, "alternateName") is not None, f"ClaimReview {r['@id']}: rating without alternateName")
        c.check(SCHEMA + "Claim" in item.get("@type", []), f"ClaimReview {r['@id']}: itemReviewed is not a Claim")
        c.check(one(item, "author") is not None, f"ClaimReview {r['@id']}: the claim has no author")
        c.check(bool(item.get(SCHEMA + "appearance")), f"ClaimReview {r['@id']}: the claim has no appearance")
    c.report["claimreview"] = {"reviews": len(reviews)}


def records_end_in_crlf(raw):
    """Every line break outside a quoted field is CRLF (RFC 4180); inside one, any is data."""
    quoted = False
    for i, ch in enumerate(raw):
        if ch == '"':
            quoted = not quoted
        elif ch == "\n" and not quoted and (i == 0 or raw[i - 1] != "\r"):
            return False
    return raw.endswith("\r\n") and not quoted


def check_csv(c, folder, db):
    import duckdb

    con = duckdb.connect()
    report = {}
    for name in TABLES:
        path = os.path.join(folder, f"{name}.csv")
        with open(path, newline="", encoding="utf-8") as f:
            raw = f.read()
        c.check(records_end_in_crlf(raw), f"{name}.csv: a record does not end in CRLF")
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f, strict=True))
        c.equal(f"{name}.csv rows (Python csv)", len(rows) - 1, db[name])
        widths = {len(r) for r in rows}
        c.check(len(widths) == 1, f"{name}.csv: rows of {sorted(widths)} fields")
        n = con.execute(f"SELECT COUNT(*) FROM read_csv('{path}', header = true)").fetchone()[0]
        c.equal(f"{name}.csv rows (DuckDB read_csv)", n, db[name])
        report[name] = n
    types = {r[0]: r[1] for r in con.execute(
        f"DESCRIBE SELECT * FROM read_csv('{folder}/documents.csv')").fetchall()}
    c.check(types.get("id") == "VARCHAR", f"documents.csv: DuckDB reads id as {types.get('id')}")
    c.report["csv"] = report


def check_parquet(c, folder, db):
    import duckdb
    import pyarrow as pa
    import pyarrow.parquet as pq

    con = duckdb.connect()
    report = {}
    for name in TABLES:
        path = os.path.join(folder, f"{name}.parquet")
        table = pq.read_table(path)
        c.equal(f"{name}.parquet rows (pyarrow)", table.num_rows, db[name])
        n = con.execute(f"SELECT COUNT(*) FROM read_parquet('{path}')").fetchone()[0]
        c.equal(f"{name}.parquet rows (DuckDB)", n, db[name])
        report[name] = n
        for field in table.schema:
            if field.name in ("id", "claim", "cluster", "origin", "document", "a", "b", "credibility", "reliability"):
                c.check(pa.types.is_string(field.type), f"{name}.{field.name} is {field.type}, not a string")
            if field.name in ("published", "first_published", "quantity_as_of"):
                c.check(pa.types.is_date32(field.type), f"{name}.{field.name} is {field.type}, not a date")
    # The tables join as a researcher would join them.
    joined = con.execute(
        f"SELECT COUNT(*) FROM read_parquet('{folder}/claims.parquet') c "
        f"JOIN read_parquet('{folder}/origins.parquet') o ON o.id = c.origin"
    ).fetchone()[0]
    c.equal("claims joined to their origins (DuckDB)", joined, db["claims"])
    c.report["parquet"] = report


def main():
    db_path, folder = sys.argv[1], sys.argv[2]
    c = Checks()
    db = database_counts(db_path)
    c.report["database"] = db
    steps = [
        ("graph", lambda: check_graph(c, os.path.join(folder, "graph.json"), db)),
        ("stix", lambda: check_stix(c, os.path.join(folder, "bundle.json"), db)),
        ("misp", lambda: c.equal(
            "MISP claim attributes of the cluster events",
            check_misp(c, os.path.join(folder, "events-cluster.jsonl"), db["clusters"], "cluster"),
            db["clustered_claims"])),
        ("misp", lambda: check_misp(c, os.path.join(folder, "events-document.jsonl"), db["documents"], "document")),
        ("claimreview", lambda: check_claimreview(c, os.path.join(folder, "reviews.jsonld"), db)),
        ("csv", lambda: check_csv(c, os.path.join(folder, "csv"), db)),
        ("parquet", lambda: check_parquet(c, os.path.join(folder, "parquet"), db)),
    ]
    for name, step in steps:
        try:
            step()
        except Exception as e:  # a consumer that refuses the file
            c.failures.append(f"{name}: {type(e).__name__}: {e}")
    c.report["failures"] = c.failures
    print(json.dumps(c.report, sort_keys=True))
    sys.exit(1 if c.failures else 0)


if __name__ == "__main__":
    main()
