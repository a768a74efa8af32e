"""Peer: query-time fuzzy matching with rapidfuzz (process.cdist, workers=2) on the data the
scale benchmark exported. Maps the phrases onto the vocabulary, and ranks the candidates for
the opening's competence requirements (a candidate's score: per requirement, the best
similarity of any of its phrases to any of the requirement's texts, summed), top 20.
Prints markdown rows with the ratios against ours (ours.tsv, same run, same data).

Usage: python3 bench/peers/rapidfuzz_peer.py DIR
"""
import sys
import time

import numpy as np
from rapidfuzz import fuzz, process, utils

out = sys.argv[1]
lines = lambda name: open(f"{out}/{name}", encoding="utf-8").read().splitlines()
entries = lines("entries.txt")
phrases = lines("phrases.txt")
requirements = [l.split("\t", 1) for l in lines("requirements.tsv")]
ours = dict(l.split("\t") for l in lines("ours.tsv"))

# Mapping: every phrase against every canonical entry, keep the 6 best above 45.
t = time.perf_counter()
scores = process.cdist(phrases, entries, scorer=fuzz.token_set_ratio,
                       processor=utils.default_process, workers=2, dtype=np.uint8)
best = np.argpartition(-scores, 6, axis=1)[:, :6]
kept = np.take_along_axis(scores, best, axis=1) >= 45
mapping_s = time.perf_counter() - t
rate = len(phrases) / mapping_s
our_rate = float(ours["map_phrases_per_s"])
print(f"| rapidfuzz mapping ({len(phrases)} phrases × {len(entries)} entries, token_set_ratio, 2 workers) "
      f"| {rate:,.0f} phrases/s; ours {our_rate:,.0f}/s: ours {our_rate / rate:.2f}× |")

# Ranking: candidates.tsv holds (candidate, phrase index) rows.
pairs = np.loadtxt(f"{out}/candidates.tsv", dtype=np.int64, delimiter="\t")
n = int(pairs[:, 0].max()) + 1
need_of = np.array([int(r[0]) for r in requirements])
texts = [r[1] for r in requirements]
needs = int(need_of.max()) + 1
t = time.perf_counter()
used = np.unique(pairs[:, 1])
sim = process.cdist([phrases[i] for i in used], texts, scorer=fuzz.token_set_ratio,
                    processor=utils.default_process, workers=2, dtype=np.uint8)
# Best per (phrase, requirement), then per (candidate, requirement), summed per candidate.
per_need = np.zeros((len(used), needs), dtype=np.uint8)
for k in range(needs):
    per_need[:, k] = sim[:, need_of == k].max(axis=1)
row_of = np.searchsorted(used, pairs[:, 1])
# Rows come grouped by candidate (0..n in order): a segmented maximum per candidate.
cand = pairs[:, 0]
starts = np.flatnonzero(np.r_[True, cand[1:] != cand[:-1]])
best = np.maximum.reduceat(per_need[row_of], starts, axis=0)
score = best.sum(axis=1, dtype=np.int64)
top = np.argsort(-score, kind="stable")[:20]
rank_s = time.perf_counter() - t
our_ms = float(ours[f"rank_{n}_p50_ms"])
print(f"| rapidfuzz ranking {n:,} candidates ({len(pairs):,} phrase rows, {len(used)} distinct × {len(texts)} requirement texts), top 20 "
      f"| {rank_s * 1000:,.0f} ms; ours {our_ms:.1f} ms: ours {rank_s * 1000 / our_ms:,.0f}× faster |")
