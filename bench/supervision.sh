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
source "$(dirname "$0")/lib.sh"
results=$(mktemp)
junit_bench SupervisionBenchmark "$runs" "$pg" "$results" -Dbench.open="$open" -Dbench.overdue="$overdue"
pick() { median $(grep "$1" "$results" | grep -o " $2=[0-9]*" | cut -d= -f2); }
echo
echo "## medians of $runs runs ($open open requests, $overdue overdue)"
echo "first scan (escalates the overdue):   $(pick 'what=first' ms) ms, supervised $(pick 'what=first' supervised)"
echo "steady-state scan (nothing new):      $(pick 'what=steady' p50_ms) ms"
echo "baseline: read every open request:    $(pick 'what=read-all-open' p50_ms) ms"
echo "goal: scan <= 1000 ms"
rm -f "$results"
