#!/usr/bin/env bash
# KPI query for one year over 1,000,000 requests (PostgreSQL by default, --h2 for the embedded
# database): KpiBenchmark inserts the year in bulk, rolls it up, checks the figures against a plain
# SQL recount and times the query by every breakdown beside the recount itself (the baseline).
# Each run is a fresh database and a fresh JVM. See bench/README.md, section "Requests".
# Usage: bench/kpi.sh [--runs 3] [--requests 1000000] [--queries 21] [--h2]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3; requests=1000000; queries=21; pg=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --h2) pg=0; shift ;;
    --pg) pg=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"
results=$(mktemp)
junit_bench KpiBenchmark "$runs" "$pg" "$results" -Dbench.requests="$requests" -Dbench.runs="$queries"
echo
echo "## medians of $runs runs ($requests requests in 2025; query p50 = median over the runs of each run's p50 of $queries queries)"
for what in $(grep -o 'what=[a-z-]*' "$results" | cut -d= -f2 | awk '!seen[$0]++'); do
  printf '%-30s p50 %8s ms\n' "$what" "$(median $(grep "what=$what " "$results" | grep -o 'p50_ms=[0-9.]*' | cut -d= -f2))"
done
printf '%-30s %8s ms (one query, no rollup yet)\n' "unrolled year-by-category" "$(median $(grep 'kind=unrolled' "$results" | grep -o ' ms=[0-9]*' | cut -d= -f2))"
printf '%-30s %8s ms (%s requests)\n' "rollup of the year" "$(median $(grep 'kind=rollup' "$results" | grep -o ' ms=[0-9]*' | cut -d= -f2))" \
  "$(grep 'kind=rollup' "$results" | head -1 | grep -o 'rolled=[0-9]*' | cut -d= -f2)"
printf '%-30s %8s ms\n' "bulk insert" "$(median $(grep 'kind=insert' "$results" | grep -o ' ms=[0-9]*' | cut -d= -f2))"
echo "goal: year query p50 <= 50 ms (every breakdown above); figures equal to the recount: $(grep -c 'equal-to-recount=true' "$results")/$runs runs"
rm -f "$results"
