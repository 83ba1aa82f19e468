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
db=""
cleanup() { [ -n "$db" ] && dropdb -h 127.0.0.1 -U postgres --if-exists "$db" >/dev/null 2>&1 || true; }
trap cleanup EXIT
results=$(mktemp)
# The tests' surefire argLine stops the JIT at C1 for quick test runs; a benchmark wants C2.
argline="-Duser.timezone=Asia/Shanghai -Xmx2g"
echo "# bench/kpi.sh $(date -u +%Y-%m-%dT%H:%M:%SZ); host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# mvn -B -q test -Dtest=KpiBenchmark -Dbench=true -Dbench.requests=$requests -Dbench.runs=$queries -DargLine=\"$argline\" ($([ "$pg" = 1 ] && echo PostgreSQL || echo H2))"
for i in $(seq 1 "$runs"); do
  env_vars=()
  if [ "$pg" = 1 ]; then
    db="shouwang_bench_kpi_$$_$i"
    dropdb -h 127.0.0.1 -U postgres --if-exists "$db" 2>/dev/null; createdb -h 127.0.0.1 -U postgres "$db"
    env_vars=(DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres)
  fi
  env "${env_vars[@]}" timeout 1800 mvn -B -q test -Dtest=KpiBenchmark -Dbench=true -Dbench.requests="$requests" \
      -Dbench.runs="$queries" -DargLine="$argline" -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
    | grep '^BENCH\|FAIL\|Tests run:\|expected\|Caused by' | sed "s/^BENCH /BENCH run=$i /" | tee -a "$results"
  cleanup; db=""
done
median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "n/a"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo
echo "## medians of $runs runs ($requests requests in 2025; query p50 = median over the runs of each run's p50 of $queries queries)"
for what in $(grep -o 'what=[a-z-]*' "$results" | cut -d= -f2 | awk '!seen[$0]++'); do
  printf '%-30s p50 %8s ms\n' "$what" "$(grep "what=$what " "$results" | grep -o 'p50_ms=[0-9.]*' | cut -d= -f2 | median)"
done
printf '%-30s %8s ms (one query, no rollup yet)\n' "unrolled year-by-category" "$(grep 'kind=unrolled' "$results" | grep -o ' ms=[0-9]*' | cut -d= -f2 | median)"
printf '%-30s %8s ms (%s requests)\n' "rollup of the year" "$(grep 'kind=rollup' "$results" | grep -o ' ms=[0-9]*' | cut -d= -f2 | median)" \
  "$(grep 'kind=rollup' "$results" | head -1 | grep -o 'rolled=[0-9]*' | cut -d= -f2)"
printf '%-30s %8s ms\n' "bulk insert" "$(grep 'kind=insert' "$results" | grep -o ' ms=[0-9]*' | cut -d= -f2 | median)"
echo "goal: year query p50 <= 50 ms (every breakdown above); figures equal to the recount: $(grep -c 'equal-to-recount=true' "$results")/$runs runs"
rm -f "$results"
