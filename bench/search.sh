#!/usr/bin/env bash
# Student search under load: /api/v1/students?q=… against a baseline endpoint of the same app
# (and, with --pg, against pgbench running the raw search SQL). See bench/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/search.sh [--pg | --pg-only] [--html] [--runs N] [--duration S] [--warmup S]
                       [--students N] [--port P] [--threads T] [--connections C]
                       [--baseline PATH] [--rebuild]
  --pg          after the H2 run, the same on a fresh PostgreSQL database plus pgbench (raw SQL)
  --pg-only     only PostgreSQL (and pgbench)
  --html        also measure the server-rendered page GET /students?q=…
  defaults: --runs 3 --duration 15 --warmup 5 --students 30000 --port 8091 --threads 2
            --connections 4 --baseline /api/v1/departments; JAVA_OPTS is passed to java
EOF
}

PORT=8091 STUDENTS=30000 RUNS=3 DURATION=15 WARMUP=5 THREADS=2 CONNECTIONS=4
BASELINE=/api/v1/departments BACKENDS="h2" HTML=0 JAVA_OPTS=${JAVA_OPTS:-}
PG_HOST=${PG_HOST:-127.0.0.1} PG_USER=${PG_USER:-postgres}
while [[ $# -gt 0 ]]; do
  case $1 in
    --pg) BACKENDS="h2 pg" ;;
    --pg-only) BACKENDS="pg" ;;
    --html) HTML=1 ;;
    --runs) RUNS=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --students) STUDENTS=$2; shift ;;
    --port) PORT=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --baseline) BASELINE=$2; shift ;;
    --rebuild) REBUILD=1 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done
[[ $PORT -ge 8090 && $PORT -le 8099 ]] || die "use a port in 8090-8099"

WORK=$(mktemp -d /tmp/shouwang-bench-search.XXXXXX)
PGDB=""
cleanup() {
  stop_app
  if [[ -n "$PGDB" ]]; then dropdb -h "$PG_HOST" -U "$PG_USER" --if-exists "$PGDB" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_tool wrk
[[ $BACKENDS == *pg* ]] && ensure_tool pgbench postgresql-client
ensure_jar

# The pgbench script: the statement of People#searchStudents for the admin's scope (no scope
# condition; a term of digits searches the student-number prefix, any other term names too; the
# page with the count of all matches as a window), with the term as a bind parameter (-M prepared),
# in a read-only transaction as the app runs it. The first SELECT only picks the term.
write_pgbench_script() {
  local list n
  list=$(grep -v '^$' "$BENCH_DIR/queries.txt" | sed "s/'/''/g; s/.*/'&'/" | paste -sd,)
  n=$(grep -vc '^$' "$BENCH_DIR/queries.txt")
  cat >"$WORK/search.pgbench" <<EOF
\set i random(1, $n)
SELECT q || '%' AS prefix, '%' || q || '%' AS part, (q ~ '^[0-9]+\$')::int AS digits FROM (SELECT (ARRAY[$list])[:i] AS q) x \gset
BEGIN READ ONLY;
\if :digits
SELECT s.id, s.student_number, s.name, s.gender, s.class_id, c.name AS class_name, count(*) OVER () AS total FROM student s JOIN class_group c ON c.id = s.class_id WHERE s.student_number LIKE :prefix ORDER BY s.student_number LIMIT 30 OFFSET 0;
\else
SELECT s.id, s.student_number, s.name, s.gender, s.class_id, c.name AS class_name, count(*) OVER () AS total FROM student s JOIN class_group c ON c.id = s.class_id WHERE (s.name LIKE :part OR s.student_number LIKE :prefix) ORDER BY s.student_number LIMIT 30 OFFSET 0;
\endif
END;
EOF
}

# run_pgbench SECONDS : prints a result line in the same format as run_wrk.
run_pgbench() {
  local seconds=$1 prefix out
  prefix="$WORK/pgbench.$(date +%s%N)"
  out=$(timeout $((seconds + 60)) pgbench -h "$PG_HOST" -U "$PG_USER" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" \
    -T "$seconds" -f "$WORK/search.pgbench" -l --log-prefix="$prefix" "$PGDB" 2>&1) || die "pgbench failed: $out"
  # per-transaction log: column 3 is the latency in microseconds
  cat "$prefix".* | awk '{ print $3 / 1000 }' | sort -g | awk -v seconds="$seconds" \
    -v tps="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out" | tail -1)" '
      { v[NR] = $1 }
      END { printf "WRK_RESULT requests=%d seconds=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=0 errors=0\n",
              NR, seconds, tps, v[int(NR * .50 + .5)], v[int(NR * .90 + .5)], v[int(NR * .99 + .5)], v[NR] }'
  rm -f "$prefix".*
}

printf '# bench/search.sh %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
printf '# host: %s cores, load %s; jar %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "${JAR#"$ROOT"/}"
printf '# java: %s\n' "$(jvm_flags)"
printf '# wrk -t%s -c%s -d%ss (warm-up %ss), %s runs, %s students, queries: bench/queries.txt (%s)\n' \
  "$THREADS" "$CONNECTIONS" "$DURATION" "$WARMUP" "$RUNS" "$STUDENTS" "$(grep -vc '^$' "$BENCH_DIR/queries.txt")"

for backend in $BACKENDS; do
  args=(--shouwang.demo.students="$STUDENTS")
  if [[ $backend == h2 ]]; then
    args+=(--spring.datasource.url="jdbc:h2:file:$WORK/h2/shouwang;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
  else
    PGDB="shouwang_bench_$$"
    dropdb -h "$PG_HOST" -U "$PG_USER" --if-exists "$PGDB"
    createdb -h "$PG_HOST" -U "$PG_USER" "$PGDB"
    args+=(--spring.profiles.active=postgres --spring.datasource.url="jdbc:postgresql://$PG_HOST:5432/$PGDB"
      --spring.datasource.username="$PG_USER")
    write_pgbench_script
  fi
  log "$backend: starting the app on port $PORT with $STUDENTS students (log: $WORK/app-$backend.log)"
  start_app "$WORK" "$WORK/app-$backend.log" "${args[@]}"
  ready=$(wait_ready 900)
  log "$backend: ready after ${ready}s ($(grep -o 'Demo campus of .*' "$WORK/app-$backend.log" || echo 'no demo line'))"
  COOKIE=$(login admin shouwang2026)

  log "$backend: warm-up ${WARMUP}s search + ${WARMUP}s baseline"
  run_wrk "$WARMUP" api >/dev/null
  run_wrk "$WARMUP" "$BASELINE" >/dev/null
  [[ $HTML == 1 ]] && run_wrk "$WARMUP" html >/dev/null

  kinds=(search baseline)
  [[ $HTML == 1 ]] && kinds+=(html)
  [[ $backend == pg ]] && kinds+=(pgbench)
  declare -A results=()
  for run in $(seq 1 "$RUNS"); do
    for kind in "${kinds[@]}"; do
      case $kind in
        search) line=$(run_wrk "$DURATION" api) ;;
        baseline) line=$(run_wrk "$DURATION" "$BASELINE") ;;
        html) line=$(run_wrk "$DURATION" html) ;;
        pgbench) line=$(run_pgbench "$DURATION") ;;
      esac
      results[$kind.$run]=$line
      printf '%s run %d %-8s %s\n' "$backend" "$run" "$kind" "${line#WRK_RESULT }"
    done
  done
  stop_app

  printf '\n## %s: medians of %d runs (wrk -t%s -c%s -d%ss)\n' "$backend" "$RUNS" "$THREADS" "$CONNECTIONS" "$DURATION"
  printf '%-9s %9s %9s %9s %10s %7s\n' what p50_ms p90_ms p99_ms req/s non2xx
  declare -A med=()
  for kind in "${kinds[@]}"; do
    for f in p50_ms p90_ms p99_ms rps non2xx; do
      vals=()
      for run in $(seq 1 "$RUNS"); do vals+=("$(field "${results[$kind.$run]}" "$f")"); done
      med[$kind.$f]=$(median "${vals[@]}")
    done
    label=$kind
    [[ $kind == baseline ]] && label="baseline ($BASELINE)"
    printf '%-9s %9s %9s %9s %10s %7s  %s\n' "$kind" "${med[$kind.p50_ms]}" "${med[$kind.p90_ms]}" \
      "${med[$kind.p99_ms]}" "${med[$kind.rps]}" "${med[$kind.non2xx]}" "$([[ $kind == baseline ]] && echo "$BASELINE")"
  done
  printf 'ratio search/baseline: p50 %sx, p90 %sx, p99 %sx, throughput %sx\n' \
    "$(ratio "${med[search.p50_ms]}" "${med[baseline.p50_ms]}")" "$(ratio "${med[search.p90_ms]}" "${med[baseline.p90_ms]}")" \
    "$(ratio "${med[search.p99_ms]}" "${med[baseline.p99_ms]}")" "$(ratio "${med[search.rps]}" "${med[baseline.rps]}")"
  if [[ $backend == pg ]]; then
    printf 'ratio search/pgbench (app vs raw SQL): p50 %sx, p90 %sx, p99 %sx, throughput %sx\n' \
      "$(ratio "${med[search.p50_ms]}" "${med[pgbench.p50_ms]}")" "$(ratio "${med[search.p90_ms]}" "${med[pgbench.p90_ms]}")" \
      "$(ratio "${med[search.p99_ms]}" "${med[pgbench.p99_ms]}")" "$(ratio "${med[search.rps]}" "${med[pgbench.rps]}")"
  fi
  printf 'goal: search p50 <= 20 ms -> %s\n\n' \
    "$(awk -v v="${med[search.p50_ms]}" 'BEGIN { print (v <= 20 ? "met" : "MISSED") }')"
  unset results med
  if [[ -n "$PGDB" ]]; then dropdb -h "$PG_HOST" -U "$PG_USER" --if-exists "$PGDB"; PGDB=""; fi
done
