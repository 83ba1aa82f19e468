#!/usr/bin/env bash
# The governance report over a long-running installation (the database bench/insights-data.sh
# built: 1,000,000 requests, 5,000,000 attendance records), PostgreSQL: starts the app on it, logs
# in as `leader`, and RUNS times asks for the report of the last twelve months
# (POST /api/v1/insights/reports), polls it until DONE and downloads its DOCX; prints the time from
# the POST to DONE and the DOCX download, and their medians. The raw SQL baseline of the same
# aggregates is bench/insights-dashboard.sh's (--no-warm --no-cold runs only it).
# See bench/README.md, section "Insights".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/insights-report.sh [--db NAME] [--runs N] [--port P]
  defaults: --db shouwang_bench_insights --runs 3 --port 8097
  The database must exist (bench/insights-data.sh); reports are added to it (table governance_report), nothing else changes.
EOF
}

PORT=8097 RUNS=3 PGDB=shouwang_bench_insights
PG_HOST=${PG_HOST:-127.0.0.1} PG_USER=${PG_USER:-postgres}
while [[ $# -gt 0 ]]; do
  case $1 in
    --db) PGDB=$2; shift ;;
    --runs) RUNS=$2; shift ;;
    --port) PORT=$2; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done
[[ $PORT -ge 8090 && $PORT -le 8099 ]] || die "use a port in 8090-8099"

WORK=$(mktemp -d /tmp/shouwang-bench-report.XXXXXX)
cleanup() { stop_app; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_jar
psql_db() { timeout 600 psql -h "$PG_HOST" -U "$PG_USER" -d "$PGDB" -qAtX -v ON_ERROR_STOP=1 "$@"; }
[[ $(psql_db -c "SELECT count(*) FROM ticket") -gt 0 ]] 2>/dev/null || die "no database $PGDB with requests: run bench/insights-data.sh first"

TODAY=$(TZ=Asia/Shanghai date +%F)
FROM=$(TZ=Asia/Shanghai date -d "$TODAY -1 year +1 day" +%F)

printf '# bench/insights-report.sh %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
printf '# host: %s cores, load %s; jar %s; database %s (%s requests, %s attendance records); period %s to %s\n' "$(nproc)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "${JAR#"$ROOT"/}" "$PGDB" "$(psql_db -c 'SELECT count(*) FROM ticket')" \
  "$(psql_db -c 'SELECT count(*) FROM attendance')" "$FROM" "$TODAY"

log "starting the app on $PGDB (log $WORK/app.log)"
start_app "$WORK" "$WORK/app.log" --spring.profiles.active=postgres \
  --spring.datasource.url="jdbc:postgresql://$PG_HOST:5432/$PGDB" --spring.datasource.username="$PG_USER"
log "ready after $(wait_ready 900)s; login as leader"
COOKIE=$(login leader shouwang2026)
CSRF=$(curl -fs -m 10 -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/insights/report" \
  | grep -o 'name="_csrf" content="[^"]*"' | head -1 | sed 's/.*content="//; s/"$//')
[[ -n "$CSRF" ]] || die "no CSRF token on /insights/report"

now_ms() { date +%s%3N; }
totals=() docx=()
for run in $(seq 1 "$RUNS"); do
  started=$(now_ms)
  id=$(curl -fs -m 30 -H "Cookie: $COOKIE" -H "X-CSRF-TOKEN: $CSRF" -H 'Content-Type: application/json' \
    -d "{\"from\":\"$FROM\",\"to\":\"$TODAY\",\"language\":\"zh-CN\"}" "http://127.0.0.1:$PORT/api/v1/insights/reports" \
    | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  [[ -n "$id" ]] || die "POST /api/v1/insights/reports gave no id"
  state=QUEUED
  for _ in $(seq 1 1200); do
    state=$(curl -fs -m 10 -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/api/v1/insights/reports/$id" \
      | grep -o '"state":"[A-Z]*"' | head -1 | cut -d'"' -f4)
    [[ $state == DONE || $state == FAILED ]] && break
    sleep 0.1
  done
  [[ $state == DONE ]] || die "report $id ended $state"
  done_ms=$(( $(now_ms) - started ))
  d=$(curl -fs -m 60 -o "$WORK/report.docx" -w '%{time_total}' -H "Cookie: $COOKIE" \
    "http://127.0.0.1:$PORT/api/v1/insights/reports/$id/report.docx" | awk '{ printf "%.0f", $1 * 1000 }')
  totals+=("$done_ms") docx+=("$d")
  printf 'run %d report %d: POST to DONE %d ms, DOCX %d ms (%d bytes)  load %s\n' "$run" "$id" "$done_ms" "$d" \
    "$(stat -c %s "$WORK/report.docx")" "$(cut -d' ' -f1 /proc/loadavg)"
done
printf '\n## medians of %d runs: POST to DONE %s ms, DOCX %s ms (goal: the report in 10 s or less)\n' "$RUNS" \
  "$(median "${totals[@]}")" "$(median "${docx[@]}")"
