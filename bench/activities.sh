#!/usr/bin/env bash
# Activities under load, PostgreSQL: a registration rush (10,000 distinct students register over
# HTTP for one 500-seat activity with a 500-place waitlist, as fast as 64 connections go) beside
# pgbench running the "hot row" script (conditional seat update + registration insert), and a
# check-in burst (the 500 seated students check in with the rotating code, spread over 60 s).
# Requests are sent by bench/LoadDriver.java, a bounded Java load driver. See bench/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/activities.sh [--runs N] [--students N] [--seats N] [--connections C]
                           [--pgbench-clients N] [--pgbench-seconds S] [--checkin-seconds S] [--port P]
  defaults: --runs 3 --students 10000 --seats 500 --connections 64 --pgbench-clients 8
            --pgbench-seconds 10 --checkin-seconds 60 --port 8094
  Always PostgreSQL (a fresh database on PG_HOST, default 127.0.0.1, user PG_USER, default postgres).
  JAR=<jar> runs another build; JAVA_OPTS is passed to java.
EOF
}

PORT=8094 STUDENTS=10000 SEATS=500 RUNS=3 CONNECTIONS=64 PGCLIENTS=8 PGSECONDS=10 CHECKIN_SECONDS=60
JAVA_OPTS=${JAVA_OPTS:-}
PG_HOST=${PG_HOST:-127.0.0.1} PG_USER=${PG_USER:-postgres}
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) RUNS=$2; shift ;;
    --students) STUDENTS=$2; shift ;;
    --seats) SEATS=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --pgbench-clients) PGCLIENTS=$2; shift ;;
    --pgbench-seconds) PGSECONDS=$2; shift ;;
    --checkin-seconds) CHECKIN_SECONDS=$2; shift ;;
    --port) PORT=$2; shift ;;
    --rebuild) REBUILD=1 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done
[[ $PORT -ge 8090 && $PORT -le 8099 ]] || die "use a port in 8090-8099"

WORK=$(mktemp -d /tmp/shouwang-bench-activities.XXXXXX)
PGDB=""
cleanup() {
  stop_app
  if [[ -n "$PGDB" ]]; then dropdb -h "$PG_HOST" -U "$PG_USER" --if-exists "$PGDB" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_tool pgbench postgresql-client
ensure_jar
psql_db() { psql -h "$PG_HOST" -U "$PG_USER" -d "$PGDB" -qAtX -v ON_ERROR_STOP=1 "$@"; }
BASE="http://127.0.0.1:$PORT"

# Access tokens stored the way AccessTokens stores them (SHA-256 of "sw_..."): one per student,
# in a fixed order, and one each for the organiser (counsellor) and the approver (affairs).
make_tokens() {
  psql_db -c "INSERT INTO access_token (account_id, name, token_hash, hint, created_at)
      SELECT id, 'bench', encode(sha256(convert_to('sw_bench_' || id, 'UTF8')), 'hex'), right('sw_bench_' || id, 4), now()
      FROM account WHERE student_id IS NOT NULL OR username IN ('counsellor', 'affairs')"
  psql_db -c "SELECT 'sw_bench_' || id FROM account WHERE student_id IS NOT NULL ORDER BY id LIMIT $STUDENTS" >"$WORK/tokens.txt"
  [[ $(wc -l <"$WORK/tokens.txt") -ge $STUDENTS ]] || die "fewer than $STUDENTS student accounts"
  ORGANISER="sw_bench_$(psql_db -c "SELECT id FROM account WHERE username = 'counsellor'")"
  APPROVER="sw_bench_$(psql_db -c "SELECT id FROM account WHERE username = 'affairs'")"
}

api() { # api METHOD PATH TOKEN [JSON]
  curl -fsS -m 30 -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' ${4:+-d "$4"} "$BASE$2"
}

# A published lecture starting in 20 minutes (check-in opens 30 minutes before the start), its
# registration open now; prints its id.
new_activity() {
  local now starts body id
  now=$(date -u +%s)
  iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
  starts=$((now + 1200))
  body=$(printf '{"title":"压测讲座 %s","description":"bench","type":"LECTURE","series":"求是讲堂","brand":"守望","educations":["INTELLECTUAL"],"organiserKind":"DEPARTMENT","organiser":"学生工作部","venue":"社区报告厅","startsAt":"%s","endsAt":"%s","audience":"EVERYONE","capacity":%d,"waitlistLimit":%d,"registrationOpensAt":"%s","registrationClosesAt":"%s","cancelBy":"%s","hours":2,"credits":0.5,"hoursByDuration":false}' \
    "$1" "$(iso $starts)" "$(iso $((starts + 7200)))" "$SEATS" "$SEATS" "$(iso $((now - 60)))" "$(iso $((starts - 60)))" "$(iso $((starts - 60)))")
  id=$(api POST /api/v1/activities "$ORGANISER" "$body" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  [[ -n "$id" ]] || die "could not create an activity"
  api POST "/api/v1/activities/$id/submit" "$ORGANISER" '{}' >/dev/null
  api POST "/api/v1/activities/$id/approve" "$APPROVER" '{}' >/dev/null
  echo "$id"
}

driver() { java -cp "$WORK/driver" LoadDriver "$@"; }

# cpu_line APP0 PG0 OUT N: where the CPU of a phase went, in ms per request.
cpu_line() {
  local app=$(awk -v a="$(cpu_s)" -v b="$1" 'BEGIN { printf "%.2f", a - b }') pg=$(awk -v a="$(pg_cpu_s)" -v b="$2" 'BEGIN { printf "%.2f", a - b }')
  local drv=$(sed -n 's/^DRIVER_CPU_S //p' <<<"$3")
  awk -v a="$app" -v p="$pg" -v d="${drv:-0}" -v n="$4" \
    'BEGIN { printf "cpu: app %.2f s, postgres %.2f s, driver %.2f s = %.3f / %.3f / %.3f ms per request", a, p, d, 1000*a/n, 1000*p/n, 1000*d/n }'
}

# pgbench: the least a registration does at the database, on a row every client wants: the
# conditional seat update and the registration insert, in one transaction. Its activity has a
# capacity no run reaches, so every transaction takes the row lock (the hot row).
write_pgbench_script() {
  local hot=$1
  cat >"$WORK/hot.pgbench" <<EOF
\set s random(100000000, 2000000000)
BEGIN;
UPDATE activity SET taken = taken + 1 WHERE id = $hot AND taken < capacity;
INSERT INTO registration (activity_id, student_id, state, registered_at) VALUES ($hot, :s, 'REGISTERED', now()) ON CONFLICT DO NOTHING;
END;
EOF
}

run_pgbench() {
  local out
  out=$(timeout $((PGSECONDS + 60)) pgbench -h "$PG_HOST" -U "$PG_USER" -n -M prepared -c "$PGCLIENTS" -j 2 \
    -T "$PGSECONDS" -f "$WORK/hot.pgbench" "$PGDB" 2>&1) || die "pgbench failed: $out"
  printf 'WRK_RESULT rps=%s p50_ms=%s\n' "$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out" | tail -1)" \
    "$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$out")"
}

printf '# bench/activities.sh %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
printf '# host: %s cores, load %s; jar %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "${JAR#"$ROOT"/}"
printf '# java: %s\n' "$(jvm_flags)"
printf '# rush: %s students POST /api/v1/activities/{id}/registration, %s connections, %s seats + %s waitlist; %s runs\n' \
  "$STUDENTS" "$CONNECTIONS" "$SEATS" "$SEATS" "$RUNS"
printf '# pgbench -n -M prepared -c%s -j2 -T%s (hot row: conditional seat update + registration insert)\n' "$PGCLIENTS" "$PGSECONDS"
printf '# check-in: the %s seated students POST /api/v1/activities/{id}/check-ins with the rotating code over %ss\n' \
  "$SEATS" "$CHECKIN_SECONDS"

mkdir -p "$WORK/driver"
javac -d "$WORK/driver" "$BENCH_DIR/LoadDriver.java"
PGDB="shouwang_bench_activities_$$"
dropdb -h "$PG_HOST" -U "$PG_USER" --if-exists "$PGDB"
createdb -h "$PG_HOST" -U "$PG_USER" "$PGDB"
log "starting the app on port $PORT with $STUDENTS students on PostgreSQL $PGDB (log: $WORK/app.log)"
start_app "$WORK" "$WORK/app.log" --shouwang.demo.students="$STUDENTS" --shouwang.demo.requests=0 \
  --shouwang.demo.activities=0 --spring.profiles.active=postgres \
  --spring.datasource.url="jdbc:postgresql://$PG_HOST:5432/$PGDB" --spring.datasource.username="$PG_USER"
ready=$(wait_ready 900)
log "ready after ${ready}s"
make_tokens
hot=$(new_activity hot)
psql_db -c "UPDATE activity SET capacity = 2000000000, waitlist_limit = 0 WHERE id = $hot"
write_pgbench_script "$hot"

# The JIT needs more than one rush to settle: measured, the first 10,000-request rush cost the app
# 1.2 ms of CPU per request and the third 0.7 ms. Two full rushes and two baselines come first.
log "warm-up: two rushes of $STUDENTS on warm-up activities, GET /api/v1/me twice, pgbench"
for warm in 1 2; do
  driver --url "$BASE/api/v1/activities/$(new_activity "warm $warm")/registration" --tokens "$WORK/tokens.txt" \
    --count "$STUDENTS" --concurrency "$CONNECTIONS" >/dev/null
  driver --url "$BASE/api/v1/me" --method GET --tokens "$WORK/tokens.txt" --count "$STUDENTS" --concurrency "$CONNECTIONS" >/dev/null
done
run_pgbench >/dev/null

declare -A results=()
for run in $(seq 1 "$RUNS"); do
  id=$(new_activity "run $run")
  app0=$(cpu_s) pg0=$(pg_cpu_s)
  out=$(driver --url "$BASE/api/v1/activities/$id/registration" --tokens "$WORK/tokens.txt" --count "$STUDENTS" \
    --concurrency "$CONNECTIONS" --slow-ms 1000)
  rush_cpu=$(cpu_line "$app0" "$pg0" "$out" "$STUDENTS")
  results[rush.$run]=$(grep '^WRK_RESULT' <<<"$out")
  seated=$(psql_db -c "SELECT count(*) FROM registration WHERE activity_id = $id AND state = 'REGISTERED'")
  waiting=$(psql_db -c "SELECT count(*) FROM registration WHERE activity_id = $id AND state = 'WAITLISTED'")
  taken=$(psql_db -c "SELECT taken FROM activity WHERE id = $id")
  printf 'run %d rush     %s %s; seated=%s waitlisted=%s taken=%s; over 1 s by tenth of the run: %s\n' "$run" \
    "${results[rush.$run]#WRK_RESULT }" "$(grep '^STATUSES' <<<"$out")" "$seated" "$waiting" "$taken" \
    "$(sed -n 's/^SLOW_BY_TENTH //p' <<<"$out")"
  printf 'run %d rush     %s\n' "$run" "$rush_cpu"
  [[ $seated == "$SEATS" && $taken == "$SEATS" ]] || log "CAPACITY BROKEN: $seated seated, taken $taken, of $SEATS"

  app0=$(cpu_s) pg0=$(pg_cpu_s)
  out=$(driver --url "$BASE/api/v1/me" --method GET --tokens "$WORK/tokens.txt" --count "$STUDENTS" --concurrency "$CONNECTIONS")
  results[baseline.$run]=$(grep '^WRK_RESULT' <<<"$out")
  printf 'run %d baseline %s\n' "$run" "${results[baseline.$run]#WRK_RESULT }"
  printf 'run %d baseline %s\n' "$run" "$(cpu_line "$app0" "$pg0" "$out" "$STUDENTS")"

  results[pgbench.$run]=$(run_pgbench)
  printf 'run %d pgbench  %s\n' "$run" "${results[pgbench.$run]#WRK_RESULT }"

  # The seated students, in the order of the token file, check in over CHECKIN_SECONDS.
  psql_db -c "SELECT 'sw_bench_' || a.id FROM registration r JOIN account a ON a.student_id = r.student_id
      WHERE r.activity_id = $id AND r.state = 'REGISTERED' ORDER BY a.id" >"$WORK/seated.txt"
  out=$(driver --url "$BASE/api/v1/activities/$id/check-ins" --tokens "$WORK/seated.txt" --count "$SEATS" \
    --concurrency 16 --seconds "$CHECKIN_SECONDS" --body '{"token":"{token}"}' \
    --refresh "$BASE/api/v1/activities/$id/check-in-token" --refresh-token "$ORGANISER" --refresh-every 5)
  results[checkin.$run]=$(grep '^WRK_RESULT' <<<"$out")
  present=$(psql_db -c "SELECT count(*) FROM attendance WHERE activity_id = $id AND state = 'PRESENT'")
  printf 'run %d check-in %s %s; present=%s\n' "$run" "${results[checkin.$run]#WRK_RESULT }" "$(grep '^STATUSES' <<<"$out")" "$present"
done
stop_app

printf '\n## medians of %d runs\n' "$RUNS"
printf '%-9s %9s %9s %9s %10s\n' what p50_ms p90_ms p99_ms req/s
declare -A med=()
for kind in rush baseline pgbench checkin; do
  for f in p50_ms p90_ms p99_ms rps; do
    vals=()
    for run in $(seq 1 "$RUNS"); do vals+=("$(field "${results[$kind.$run]}" "$f")"); done
    if [[ -n "${vals[0]}" ]]; then med[$kind.$f]=$(median "${vals[@]}"); else med[$kind.$f]="-"; fi
  done
  printf '%-9s %9s %9s %9s %10s\n' "$kind" "${med[$kind.p50_ms]}" "${med[$kind.p90_ms]}" "${med[$kind.p99_ms]}" "${med[$kind.rps]}"
done
printf '(pgbench p50_ms is its average latency)\n'
printf 'ratio rush/pgbench throughput: %sx; rush/baseline throughput: %sx\n' \
  "$(ratio "${med[rush.rps]}" "${med[pgbench.rps]}")" "$(ratio "${med[rush.rps]}" "${med[baseline.rps]}")"
printf 'goal rush: p99 <= 200 ms -> %s; throughput >= 2x pgbench -> %s\n' \
  "$(awk -v v="${med[rush.p99_ms]}" 'BEGIN { print (v <= 200 ? "met" : "MISSED") }')" \
  "$(awk -v a="${med[rush.rps]}" -v b="${med[pgbench.rps]}" 'BEGIN { print (a >= 2 * b ? "met" : "MISSED") }')"
printf 'goal check-in: p99 <= 100 ms -> %s\n' "$(awk -v v="${med[checkin.p99_ms]}" 'BEGIN { print (v <= 100 ? "met" : "MISSED") }')"
