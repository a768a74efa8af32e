#!/usr/bin/env bash
# Peer: PostgreSQL pg_trgm on the data the scale benchmark exported. Every candidate phrase is
# a row with a GIN trigram index; the opening's competence requirements rank the candidates by
# summed similarity (per requirement, the best of the candidate's phrases that pass the `%`
# trigram test), top 20. The join is slow (minutes for 100k candidates), so it ranks the first
# PG_CANDIDATES (default 10000) of the exported candidates and extrapolates linearly to all of
# them. Prints a markdown row with the ratio against ours (ours.tsv).
# Usage: bench/peers/pg_trgm.sh DIR   (PostgreSQL at 127.0.0.1:5432, user postgres, trust)
set -euo pipefail
dir=$1
db=sobivus_bench
psql=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -X)
"${psql[@]}" -d test -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0"
limit=${PG_CANDIDATES:-10000}
all=$(( $(tail -1 "$dir/candidates.tsv" | cut -f1) + 1 ))
python3 - "$dir" "$limit" > "$dir/candidate_phrases.tsv" <<'PY'
import sys
d, limit = sys.argv[1], int(sys.argv[2])
phrases = open(f"{d}/phrases.txt", encoding="utf-8").read().splitlines()
for line in open(f"{d}/candidates.tsv"):
    c, p = line.split("\t")
    if int(c) < limit:
        print(f"{c}\t{phrases[int(p)]}")
PY
rows=$(wc -l < "$dir/candidate_phrases.tsv")
n=$(( $(tail -1 "$dir/candidate_phrases.tsv" | cut -f1) + 1 ))
start=$(date +%s.%N)
"${psql[@]}" -d "$db" <<SQL
CREATE EXTENSION pg_trgm;
CREATE TABLE requirement (need int, text text);
CREATE TABLE candidate_phrase (candidate int, phrase text);
\copy requirement FROM '$dir/requirements.tsv'
\copy candidate_phrase FROM '$dir/candidate_phrases.tsv'
CREATE INDEX ON candidate_phrase USING gin (phrase gin_trgm_ops);
ANALYZE;
SQL
load=$(echo "$(date +%s.%N) - $start" | bc)
query="SELECT candidate, sum(best) AS score FROM (
  SELECT p.candidate, r.need, max(similarity(p.phrase, r.text)) AS best
  FROM requirement r JOIN candidate_phrase p ON p.phrase % r.text
  GROUP BY p.candidate, r.need) s
GROUP BY candidate ORDER BY score DESC, candidate LIMIT 20;"
times=()
for _ in 1 2; do
    t=$("${psql[@]}" -d "$db" -c '\timing on' -c "SET statement_timeout = '900s'" -c "$query" |
        sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
    times+=("$t")
done
best=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
ours=$(awk -F'\t' -v k="rank_${all}_p50_ms" '$1 == k {print $2}' "$dir/ours.tsv")
scaled=$(echo "$best * $all / $n" | bc)
ratio=$(echo "scale=0; $scaled / $ours" | bc)
echo "| pg_trgm ranking $n candidates ($rows phrase rows, GIN index; load + index ${load%.*} s), top 20 | best of ${#times[@]}: ${best%.*} ms, × $all/$n = ${scaled%.*} ms for $all; ours ${ours} ms for $all: ours ${ratio}× faster |"
