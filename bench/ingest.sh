#!/usr/bin/env bash
# End-to-end ingest: `hearsay add` of N articles into a fresh SQLite file, against
# `hearsay analyze` of the same folder with the output thrown away (no store), so the
# cost of storage shows. Reports articles/s and peak RSS for each corpus size; running
# two sizes shows whether memory grows with the corpus.
#
# Usage: bench/ingest.sh [TEXT_DIR] [SIZE...]
#   TEXT_DIR  folder of .txt articles to rewrite (default: $HEARSAY_SHARED/corpus/polnear/dev/text,
#             HEARSAY_SHARED defaulting to ../shared)
#   SIZE      numbers of articles to make and ingest (default: 1000 10000)
# Environment:
#   HEARSAY_BIN       a hearsay binary to use instead of building the release one
#   CARGO_TARGET_DIR  where cargo builds (default: target)
#   KEEP=1            keep the temporary folder (articles and databases) and print its path
#
# The N articles are the texts of TEXT_DIR taken in turn, each with a numbered line
# appended, so every one has a distinct id (the hash of its text).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${HEARSAY_SHARED:-../shared}
[[ $shared = /* ]] || shared=$repo/$shared
texts=${1:-$shared/corpus/polnear/dev/text}
shift || true
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000)

[[ -d $texts ]] || { echo "ingest.sh: no folder $texts" >&2; exit 2; }
for n in "${sizes[@]}"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "ingest.sh: SIZE must be a positive integer, not '$n'" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "ingest.sh: needs GNU time at /usr/bin/time" >&2; exit 2; }

if [[ -n ${HEARSAY_BIN:-} ]]; then
    hearsay=$HEARSAY_BIN
else
    target=${CARGO_TARGET_DIR:-$repo/target}
    (cd "$repo" && CARGO_TARGET_DIR=$target cargo build --quiet --release -p hearsay-cli)
    hearsay=$target/release/hearsay
fi
[[ -x $hearsay ]] || { echo "ingest.sh: no hearsay binary at $hearsay" >&2; exit 2; }

work=$(mktemp -d)
if [[ ${KEEP:-0} == 1 ]]; then
    echo "keeping $work" >&2
else
    trap 'rm -rf "$work"' EXIT
fi

# make_corpus SRC DEST N: N articles from the .txt files of SRC, each made distinct.
make_corpus() {
    python3 - "$1" "$2" "$3" <<'PY'
import os, sys
src, dest, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = sorted(f for f in os.listdir(src) if f.endswith(".txt"))
if not names:
    sys.exit(f"ingest.sh: {src}: no .txt files")
texts = [open(os.path.join(src, f), encoding="utf-8", newline="").read() for f in names]
os.makedirs(dest)
for i in range(n):
    k = i % len(names)
    with open(os.path.join(dest, f"{i:06d}-{names[k]}"), "w", encoding="utf-8", newline="") as fh:
        fh.write(texts[k].rstrip("\n") + f"\n\nBenchmark copy {i}.\n")
PY
}

# timed NAME CMD...: runs CMD (stdout discarded) and appends "NAME wall user sys maxrss_kb".
timed() {
    local name=$1
    shift
    /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$@" > /dev/null
    echo "$name $(cat "$work/time")" >> "$work/results"
}

: > "$work/results"
for n in "${sizes[@]}"; do
    make_corpus "$texts" "$work/articles-$n" "$n"
    bytes=$(du -sb "$work/articles-$n" | cut -f1)
    echo "corpus $n $bytes" >> "$work/results"
    timed "analyze $n" "$hearsay" analyze "$work/articles-$n" --format jsonl
    timed "add $n" "$hearsay" add "$work/articles-$n" --db "$work/ingest-$n.db"
    [[ -f $work/ingest-$n.db ]] || { echo "ingest.sh: hearsay add wrote no database" >&2; exit 1; }
    echo "db $n $(du -sb "$work/ingest-$n.db" | cut -f1)" >> "$work/results"
    echo "$n articles done" >&2
done

python3 - "$work/results" "$("$hearsay" --version)" <<'PY'
import sys
results, version = sys.argv[1], sys.argv[2]
runs, corpus, db = {}, {}, {}
for line in open(results):
    parts = line.split()
    if parts[0] == "corpus":
        corpus[int(parts[1])] = int(parts[2])
    elif parts[0] == "db":
        db[int(parts[1])] = int(parts[2])
    else:
        mode, n = parts[0], int(parts[1])
        wall, user, sys_, rss = map(float, parts[2:])
        runs[(mode, n)] = (wall, user + sys_, rss * 1024)
print(f"{version}; articles made from the dev texts with a numbered line each")
print(f"{'articles':>9} {'MB':>7} {'command':<24}{'wall s':>8}{'CPU s':>8}{'articles/s':>12}"
      f"{'articles/CPU-s':>16}{'peak RSS MB':>13}")
def rate(n, seconds):
    return n / seconds if seconds > 0 else float("inf")
for n in sorted(corpus):
    for mode, label in (("analyze", "analyze --format jsonl"), ("add", "add (fresh SQLite)")):
        wall, cpu, rss = runs[(mode, n)]
        print(f"{n:>9} {corpus[n] / 1e6:>7.1f} {label:<24}{wall:>8.2f}{cpu:>8.2f}{rate(n, wall):>12.1f}"
              f"{rate(n, cpu):>16.1f}{rss / 1e6:>13.1f}")
    (aw, ac, _), (sw, sc, _) = runs[("analyze", n)], runs[("add", n)]
    if sw > 0 and sc > 0:
        print(f"{'':>18}add = {aw / sw * 100:.0f}% of analyze's articles/s, "
              f"{ac / sc * 100:.0f}% of its articles/CPU-s; database {db[n] / 1e6:.1f} MB")
PY
