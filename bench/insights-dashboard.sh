#!/usr/bin/env bash
# The leader dashboard over a long-running installation (the database bench/insights-data.sh
# built: 1,000,000 requests, 5,000,000 attendance records), PostgreSQL: starts the app on it, logs
# in as `leader`, warms up, then times N sequential requests each of GET /api/v1/insights/leader
# (default period: the last 12 months), /api/v1/insights/leader/counts and the page /insights, on
# loopback (curl's time_total on a kept-alive connection = server time + loopback), beside the
# baseline: the same aggregates as plain SQL over the raw tables (pgbench -c1, no rollup cells,
# no cache). Medians of RUNS runs. With the dashboard cache on (the default), the "cold" figures
# come from a second app start with it off (--shouwang.insights.dashboard-cache=0s), so they are
# what every request costs without the cache.
# See bench/README.md, section "Insights".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/insights-dashboard.sh [--db NAME] [--runs N] [--requests N] [--cold-requests N] [--warmup N]
                                   [--baseline-runs N]
                                   [--port P] [--no-cold] [--no-warm] [--rebuild]
  defaults: --db shouwang_bench_insights --runs 3 --requests 100 --cold-requests 20 --warmup 30 --baseline-runs 3 --port 8096
  (--requests per endpoint and run with the cache, --cold-requests without it; JAR=<jar> measures another build)
  The database must exist (bench/insights-data.sh); it is not changed (apart from sessions) nor dropped.
EOF
}

PORT=8096 RUNS=3 N=100 COLD_N=20 WARMUP=30 BASE_N=3 PGDB=shouwang_bench_insights COLD=1 WARM=1
JAVA_OPTS=${JAVA_OPTS:-}
PG_HOST=${PG_HOST:-127.0.0.1} PG_USER=${PG_USER:-postgres}
while [[ $# -gt 0 ]]; do
  case $1 in
    --db) PGDB=$2; shift ;;
    --runs) RUNS=$2; shift ;;
    --requests) N=$2; shift ;;
    --cold-requests) COLD_N=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --baseline-runs) BASE_N=$2; shift ;;
    --port) PORT=$2; shift ;;
    --no-cold) COLD=0 ;;
    --no-warm) WARM=0 ;;
    --rebuild) REBUILD=1 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done
[[ $PORT -ge 8090 && $PORT -le 8099 ]] || die "use a port in 8090-8099"

WORK=$(mktemp -d /tmp/shouwang-bench-insights.XXXXXX)
cleanup() { stop_app; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_tool pgbench postgresql-client
ensure_jar
psql_db() { timeout 600 psql -h "$PG_HOST" -U "$PG_USER" -d "$PGDB" -qAtX -v ON_ERROR_STOP=1 "$@"; }
[[ $(psql_db -c "SELECT count(*) FROM ticket") -gt 0 ]] 2>/dev/null || die "no database $PGDB with requests: run bench/insights-data.sh first"

# The default period, as LeaderDashboard computes it: the first day of the month 11 months back to today (China).
TODAY=$(TZ=Asia/Shanghai date +%F)
FROM=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-01) -11 months" +%F)
END=$(TZ=Asia/Shanghai date -d "$TODAY +1 day" +%F)

# timed_gets PATH COUNT : COUNT sequential GETs of PATH on one kept-alive connection; one line per request "status seconds".
timed_gets() {
  local path=$1 count=$2 cfg
  cfg="$WORK/curl.cfg"
  : >"$cfg"
  for _ in $(seq 1 "$count"); do
    printf 'url = "http://127.0.0.1:%s%s"\noutput = "/dev/null"\n' "$PORT" "$path" >>"$cfg"
  done
  timeout $((count * 30 + 30)) curl -s -K "$cfg" -H "Cookie: $COOKIE" -H 'Accept-Language: zh-CN' \
    -w '%{http_code} %{time_total}\n'
}

# stats : "status seconds" lines in, one "n= p50_ms= p99_ms= max_ms= non200=" line out.
stats() {
  awk '{ if ($1 != 200) bad++; print $2 * 1000 }' | sort -g | awk '
    { v[NR] = $1 }
    END { i50 = int(NR * .50 + .5); i99 = int(NR * .99 + .5); if (i50 < 1) i50 = 1; if (i99 < 1) i99 = 1
          printf "n=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f\n", NR, v[i50], v[i99], v[NR] }'
}

non200() { awk '$1 != 200 { n++ } END { print n + 0 }'; }

declare -A results=()
# /api/v1/me is the floor: the same session, security filter chain and JSON with no work, which
# shows what any request costs on the machine at that moment.
ENDPOINTS=("/api/v1/insights/leader" "/api/v1/insights/leader/counts" "/insights" "/api/v1/me")
NAMES=(api counts page floor)

measure() {
  local mode=$1 count=$2 run i out line bad
  for run in $(seq 1 "$RUNS"); do
    for i in "${!ENDPOINTS[@]}"; do
      out=$(timed_gets "${ENDPOINTS[$i]}" "$count")
      bad=$(non200 <<<"$out")
      [[ $bad -eq 0 ]] || die "${ENDPOINTS[$i]}: $bad answers were not 200: $(grep -v '^200 ' <<<"$out" | head -3)"
      line=$(stats <<<"$out")
      results[$mode.${NAMES[$i]}.$run]=$line
      printf 'run %d %-5s %-7s %-32s %s  load %s\n' "$run" "$mode" "${NAMES[$i]}" "${ENDPOINTS[$i]}" "$line" "$(cut -d' ' -f1 /proc/loadavg)"
    done
  done
}

# app MODE CACHE : starts the app on the database, logs in as leader, warms up.
app() {
  local mode=$1 cache=$2 ready
  log "starting the app ($mode, dashboard cache $cache) on $PGDB (log $WORK/app-$mode.log)"
  start_app "$WORK" "$WORK/app-$mode.log" --spring.profiles.active=postgres \
    --spring.datasource.url="jdbc:postgresql://$PG_HOST:5432/$PGDB" --spring.datasource.username="$PG_USER" \
    --shouwang.insights.dashboard-cache="$cache" --logging.level.org.shouwang.insights.LeaderDashboard=DEBUG
  ready=$(wait_ready 900)
  log "ready after ${ready}s; login as leader; warm-up"
  COOKIE=$(login leader shouwang2026)
  # the first request of a fresh app (JIT, connection pool, Thymeleaf) is reported apart
  first=$(timed_gets "/api/v1/insights/leader" 1 | stats)
  printf 'first request after start (%s): %s\n' "$mode" "$first"
  local w=$WARMUP
  [[ $mode == cold ]] && w=$(( WARMUP < 3 ? WARMUP : 3 ))
  for path in "${ENDPOINTS[@]}"; do timed_gets "$path" "$w" >/dev/null; done
}

# The baseline: the dashboard's figures as plain SQL over the raw tables (what every request would
# cost without the rollup cells): the totals with the two medians, by month, category, college and
# building (counts), and the activities by type, series and education with their totals.
write_baseline() {
  cat >"$WORK/baseline.sql" <<EOF
SELECT count(*), count(*) FILTER (WHERE first_response_at IS NOT NULL), count(*) FILTER (WHERE first_response_at IS NOT NULL AND responded_on_time),
       count(*) FILTER (WHERE resolved_at IS NOT NULL), count(*) FILTER (WHERE resolved_at IS NOT NULL AND resolved_on_time),
       count(*) FILTER (WHERE followed_up_at IS NOT NULL), count(*) FILTER (WHERE followed_up_at IS NOT NULL AND contacted),
       count(*) FILTER (WHERE followed_up_at IS NOT NULL AND solved), count(*) FILTER (WHERE satisfaction IN ('SATISFIED', 'BASICALLY')),
       count(*) FILTER (WHERE returns > 0), count(*) FILTER (WHERE reopens > 0), count(*) FILTER (WHERE supervision_level > 0),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY response_minutes) FILTER (WHERE first_response_at IS NOT NULL),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY resolution_minutes) FILTER (WHERE resolved_at IS NOT NULL)
  FROM ticket WHERE submitted_at >= TIMESTAMPTZ '$FROM 00:00+08' AND submitted_at < TIMESTAMPTZ '$END 00:00+08' AND state <> 'WITHDRAWN';
SELECT to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), count(*), count(*) FILTER (WHERE first_response_at IS NOT NULL),
       count(*) FILTER (WHERE resolved_at IS NOT NULL), count(*) FILTER (WHERE satisfaction IN ('SATISFIED', 'BASICALLY')),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY response_minutes) FILTER (WHERE first_response_at IS NOT NULL),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY resolution_minutes) FILTER (WHERE resolved_at IS NOT NULL)
  FROM ticket WHERE submitted_at >= TIMESTAMPTZ '$FROM 00:00+08' AND submitted_at < TIMESTAMPTZ '$END 00:00+08' AND state <> 'WITHDRAWN' GROUP BY 1;
SELECT category, count(*) FROM ticket WHERE submitted_at >= TIMESTAMPTZ '$FROM 00:00+08' AND submitted_at < TIMESTAMPTZ '$END 00:00+08' AND state <> 'WITHDRAWN' GROUP BY category;
SELECT college_id, count(*) FROM ticket WHERE submitted_at >= TIMESTAMPTZ '$FROM 00:00+08' AND submitted_at < TIMESTAMPTZ '$END 00:00+08' AND state <> 'WITHDRAWN' GROUP BY college_id;
SELECT building_id, count(*) FROM ticket WHERE submitted_at >= TIMESTAMPTZ '$FROM 00:00+08' AND submitted_at < TIMESTAMPTZ '$END 00:00+08' AND state <> 'WITHDRAWN' GROUP BY building_id;
SELECT a.type, count(DISTINCT a.id), count(t.id), COALESCE(sum(t.hours), 0) FROM activity a LEFT JOIN attendance t ON t.activity_id = a.id AND t.state = 'PRESENT'
  WHERE a.state = 'PUBLISHED' AND a.starts_at >= TIMESTAMPTZ '$FROM 00:00+08' AND a.starts_at < TIMESTAMPTZ '$END 00:00+08' GROUP BY a.type;
SELECT a.series, count(DISTINCT a.id), count(t.id), COALESCE(sum(t.hours), 0) FROM activity a LEFT JOIN attendance t ON t.activity_id = a.id AND t.state = 'PRESENT'
  WHERE a.state = 'PUBLISHED' AND a.starts_at >= TIMESTAMPTZ '$FROM 00:00+08' AND a.starts_at < TIMESTAMPTZ '$END 00:00+08' GROUP BY a.series;
SELECT e.education, count(DISTINCT a.id), count(t.id), COALESCE(sum(t.hours), 0) FROM activity a JOIN activity_education e ON e.activity_id = a.id
  LEFT JOIN attendance t ON t.activity_id = a.id AND t.state = 'PRESENT'
  WHERE a.state = 'PUBLISHED' AND a.starts_at >= TIMESTAMPTZ '$FROM 00:00+08' AND a.starts_at < TIMESTAMPTZ '$END 00:00+08' GROUP BY e.education;
SELECT count(DISTINCT a.id), count(t.id), COALESCE(sum(t.hours), 0) FROM activity a LEFT JOIN attendance t ON t.activity_id = a.id AND t.state = 'PRESENT'
  WHERE a.state = 'PUBLISHED' AND a.starts_at >= TIMESTAMPTZ '$FROM 00:00+08' AND a.starts_at < TIMESTAMPTZ '$END 00:00+08';
EOF
}

baseline() {
  local run prefix out
  for run in $(seq 1 "$RUNS"); do
    prefix="$WORK/pgbench.$run"
    out=$(timeout 900 pgbench -h "$PG_HOST" -U "$PG_USER" -n -c1 -j1 -t "$BASE_N" -f "$WORK/baseline.sql" -l --log-prefix="$prefix" "$PGDB" 2>&1) \
      || die "pgbench failed: $out"
    results[sql.base.$run]=$(cat "$prefix".* | awk '{ print "200", $3 / 1e6 }' | stats)
    rm -f "$prefix".*
    printf 'run %d %-5s %-7s %-32s %s  load %s\n' "$run" "sql" "base" "raw SQL recount (pgbench -c1)" "${results[sql.base.$run]}" "$(cut -d' ' -f1 /proc/loadavg)"
  done
}

printf '# bench/insights-dashboard.sh %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
printf '# host: %s cores, load %s; jar %s; database %s (%s requests, %s attendance records)\n' "$(nproc)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "${JAR#"$ROOT"/}" "$PGDB" "$(psql_db -c 'SELECT count(*) FROM ticket')" \
  "$(psql_db -c 'SELECT count(*) FROM attendance')"
printf '# java: %s\n' "$(jvm_flags)"
printf '# period %s to %s (the default: last 12 months); sequential requests per endpoint and run: %d with the cache, %d without; %d runs; warm-up %d (3 without the cache)\n' \
  "$FROM" "$TODAY" "$N" "$COLD_N" "$RUNS" "$WARMUP"

write_baseline
modes=()
if [[ $WARM == 1 ]]; then
  app warm PT60S
  measure warm "$N"
  stop_app
  # the background renewals of the cached copy during the runs, and any that failed
  printf 'dashboard computations (first and renewals): %s, in ms: %s; failed renewals: %s\n' "$(grep -c 'Computed the leader dashboard' "$WORK/app-warm.log" || true)" \
    "$(grep -o 'Computed the leader dashboard.* in [0-9]* ms' "$WORK/app-warm.log" | grep -o '[0-9]* ms$' | tr -d ' ms' | paste -sd' ' || true)" \
    "$(grep -c 'Exception thrown during refresh' "$WORK/app-warm.log" || true)"
  modes+=(warm)
fi
if [[ $COLD == 1 ]]; then
  app cold 0s
  measure cold "$COLD_N"
  stop_app
  modes+=(cold)
fi
baseline

printf '\n## medians of %d runs (each run: p50/p99 of its sequential requests; load now %s)\n' "$RUNS" "$(cut -d' ' -f1-3 /proc/loadavg)"
declare -A med=()
for mode in "${modes[@]}" sql; do
  if [[ $mode == sql ]]; then names=(base); else names=("${NAMES[@]}"); fi
  for name in "${names[@]}"; do
    for f in p50_ms p99_ms; do
      vals=()
      for run in $(seq 1 "$RUNS"); do vals+=("$(field "${results[$mode.$name.$run]}" "$f")"); done
      med[$mode.$name.$f]=$(median "${vals[@]}")
    done
    printf '%-5s %-7s p50 %8s ms   p99 %8s ms\n' "$mode" "$name" "${med[$mode.$name.p50_ms]}" "${med[$mode.$name.p99_ms]}"
  done
done
for mode in "${modes[@]}"; do
  printf 'goal (%s, GET /api/v1/insights/leader): p50 <= 50 ms -> %s; p99 <= 200 ms -> %s; the raw SQL is %sx the p50\n' "$mode" \
    "$(awk -v v="${med[$mode.api.p50_ms]}" 'BEGIN { print (v <= 50 ? "met" : "MISSED") }')" \
    "$(awk -v v="${med[$mode.api.p99_ms]}" 'BEGIN { print (v <= 200 ? "met" : "MISSED") }')" \
    "$(ratio "${med[sql.base.p50_ms]}" "${med[$mode.api.p50_ms]}")"
done
