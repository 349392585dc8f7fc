#!/usr/bin/env bash
# PostgreSQL against SQLite: `hearsay add` of N articles by 1, 2 and 4 workers at
# once (each worker adding its own share of the articles, as ingest machines each
# reading their own feeds would) into a fresh database of each kind, then the
# latency of `hearsay claims --entity NAME` and `hearsay clusters` on the
# databases the single worker filled.
#
# Usage: bench/postgres.sh [TEXT_DIR] [N]
#   TEXT_DIR  folder of .txt articles to copy (default: $HEARSAY_SHARED/corpus/polnear/train/text,
#             HEARSAY_SHARED defaulting to ../shared)
#   N         articles (default 10000): the texts of TEXT_DIR taken in turn, each with a
#             numbered line appended, so that every one has its own id
# Environment:
#   HEARSAY_BIN       a hearsay binary to use instead of building the release one
#   HEARSAY_BENCH_PG  a postgres:// URL of a role that may create databases; without it a
#                     throwaway server is started with .ci/postgres (default settings: fsync on)
#   WORKERS           the worker counts to run (default "1 2 4")
#   ENTITY            the entity of the `claims --entity` query (default "Trump")
#   BENCH_DIR         where to put the articles and databases (default: a new folder in $TMPDIR)
#   KEEP=1            keep that folder and print its path
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${HEARSAY_SHARED:-../shared}
[[ $shared = /* ]] || shared=$repo/$shared
texts=${1:-$shared/corpus/polnear/train/text}
n=${2:-10000}
read -r -a workers <<< "${WORKERS:-1 2 4}"
entity=${ENTITY:-Trump}
[[ -d $texts ]] || { echo "postgres.sh: no folder $texts" >&2; exit 2; }
[[ $n =~ ^[1-9][0-9]*$ ]] || { echo "postgres.sh: N must be a positive integer, not '$n'" >&2; exit 2; }
for w in "${workers[@]}"; do
    [[ $w =~ ^[1-9][0-9]*$ ]] || { echo "postgres.sh: WORKERS must be positive integers" >&2; exit 2; }
done

if [[ -n ${HEARSAY_BIN:-} ]]; then
    hearsay=$HEARSAY_BIN
else
    target=${CARGO_TARGET_DIR:-$repo/target}
    (cd "$repo" && CARGO_TARGET_DIR=$target cargo build --quiet --release -p hearsay-cli)
    hearsay=$target/release/hearsay
fi
[[ -x $hearsay ]] || { echo "postgres.sh: no hearsay binary at $hearsay" >&2; exit 2; }

work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
pgdir=
cleanup() {
    [[ -z $pgdir ]] || "$repo/.ci/postgres" stop "$pgdir" || true
    [[ ${KEEP:-0} == 1 ]] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT
if [[ -n ${HEARSAY_BENCH_PG:-} ]]; then
    admin=$HEARSAY_BENCH_PG
else
    pgdir=$work/pg
    admin=$("$repo/.ci/postgres" start "$pgdir")
fi
psql() { command psql "$admin" -qAtX -v ON_ERROR_STOP=1 "$@"; }

# The articles, dealt round-robin into one folder per worker of the largest count.
most=$(printf '%s\n' "${workers[@]}" | sort -n | tail -n 1)
python3 - "$texts" "$work/articles" "$n" "$most" <<'PY'
import os, sys
src, dest, n, parts = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
names = sorted(f for f in os.listdir(src) if f.endswith(".txt"))
if not names:
    sys.exit(f"postgres.sh: {src}: no .txt files")
texts = [open(os.path.join(src, f), encoding="utf-8", newline="").read() for f in names]
for p in range(parts):
    os.makedirs(os.path.join(dest, str(p)), exist_ok=True)
for i in range(n):
    k = i % len(names)
    with open(os.path.join(dest, str(i % parts), f"{i:06d}-{names[k]}"), "w", encoding="utf-8", newline="") as fh:
        fh.write(texts[k].rstrip("\n") + f"\n\nBenchmark copy {i}.\n")
PY

# shares W: the article folders of W workers (worker j takes the parts j, j+W, …).
shares() {
    local w=$1 j p list
    for ((j = 0; j < w; j++)); do
        list=
        for ((p = j; p < most; p += w)); do list+=" $work/articles/$p"; done
        echo "$list"
    done
}

# ingest KIND W DB: W `hearsay add` at once into DB; prints "KIND W wall_s articles/s stored".
ingest() {
    local kind=$1 w=$2 db=$3 start end pids=() share
    start=$(date +%s.%N)
    while read -r share; do
        # shellcheck disable=SC2086
        "$hearsay" add $share --db "$db" > /dev/null 2> "$work/add-$kind-$w-${#pids[@]}.log" &
        pids+=($!)
    done < <(shares "$w")
    for p in "${pids[@]}"; do wait "$p"; done
    end=$(date +%s.%N)
    local stored
    stored=$("$hearsay" docs --db "$db" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
    python3 -c "import sys; k,w,s,e,n,st=sys.argv[1:]; t=float(e)-float(s); print(f'{k} {w} {t:.1f} {int(n)/t:.1f} {st}')" \
        "$kind" "$w" "$start" "$end" "$n" "$stored"
}

# latency KIND DB ARGS...: the median wall time of 7 runs of `hearsay ARGS --db DB`, in ms.
latency() {
    local kind=$1 db=$2
    shift 2
    python3 - "$hearsay" "$db" "$kind" "$@" <<'PY'
import statistics, subprocess, sys, time
hearsay, db, kind, *args = sys.argv[1:]
times = []
for _ in range(7):
    t = time.perf_counter()
    subprocess.run([hearsay, *args, "--db", db], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append((time.perf_counter() - t) * 1000)
print(f"{kind} {' '.join(args)}: median {statistics.median(times):.0f} ms (min {min(times):.0f}, max {max(times):.0f})")
PY
}

echo "hearsay $("$hearsay" --version | cut -d' ' -f2-), $n articles from $texts"
echo "machine: $(nproc) cores, $(uname -srm), load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "PostgreSQL: $(psql -c 'SHOW server_version'), fsync $(psql -c 'SHOW fsync'), synchronous_commit $(psql -c 'SHOW synchronous_commit')"
echo
echo "database workers wall_s articles/s stored"
for w in "${workers[@]}"; do
    ingest sqlite "$w" "$work/sqlite-$w.db"
    psql -c "DROP DATABASE IF EXISTS bench_$w" -c "CREATE DATABASE bench_$w"
    ingest postgres "$w" "${admin%/*}/bench_$w"
done
echo
first=${workers[0]}
for kind in sqlite postgres; do
    db=$work/sqlite-$first.db
    [[ $kind == sqlite ]] || db=${admin%/*}/bench_$first
    latency "$kind" "$db" claims --entity "$entity" --json
    latency "$kind" "$db" clusters --json
done
echo
echo "database sizes: sqlite $(du -sh "$work/sqlite-$first.db" | cut -f1)," \
    "postgres $(psql -c "SELECT pg_size_pretty(pg_database_size('bench_$first'))")"
