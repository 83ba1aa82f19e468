# Shared helpers for bench/*.sh (sourced, not run). Bash, `set -euo pipefail` in the caller.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
JAR_GLOB="$ROOT/target/shouwang-*.jar"
APP_PID=""

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# The jar, built when missing, when asked (REBUILD=1) or when pom.xml/src/ is newer than it.
ensure_jar() {
  local jar
  if [[ -n "${JAR:-}" ]]; then [[ -f "$JAR" ]] || die "JAR=$JAR does not exist"; return 0; fi
  jar=$(ls $JAR_GLOB 2>/dev/null | grep -v -- '-plain' | head -1 || true)
  if [[ -z "$jar" || "${REBUILD:-0}" == 1 || -n "$(find "$ROOT/src" "$ROOT/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]]; then
    log "building the jar (mvn -B -q -DskipTests package)"
    (cd "$ROOT" && timeout 900 mvn -B -q -DskipTests package) >&2
    jar=$(ls $JAR_GLOB | grep -v -- '-plain' | head -1)
  fi
  JAR="$jar"
}

# Installs a Debian package for a missing tool (as root), else gives up.
ensure_tool() {
  local tool=$1 package=${2:-$1}
  command -v "$tool" >/dev/null && return 0
  [[ $(id -u) == 0 ]] || die "$tool is missing: apt-get install $package"
  log "installing $package"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package") >&2
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_app DIR LOG ARGS... : starts the jar in DIR (./data is relative to it) in the background.
# RUN_JAR (default $JAR) and LAUNCH_OPTS let startup.sh start an extracted jar with a CDS archive;
# RUN_CLASSPATH starts the main class from target/classes as `mvn spring-boot:run` does.
start_app() {
  local dir=$1 logfile=$2; shift 2
  port_free "$PORT" || die "port $PORT is in use"
  if [[ -n ${RUN_CLASSPATH:-} ]]; then
    # shellcheck disable=SC2086
    (cd "$dir" && exec java ${JAVA_OPTS:-} ${LAUNCH_OPTS:-} -cp "$RUN_CLASSPATH" org.shouwang.ShouwangApplication \
      --server.port="$PORT" "$@") >"$logfile" 2>&1 &
  else
    # shellcheck disable=SC2086
    (cd "$dir" && exec java ${JAVA_OPTS:-} ${LAUNCH_OPTS:-} -jar "${RUN_JAR:-$JAR}" --server.port="$PORT" "$@") >"$logfile" 2>&1 &
  fi
  APP_PID=$!
  APP_STARTED_AT=$(date +%s.%N)
}

# wait_ready TIMEOUT_S : polls the readiness probe every 100 ms; prints seconds since start_app.
wait_ready() {
  local limit=$1 deadline now
  deadline=$(awk -v t="$APP_STARTED_AT" -v l="$limit" 'BEGIN { printf "%.0f", t + l }')
  while :; do
    if curl -fs -m 1 -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; then
      now=$(date +%s.%N)
      awk -v a="$APP_STARTED_AT" -v b="$now" 'BEGIN { printf "%.2f\n", b - a }'
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || die "the app (pid $APP_PID) died; see its log"
    [[ $(date +%s) -lt $deadline ]] || die "the app was not ready within ${limit}s"
    sleep 0.1
  done
}

# Stops the app this script started (only that pid): TERM, then KILL after 30 s.
stop_app() {
  [[ -n "$APP_PID" ]] || return 0
  if kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$APP_PID" 2>/dev/null && kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

# CPU seconds (user + system, all threads incl. JIT and GC) the app has used so far.
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f\n", ($14 + $15) / hz }' "/proc/$APP_PID/stat"; }

# CPU seconds (user + system) PostgreSQL has used so far: its live processes, plus the backends that
# have exited (connections closed, e.g. pgbench's), which the postmaster's children times hold.
pg_cpu_s() {
  local p
  for p in $(pgrep -u postgres 2>/dev/null); do cat "/proc/$p/stat" 2>/dev/null; done | awk -v hz="$(getconf CLK_TCK)" '
    { ticks += $14 + $15; pid[$1] = 1; parent[$1] = $4; children[$1] = $16 + $17 }
    END { for (p in pid) if (!(parent[p] in pid)) ticks += children[p]; printf "%.2f\n", ticks / hz }'
}

# cpu_ms APP0 PG0 N: the app's and PostgreSQL's CPU since cpu_s = APP0 and pg_cpu_s = PG0, in ms
# per request (N requests), as "app_cpu_ms=… pg_cpu_ms=…".
cpu_ms() {
  awk -v a="$(cpu_s)" -v a0="$1" -v p="$(pg_cpu_s)" -v p0="$2" -v n="$3" \
    'BEGIN { printf "app_cpu_ms=%.3f pg_cpu_ms=%.3f\n", 1000 * (a - a0) / n, 1000 * (p - p0) / n }'
}

rss_mb() { awk '/^VmRSS:/ { printf "%.0f\n", $2 / 1024 }' "/proc/$APP_PID/status"; }

# login USER PASSWORD : form login with curl; prints a "Cookie: ..." header value for wrk.
login() {
  local jar csrf
  jar=$(mktemp "$WORK/cookies.XXXX")
  csrf=$(curl -fs -m 10 -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/login" \
    | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  [[ -n "$csrf" ]] || die "no CSRF token on /login"
  curl -fs -m 10 -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" \
    --data-urlencode "password=$2" --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$PORT/login"
  # every cookie the server set (JSESSIONID with Tomcat sessions, SESSION with Spring Session)
  awk -F'\t' 'NF >= 7 && $6 != "" { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar"
  curl -fs -m 10 -o /dev/null -b "$jar" "http://127.0.0.1:$PORT/api/v1/departments" \
    || die "login as $1 failed (the API refused the session cookie)"
}

# run_wrk SECONDS MODE : one bounded wrk run; prints its WRK_RESULT line.
run_wrk() {
  local seconds=$1 mode=$2 out
  out=$(timeout $((seconds + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s \
    -H "Cookie: $COOKIE" -s "$BENCH_DIR/search.lua" "http://127.0.0.1:$PORT" -- "$mode" "$BENCH_DIR/queries.txt")
  grep '^WRK_RESULT' <<<"$out" || die "wrk printed no result: $out"
}

# field LINE NAME : the value of NAME=... in a result line.
field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }

# median V1 V2 ... : the median (mean of the middle two for an even count).
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f\n", a / b }'; }

jvm_flags() {
  # shellcheck disable=SC2086
  java $JAVA_OPTS -XX:+PrintCommandLineFlags -version 2>&1 | head -1
}

# Runs a JUnit benchmark (-Dbench=true) RUNS times, each in a fresh JVM and, with PG=1, a fresh
# PostgreSQL database; appends its BENCH lines (tagged run=N) to RESULTS and echoes them.
# Usage: junit_bench CLASS RUNS PG RESULTS [-Dbench.x=y …]
junit_bench() {
  local class=$1 runs=$2 pg=$3 results=$4; shift 4
  # The tests' surefire argLine stops the JIT at C1 for quick test runs; a benchmark wants C2.
  local argline="-Duser.timezone=Asia/Shanghai -Xmx2g" db="" i
  echo "# $(basename "$0") $(date -u +%Y-%m-%dT%H:%M:%SZ); host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# mvn -B -q test -Dtest=$class -Dbench=true $* -DargLine=\"$argline\" ($([ "$pg" = 1 ] && echo PostgreSQL || echo H2))"
  for i in $(seq 1 "$runs"); do
    local env_vars=()
    if [ "$pg" = 1 ]; then
      db="shouwang_bench_$(tr '[:upper:]' '[:lower:]' <<<"$class")_$$_$i"
      dropdb -h 127.0.0.1 -U postgres --if-exists "$db" 2>/dev/null; createdb -h 127.0.0.1 -U postgres "$db"
      env_vars=(DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres)
    fi
    (cd "$ROOT" && env "${env_vars[@]}" timeout 1800 mvn -B -q test -Dtest="$class" -Dbench=true "$@" -DargLine="$argline" \
        -Dsurefire.failIfNoSpecifiedTests=false 2>&1) \
      | grep '^BENCH\|FAIL\|Tests run:\|expected\|Caused by' | sed "s/^BENCH /BENCH run=$i /" | tee -a "$results" || true
    [ -n "$db" ] && dropdb -h 127.0.0.1 -U postgres --if-exists "$db" >/dev/null 2>&1 || true
    db=""
  done
}
