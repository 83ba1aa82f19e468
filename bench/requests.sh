#!/usr/bin/env bash
# Request submission under load, PostgreSQL: authenticated students POST /api/v1/requests (JSON,
# personal access tokens of many demo students) with wrk, side by side with a baseline GET with the
# same tokens and with pgbench doing the raw two inserts of a submission (ticket row + history row).
# See bench/README.md, section "Requests".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/requests.sh [--runs N] [--duration S] [--warmup S] [--connections C] [--threads T]
                         [--pgbench-clients N] [--students N] [--tokens N] [--port P]
                         [--baseline PATH] [--rebuild]
  defaults: --runs 3 --duration 20 --warmup 20 --connections 32 --threads 2 --pgbench-clients 8
            --students 3000 --tokens 1000 --port 8093 --baseline /api/v1/me
  Always PostgreSQL (a fresh database on PG_HOST, default 127.0.0.1, user PG_USER, default postgres).
  JAR=<jar> runs another build (the submit API must be in it); JAVA_OPTS is passed to java.
EOF
}

PORT=8093 STUDENTS=3000 TOKENS=1000 RUNS=3 DURATION=20 WARMUP=20 THREADS=2 CONNECTIONS=32 PGCLIENTS=8
BASELINE=/api/v1/me JAVA_OPTS=${JAVA_OPTS:-}
PG_HOST=${PG_HOST:-127.0.0.1} PG_USER=${PG_USER:-postgres}
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) RUNS=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    --pgbench-clients) PGCLIENTS=$2; shift ;;
    --students) STUDENTS=$2; shift ;;
    --tokens) TOKENS=$2; shift ;;
    --port) PORT=$2; shift ;;
    --baseline) BASELINE=$2; shift ;;
    --pg) ;;
    --rebuild) REBUILD=1 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done
[[ $PORT -ge 8090 && $PORT -le 8099 ]] || die "use a port in 8090-8099"

WORK=$(mktemp -d /tmp/shouwang-bench-requests.XXXXXX)
PGDB=""
cleanup() {
  stop_app
  if [[ -n "$PGDB" ]]; then dropdb -h "$PG_HOST" -U "$PG_USER" --if-exists "$PGDB" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_tool wrk
ensure_tool pgbench postgresql-client
ensure_jar
psql_db() { psql -h "$PG_HOST" -U "$PG_USER" -d "$PGDB" -qAtX -v ON_ERROR_STOP=1 "$@"; }

# Personal access tokens for TOKENS demo students, stored the way AccessTokens stores them (only
# the SHA-256 of "sw_..."); one more is created through POST /api/v1/me/tokens, and a probe
# submission with it checks that the submit API is in this jar.
make_tokens() {
  psql_db -c "INSERT INTO access_token (account_id, name, token_hash, hint, created_at)
      SELECT id, 'bench', encode(sha256(convert_to('sw_bench_' || id, 'UTF8')), 'hex'), right('sw_bench_' || id, 4), now()
      FROM account WHERE student_id IS NOT NULL ORDER BY id LIMIT $TOKENS"
  psql_db -c "SELECT 'sw_bench_' || account_id FROM access_token WHERE name = 'bench' ORDER BY account_id" >"$WORK/tokens.txt"
  [[ -s "$WORK/tokens.txt" ]] || die "no student accounts to give tokens to"
  curl -fs -m 10 -o /dev/null -H "Authorization: Bearer $(head -1 "$WORK/tokens.txt")" "http://127.0.0.1:$PORT/api/v1/me" \
    || die "a stored bench token is refused"
  local cookie csrf secret status
  cookie=$(login student shouwang2026)
  csrf=$(curl -fs -m 10 -H "Cookie: $cookie" "http://127.0.0.1:$PORT/profile" \
    | grep -o 'name="_csrf" content="[^"]*"' | head -1 | sed 's/.*content="//; s/"$//')
  secret=$(curl -fs -m 10 -H "Cookie: $cookie" -H "X-CSRF-TOKEN: $csrf" -H 'Content-Type: application/json' \
    -d '{"name":"bench-api","validDays":1}' "http://127.0.0.1:$PORT/api/v1/me/tokens" | grep -o '"secret":"[^"]*"' | cut -d'"' -f4)
  [[ -n "$secret" ]] || die "POST /api/v1/me/tokens gave no secret"
  echo "$secret" >>"$WORK/tokens.txt"
  status=$(curl -s -m 10 -o "$WORK/probe.json" -w '%{http_code}' -H "Authorization: Bearer $secret" \
    -H 'Content-Type: application/json' -d '{"category":"REPAIRS","subcategory":"WATER","urgent":false,"text":"bench probe"}' \
    "http://127.0.0.1:$PORT/api/v1/requests")
  [[ $status == 201 || $status == 200 ]] \
    || die "POST /api/v1/requests answered $status: $(head -c 300 "$WORK/probe.json") (is the submit API in this jar?)"
}

# The pgbench script: the least a submission writes, in one transaction: the ticket row (student,
# class and college looked up as the app does, dispatched to logistics) and one history row.
write_pgbench_script() {
  local smin smax dept
  read -r smin smax <<<"$(psql_db -c "SELECT min(id) || ' ' || max(id) FROM student")"
  dept=$(psql_db -c "SELECT id FROM department WHERE code = 'HQ'")
  cat >"$WORK/submit.pgbench" <<EOF
\set s random($smin, $smax)
BEGIN;
INSERT INTO ticket (student_id, class_id, college_id, category, subcategory, urgent, text, location, channel, state, department_id, confidential, crisis, submitted_at, dispatch_by, dispatched_at, respond_by, resolve_by, returns, reopens, awaiting_decision, dispatch_forced, supervision_level, on_spot, version) SELECT s.id, s.class_id, m.college_id, 'REPAIRS', 'WATER', FALSE, '卫生间水龙头一直滴水，关不紧', '明德1号楼 217', 'ONLINE', 'DISPATCHED', $dept, FALSE, FALSE, now(), now() + INTERVAL '1' DAY, now(), now() + INTERVAL '1' DAY, now() + INTERVAL '3' DAY, 0, 0, FALSE, FALSE, 0, FALSE, 0 FROM student s JOIN class_group c ON c.id = s.class_id JOIN major m ON m.id = c.major_id WHERE s.id = :s RETURNING id AS ticket_id \gset
INSERT INTO ticket_event (ticket_id, at, actor_name, kind, public, to_state, text) VALUES (:ticket_id, now(), 'bench', 'SUBMITTED', TRUE, 'SUBMITTED', '卫生间水龙头一直滴水，关不紧');
END;
EOF
}

run_wrk() {
  local seconds=$1 mode=$2 out
  out=$(timeout $((seconds + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s \
    -s "$BENCH_DIR/requests.lua" "http://127.0.0.1:$PORT" -- "$mode" "$WORK/tokens.txt" 2>"$WORK/wrk.err")
  grep '^WRK_RESULT' <<<"$out" || die "wrk printed no result: $out $(cat "$WORK/wrk.err")"
  [[ -s "$WORK/wrk.err" ]] && log "wrk ($mode): $(head -3 "$WORK/wrk.err")"
  return 0
}

run_pgbench() {
  local seconds=$1 prefix out
  prefix="$WORK/pgbench.$(date +%s%N)"
  out=$(timeout $((seconds + 60)) pgbench -h "$PG_HOST" -U "$PG_USER" -n -M prepared -c "$PGCLIENTS" -j "$THREADS" \
    -T "$seconds" -f "$WORK/submit.pgbench" -l --log-prefix="$prefix" "$PGDB" 2>&1) || die "pgbench failed: $out"
  # per-transaction log: column 3 is the latency in microseconds
  cat "$prefix".* | awk '{ print $3 / 1000 }' | sort -g | awk -v seconds="$seconds" \
    -v tps="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out" | tail -1)" '
      { v[NR] = $1 }
      END { printf "WRK_RESULT requests=%d seconds=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=0 errors=0\n",
              NR, seconds, tps, v[int(NR * .50 + .5)], v[int(NR * .90 + .5)], v[int(NR * .99 + .5)], v[NR] }'
  rm -f "$prefix".*
}

printf '# bench/requests.sh %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
printf '# host: %s cores, load %s; jar %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "${JAR#"$ROOT"/}"
printf '# java: %s\n' "$(jvm_flags)"
printf '# submit: wrk -t%s -c%s -d%ss (warm-up %ss) POST /api/v1/requests; %s runs; %s students, %s tokens\n' \
  "$THREADS" "$CONNECTIONS" "$DURATION" "$WARMUP" "$RUNS" "$STUDENTS" "$TOKENS"
printf '# pgbench -n -M prepared -c%s -j%s -T%s (ticket + ticket_event insert in one transaction)\n' "$PGCLIENTS" "$THREADS" "$DURATION"

PGDB="shouwang_bench_requests_$$"
dropdb -h "$PG_HOST" -U "$PG_USER" --if-exists "$PGDB"
createdb -h "$PG_HOST" -U "$PG_USER" "$PGDB"
log "starting the app on port $PORT with $STUDENTS students on PostgreSQL $PGDB (log: $WORK/app.log)"
start_app "$WORK" "$WORK/app.log" --shouwang.demo.students="$STUDENTS" --spring.profiles.active=postgres \
  --spring.datasource.url="jdbc:postgresql://$PG_HOST:5432/$PGDB" --spring.datasource.username="$PG_USER"
ready=$(wait_ready 900)
log "ready after ${ready}s"
make_tokens
write_pgbench_script
before=$(psql_db -c "SELECT count(*) FROM ticket")
log "$(wc -l <"$WORK/tokens.txt") tokens, $before tickets; warm-up ${WARMUP}s each"
run_wrk "$WARMUP" submit >/dev/null
run_wrk "$WARMUP" "$BASELINE" >/dev/null
run_pgbench "$WARMUP" >/dev/null

kinds=(submit baseline pgbench)
declare -A results=()
for run in $(seq 1 "$RUNS"); do
  for kind in "${kinds[@]}"; do
    app0=$(cpu_s) pg0=$(pg_cpu_s)
    case $kind in
      submit) line=$(run_wrk "$DURATION" submit) ;;
      baseline) line=$(run_wrk "$DURATION" "$BASELINE") ;;
      pgbench) line=$(run_pgbench "$DURATION") ;;
    esac
    line="$line $(cpu_ms "$app0" "$pg0" "$(field "$line" requests)")"
    results[$kind.$run]=$line
    printf 'run %d %-8s %s\n' "$run" "$kind" "${line#WRK_RESULT }"
  done
done
states=$(psql_db -c "SELECT string_agg(state || '=' || n, ' ' ORDER BY state) FROM (SELECT state, count(*) AS n FROM ticket GROUP BY state) x")
events=$(psql_db -c "SELECT count(*) FROM ticket_event")
stop_app

printf '\n## medians of %d runs\n' "$RUNS"
printf '%-9s %9s %9s %9s %10s %7s %11s %10s\n' what p50_ms p90_ms p99_ms req/s non2xx app_cpu_ms pg_cpu_ms
declare -A med=()
for kind in "${kinds[@]}"; do
  for f in p50_ms p90_ms p99_ms rps non2xx app_cpu_ms pg_cpu_ms; do
    vals=()
    for run in $(seq 1 "$RUNS"); do vals+=("$(field "${results[$kind.$run]}" "$f")"); done
    med[$kind.$f]=$(median "${vals[@]}")
  done
  printf '%-9s %9s %9s %9s %10s %7s %11s %10s  %s\n' "$kind" "${med[$kind.p50_ms]}" "${med[$kind.p90_ms]}" "${med[$kind.p99_ms]}" \
    "${med[$kind.rps]}" "${med[$kind.non2xx]}" "${med[$kind.app_cpu_ms]}" "${med[$kind.pg_cpu_ms]}" \
    "$([[ $kind == baseline ]] && echo "GET $BASELINE" || true)"
done
printf 'tickets by state after the runs (pgbench rows included): %s; history rows: %s\n' "$states" "$events"
printf 'ratio submit/pgbench: throughput %sx, p50 %sx\n' \
  "$(ratio "${med[submit.rps]}" "${med[pgbench.rps]}")" "$(ratio "${med[submit.p50_ms]}" "${med[pgbench.p50_ms]}")"
printf 'ratio submit/baseline: throughput %sx, p50 %sx\n' \
  "$(ratio "${med[submit.rps]}" "${med[baseline.rps]}")" "$(ratio "${med[submit.p50_ms]}" "${med[baseline.p50_ms]}")"
printf 'goal: throughput >= 0.5x pgbench -> %s; p99 <= 50 ms -> %s\n' \
  "$(awk -v a="${med[submit.rps]}" -v b="${med[pgbench.rps]}" 'BEGIN { print (a >= 0.5 * b ? "met" : "MISSED") }')" \
  "$(awk -v v="${med[submit.p99_ms]}" 'BEGIN { print (v <= 50 ? "met" : "MISSED") }')"
