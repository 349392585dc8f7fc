#!/usr/bin/env bash
# Where the analyzer spends its time: samples `hearsay bench` on one thread with
# perf (CPU clock, call graphs) and prints the hottest functions, self time first.
#
# Usage: bench/profile.sh [TEXT_DIR] [SECONDS]
#   TEXT_DIR  folder of .txt articles (default: $HEARSAY_SHARED/corpus/polnear/dev/text,
#             HEARSAY_SHARED defaulting to ../shared)
#   SECONDS   minimum measuring time (default: 5)
# Environment:
#   HEARSAY_BIN       a hearsay binary to use instead of building the release one
#   CARGO_TARGET_DIR  where cargo builds (default: target)
#   PERF_DATA         where to keep the samples (default: a temporary file, removed)
#
# The release profile keeps line tables, so `perf report -i "$PERF_DATA"` can go
# further (callers with -G, source lines with --sort srcline).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${HEARSAY_SHARED:-../shared}
[[ $shared = /* ]] || shared=$repo/$shared
texts=${1:-$shared/corpus/polnear/dev/text}
seconds=${2:-5}
command -v perf > /dev/null || { echo "profile.sh: needs perf (apt-get install linux-perf)" >&2; exit 2; }
[[ -d $texts ]] || { echo "profile.sh: no folder $texts" >&2; exit 2; }

if [[ -n ${HEARSAY_BIN:-} ]]; then
    hearsay=$HEARSAY_BIN
else
    target=${CARGO_TARGET_DIR:-$repo/target}
    (cd "$repo" && CARGO_TARGET_DIR=$target cargo build --quiet --release -p hearsay-cli)
    hearsay=$target/release/hearsay
fi

if [[ -n ${PERF_DATA:-} ]]; then
    data=$PERF_DATA
else
    data=$(mktemp)
    trap 'rm -f "$data"' EXIT
fi

perf record --quiet -e cpu-clock -F 1999 -g -o "$data" \
    "$hearsay" bench "$texts" --threads 1 --min-time "$seconds"
echo
echo "hottest functions (self time, >= 1% of samples):"
perf report -i "$data" --no-children --percent-limit 1 --stdio -g none \
    --fields overhead,sym 2> /dev/null | grep -v -e '^#' -e '^$'
