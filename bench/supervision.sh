#!/usr/bin/env bash
# Supervision scan over 100,000 open requests (PostgreSQL by default, --h2 for the embedded
# database): SupervisionBenchmark inserts them in bulk, a share overdue, times the first scan (which
# escalates the overdue ones), then the steady-state scans, beside a read of every open request
# (what a scan without next_check_at reads: the baseline). Each run is a fresh database and JVM. See bench/README.md, "Requests".
# Usage: bench/supervision.sh [--runs 3] [--open 100000] [--overdue 0.01] [--h2]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3; open=100000; overdue=0.01; pg=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --open) open=$2; shift 2 ;;
    --overdue) overdue=$2; shift 2 ;;
    --h2) pg=0; shift ;;
    --pg) pg=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
db=""
cleanup() { [ -n "$db" ] && dropdb -h 127.0.0.1 -U postgres --if-exists "$db" >/dev/null 2>&1 || true; }
trap cleanup EXIT
results=$(mktemp)
argline="-Duser.timezone=Asia/Shanghai -Xmx2g"
echo "# bench/supervision.sh $(date -u +%Y-%m-%dT%H:%M:%SZ); host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# mvn -B -q test -Dtest=SupervisionBenchmark -Dbench=true -Dbench.open=$open -Dbench.overdue=$overdue -DargLine=\"$argline\" ($([ "$pg" = 1 ] && echo PostgreSQL || echo H2))"
for i in $(seq 1 "$runs"); do
  env_vars=()
  if [ "$pg" = 1 ]; then
    db="shouwang_bench_scan_$$_$i"
    dropdb -h 127.0.0.1 -U postgres --if-exists "$db" 2>/dev/null; createdb -h 127.0.0.1 -U postgres "$db"
    env_vars=(DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres)
  fi
  env "${env_vars[@]}" timeout 1800 mvn -B -q test -Dtest=SupervisionBenchmark -Dbench=true -Dbench.open="$open" \
      -Dbench.overdue="$overdue" -DargLine="$argline" -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
    | grep '^BENCH\|FAIL\|Tests run:\|expected\|Caused by' | sed "s/^BENCH /BENCH run=$i /" | tee -a "$results"
  cleanup; db=""
done
median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "n/a"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
pick() { grep "$1" "$results" | grep -o " $2=[0-9]*" | cut -d= -f2 | median; }
echo
echo "## medians of $runs runs ($open open requests, $overdue overdue)"
echo "first scan (escalates the overdue):   $(pick 'what=first' ms) ms, supervised $(pick 'what=first' supervised)"
echo "steady-state scan (nothing new):      $(pick 'what=steady' p50_ms) ms"
echo "baseline: read every open request:    $(pick 'what=read-all-open' p50_ms) ms"
echo "goal: scan <= 1000 ms"
rm -f "$results"
