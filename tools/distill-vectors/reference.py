"""The ceiling for the static vectors: the full all-MiniLM-L6-v2 sentence model on
the paraphrase pairs of `crates/resolve/examples/paraphrase-pairs.tsv`, scored the
way `cargo run -p hearsay-resolve --example paraphrase` scores hearsay's
similarities (ROC AUC against minimal pairs and against other topics, retrieval
MRR and top-1 among all distinct claims).

    python reference.py --model MODEL_DIR --pairs ../../crates/resolve/examples/paraphrase-pairs.tsv
"""

import argparse
from pathlib import Path

import numpy as np

from minilm import MiniLM


def auc(pos, neg):
    pos, neg = np.asarray(pos)[:, None], np.asarray(neg)[None, :]
    return float(((pos > neg) + 0.5 * (pos == neg)).mean())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--pairs", type=Path, required=True)
    args = ap.parse_args()
    pairs = [line.rstrip("\n").split("\t") for line in open(args.pairs, encoding="utf-8") if not line.startswith("#")]
    pool = list(dict.fromkeys(t for _, a, b in pairs for t in (a, b)))
    model = MiniLM(args.model)
    emb = model.encode(pool)
    sim = emb @ emb.T
    at = {t: i for i, t in enumerate(pool)}
    same = [(at[a], at[b]) for k, a, b in pairs if k == "same"]
    other = [(at[a], at[b]) for k, a, b in pairs if k == "other"]
    pos = [sim[a, b] for a, b in same]
    minimal = [sim[a, b] for a, b in other]
    topics = [sim[a, b] for i, (a, _) in enumerate(same) for j, (_, b) in enumerate(same) if i != j]
    rr, top = [], []
    for a, b in same:
        for q, p in ((a, b), (b, a)):
            above = sum(1 for c in range(len(pool)) if c not in (q, p) and sim[q, c] >= sim[q, p])
            rr.append(1 / (above + 1))
            top.append(above == 0)
    print(f"{len(same)} paraphrase pairs, {len(other)} minimal pairs, {len(pool)} distinct claims")
    print(f"{'similarity':<38} {'AUC minimal':>13} {'AUC topics':>12} {'MRR':>6} {'top-1':>6}")
    print(
        f"{'MiniLM sentence embeddings':<38} {auc(pos, minimal):>13.3f} {auc(pos, topics):>12.3f}"
        f" {np.mean(rr):>6.3f} {np.mean(top):>6.3f}"
    )


if __name__ == "__main__":
    main()
