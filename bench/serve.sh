#!/usr/bin/env bash
# Load test of `hearsay serve` on loopback: a database of N articles (made from the dev texts as
# bench/ingest.sh makes them: each text in turn with a numbered line appended), the release server
# over it, and the load client (crates/server/benches/load.rs): CLIENTS clients reading for SECONDS
# seconds while one more posts WRITES new articles a second. Prints requests/s and latency
# percentiles per kind of request; exits 1 if any request failed.
#
# Usage: bench/serve.sh [DB] [N]
#   DB   the database to serve (default target/bench-serve/news-N.db); made when missing, kept after
#   N    articles to put in a new database (default 10000)
# Environment:
#   CLIENTS (32), LOAD_SECONDS (60), WRITES (1)
#   HEARSAY_BIN       a hearsay binary to use instead of building the release one
#   HEARSAY_SHARED    the shared corpus (default ../shared)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${HEARSAY_SHARED:-../shared}
[[ $shared = /* ]] || shared=$repo/$shared
texts=$shared/corpus/polnear/dev/text
n=${2:-10000}
db=${1:-$repo/target/bench-serve/news-$n.db}
clients=${CLIENTS:-32}
seconds=${LOAD_SECONDS:-60}
writes=${WRITES:-1}
[[ -d $texts ]] || { echo "serve.sh: no folder $texts" >&2; exit 2; }
[[ $n =~ ^[1-9][0-9]*$ ]] || { echo "serve.sh: N must be a positive integer, not '$n'" >&2; exit 2; }

if [[ -n ${HEARSAY_BIN:-} ]]; then
    hearsay=$HEARSAY_BIN
else
    (cd "$repo" && cargo build --quiet --release -p hearsay-cli)
    hearsay=$repo/target/release/hearsay
fi
(cd "$repo" && cargo bench --quiet -p hearsay-server --bench load --no-run)

work=$(mktemp -d)
server=
cleanup() {
    [[ -n $server ]] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

if [[ ! -f $db ]]; then
    mkdir -p "$(dirname "$db")"
    python3 - "$texts" "$work/articles" "$n" <<'PY'
import os, sys
src, dest, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = sorted(f for f in os.listdir(src) if f.endswith(".txt"))
texts = [open(os.path.join(src, f), encoding="utf-8", newline="").read() for f in names]
os.makedirs(dest)
for i in range(n):
    k = i % len(names)
    with open(os.path.join(dest, f"{i:06d}-{names[k]}"), "w", encoding="utf-8", newline="") as fh:
        fh.write(texts[k].rstrip("\n") + f"\n\nBenchmark copy {i}.\n")
PY
    echo "serve.sh: adding $n articles to $db" >&2
    /usr/bin/time -f "serve.sh: hearsay add took %e s wall, %U s user, %M KB peak" \
        "$hearsay" add "$work/articles" --db "$db.part" > /dev/null
    mv "$db.part" "$db"
    rm -rf "$work/articles"
fi

head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$work/token"
"$hearsay" serve --db "$db" --addr 127.0.0.1:0 --token-file "$work/token" 2> "$work/server.log" &
server=$!
for _ in $(seq 300); do
    addr=$(grep -o 'serving on http://[0-9.:]*' "$work/server.log" | head -1 | sed 's|serving on http://||') || true
    [[ -n $addr ]] && break
    sleep 0.1
done
[[ -n ${addr:-} ]] || { echo "serve.sh: the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
echo "serve.sh: $("$hearsay" --version) serving $db on $addr; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
status=0
(cd "$repo" && cargo bench --quiet -p hearsay-server --bench load -- \
    --addr "$addr" --token-file "$work/token" --texts "$texts" \
    --clients "$clients" --seconds "$seconds" --writes "$writes") || status=$?
echo "serve.sh: load average after $(cut -d' ' -f1-3 /proc/loadavg); server log: $(wc -l < "$work/server.log") lines, $(grep -c ' WARN \| ERROR ' "$work/server.log" || true) warnings or errors" >&2
grep ' WARN \| ERROR ' "$work/server.log" | head -5 >&2 || true
exit $status
