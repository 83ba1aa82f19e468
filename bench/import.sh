#!/usr/bin/env bash
# 30,000-student roster import (xlsx), upload to DONE through the real web stack, and its re-import,
# side by side with a baseline that only parses the same file and batch-inserts its rows unvalidated.
# Usage: bench/import.sh [--runs 3] [--students 30000] [--pg]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3; students=30000; pg=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --students) students=$2; shift 2 ;;
    --pg) pg=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
db=""
cleanup() { [ -n "$db" ] && psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" postgres >/dev/null 2>&1 || true; }
trap cleanup EXIT
results=$(mktemp)
for i in $(seq 1 "$runs"); do
  env_vars=()
  if [ "$pg" = 1 ]; then
    db="shouwang_bench_import_$$_$i"
    psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" postgres
    env_vars=(DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres)
  fi
  env "${env_vars[@]}" timeout 600 mvn -B -q test -Dtest=StudentImportBenchmark -Dbench=true \
      -Dbench.students="$students" -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep '^BENCH' | tee -a "$results"
  cleanup; db=""
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
field() { grep -o "$1=[0-9.]*" "$results" | cut -d= -f2 | median; }
echo "median of $runs runs ($([ "$pg" = 1 ] && echo PostgreSQL || echo H2), $students students):"
echo "  import upload->DONE: $(field first) ms   re-import (all unchanged): $(field reimport) ms"
echo "  baseline parse+raw insert: $(field baseline) ms   ratio import/baseline: $(field ratio)"
echo "  goal: import <= 10000 ms"
rm -f "$results"
