#!/usr/bin/env bash
# Streamed exports: `hearsay export` of a database of N articles in every format,
# each timed (wall and CPU seconds) with its peak RSS. Running two sizes shows
# whether memory grows with the graph (it should not: the writers hold one page
# of rows, or one Parquet row group).
#
# Usage: bench/export.sh [TEXT_DIR] [SIZE...]
#   TEXT_DIR  folder of .txt articles (default: $HEARSAY_SHARED/corpus/polnear/dev/text,
#             HEARSAY_SHARED defaulting to ../shared)
#   SIZE      numbers of articles (default: 1000 10000), rounded up to whole copies of TEXT_DIR
# Environment:
#   HEARSAY_BIN       a hearsay binary to use instead of building the release one
#   CARGO_TARGET_DIR  where cargo builds (default: target)
#   KEEP=1            keep the temporary folder (databases, exports) and print its path
#
# The database: `hearsay add TEXT_DIR` (analysed and resolved once), then its documents and
# graph copied in SQL as many times as SIZE needs, every id of a copy suffixed with its
# number. (Adding SIZE near-identical articles instead would time resolve's work on
# stories of hundreds of copies of one article, not the export.)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${HEARSAY_SHARED:-../shared}
[[ $shared = /* ]] || shared=$repo/$shared
texts=${1:-$shared/corpus/polnear/dev/text}
shift || true
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000)

[[ -d $texts ]] || { echo "export.sh: no folder $texts" >&2; exit 2; }
for n in "${sizes[@]}"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "export.sh: SIZE must be a positive integer, not '$n'" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "export.sh: needs GNU time at /usr/bin/time" >&2; exit 2; }

if [[ -n ${HEARSAY_BIN:-} ]]; then
    hearsay=$HEARSAY_BIN
else
    target=${CARGO_TARGET_DIR:-$repo/target}
    (cd "$repo" && CARGO_TARGET_DIR=$target cargo build --quiet --release -p hearsay-cli)
    hearsay=$target/release/hearsay
fi
[[ -x $hearsay ]] || { echo "export.sh: no hearsay binary at $hearsay" >&2; exit 2; }

work=$(mktemp -d)
if [[ ${KEEP:-0} == 1 ]]; then
    echo "keeping $work" >&2
else
    trap 'rm -rf "$work"' EXIT
fi

# copies BASE DB K: DB is BASE with its documents and graph K times over.
copies() {
    python3 - "$1" "$2" "$3" <<'PY'
import shutil, sqlite3, sys
base, db, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
shutil.copy(base, db)
con = sqlite3.connect(db)
step = con.execute("SELECT max(seq) + 1 FROM documents").fetchone()[0]
tables = {
    "documents": """INSERT INTO documents (seq, id, title, byline, outlet, url, published, path, language,
            text, chars, added_at, analyzer, analyzed_at, sentences)
        SELECT seq + :off, substr(id, 1, 58) || printf('%06d', :n), title, byline, outlet, url, published,
            path, language, text, chars, added_at, analyzer, analyzed_at, sentences FROM documents WHERE seq < :step""",
    "graph_entities": """INSERT INTO graph_entities SELECT id || :s, story || :s, name, type, kind, aliases,
            variants, affiliation || :s, country || :s, roles, documents FROM graph_entities WHERE id NOT LIKE '%-%'""",
    "graph_origins": """INSERT INTO graph_origins SELECT id || :s, story || :s, description, kind, entity || :s,
            reliability, reliability_reason, merged FROM graph_origins WHERE id NOT LIKE '%-%'""",
    "graph_claims": """INSERT INTO graph_claims SELECT id || :s, story || :s,
            CASE cluster WHEN '' THEN '' ELSE cluster || :s END, n, origin || :s, proposition, quantity,
            credibility, credibility_reason, mentions, documents, first_published
        FROM graph_claims WHERE id NOT LIKE '%-%'""",
    "graph_mentions": """INSERT INTO graph_mentions SELECT doc + :off, attribution, claim || :s, n, content, source,
            source_entity || :s, source_kind,
            (SELECT json_group_array(value || :s) FROM json_each(via)), hedge, headline
        FROM graph_mentions WHERE doc < :step""",
    "graph_clusters": """INSERT INTO graph_clusters SELECT id || :s, story || :s, subject, status,
            independent_origins, credibility, assessed_claim || :s, explanation, claims, first_published,
            last_published FROM graph_clusters WHERE id NOT LIKE '%-%'""",
    "graph_relations": """INSERT INTO graph_relations SELECT a || :s, b || :s, type, story || :s
        FROM graph_relations WHERE a NOT LIKE '%-%'""",
    "graph_timeline_points": """INSERT INTO graph_timeline_points SELECT cluster || :s, n, story || :s, subject,
            date, as_of, value, min, max, modality, claim || :s, origin || :s
        FROM graph_timeline_points WHERE cluster NOT LIKE '%-%'""",
}
for n in range(1, k):
    args = {"off": n * step, "n": n, "s": f"-{n}", "step": step}
    for sql in tables.values():
        con.execute(sql, args)
con.commit()
con.execute("VACUUM")
con.close()
PY
}

# timed NAME CMD...: runs CMD and appends "NAME wall user sys maxrss_kb".
timed() {
    local name=$1
    shift
    /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$@" > /dev/null
    echo "$name $(cat "$work/time")" >> "$work/results"
}

formats=(graph stix misp claimreview csv parquet)
: > "$work/results"
base=$work/base.db
timed "add $(ls "$texts" | grep -c '\.txt$')" "$hearsay" add "$texts" --db "$base"
per=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM documents').fetchone()[0])" "$base")
for n in "${sizes[@]}"; do
    k=$(( (n + per - 1) / per ))
    db=$work/export-$n.db
    copies "$base" "$db" "$k"
    read -r docs claims < <(python3 -c "
import sqlite3,sys; c=sqlite3.connect(sys.argv[1])
print(c.execute('SELECT COUNT(*) FROM documents').fetchone()[0], c.execute('SELECT COUNT(*) FROM graph_claims').fetchone()[0])" "$db")
    echo "db $n $docs $claims $(du -sb "$db" | cut -f1)" >> "$work/results"
    for f in "${formats[@]}"; do
        out=$work/out-$n-$f
        timed "$f $n" "$hearsay" export --format "$f" --db "$db" --out "$out"
        echo "size $f $n $(du -sb "$out" | cut -f1)" >> "$work/results"
        rm -rf "$out"
    done
    echo "$n articles done" >&2
done

python3 - "$work/results" "$("$hearsay" --version)" <<'PY'
import sys
results, version = sys.argv[1], sys.argv[2]
runs, dbs, sizes = {}, {}, {}
for line in open(results):
    p = line.split()
    if p[0] == "db":
        dbs[int(p[1])] = tuple(map(int, p[2:]))
    elif p[0] == "size":
        sizes[(p[1], int(p[2]))] = int(p[3])
    else:
        wall, user, sys_, rss = map(float, p[2:])
        runs[(p[0], int(p[1]))] = (wall, user + sys_, rss / 1024)
print(f"{version}; the dev texts added once, their documents and graph copied to each size")
for (mode, n), (wall, cpu, rss) in runs.items():
    if mode == "add":
        print(f"hearsay add of the {n} texts: {wall:.2f} s wall, {cpu:.2f} s CPU, peak RSS {rss:.1f} MB")
print(f"{'articles':>9} {'claims':>8} {'command':<30}{'wall s':>8}{'CPU s':>8}{'claims/CPU-s':>14}{'peak RSS MB':>13}{'output MB':>11}")
for n in sorted(dbs):
    docs, claims, size = dbs[n]
    print(f"{docs:>9} {claims:>8} {'(database: ' + format(size / 1e6, '.1f') + ' MB)':<30}")
    for mode in ["graph", "stix", "misp", "claimreview", "csv", "parquet"]:
        wall, cpu, rss = runs[(mode, n)]
        rate = f"{claims / cpu:>14.0f}" if cpu > 0 else f"{'':>14}"
        print(f"{docs:>9} {claims:>8} {'export --format ' + mode:<30}{wall:>8.2f}{cpu:>8.2f}{rate}{rss:>13.1f}"
              f"{sizes[(mode, n)] / 1e6:>11.1f}")
PY
