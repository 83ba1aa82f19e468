#!/usr/bin/env bash
# Start-up time to ready and resident memory of the app with the demo campus on H2.
# See bench/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/startup.sh [--runs N] [--port P] [--students N] [--load S] [--no-rss] [--no-start]
                        [--launch fat|extracted|cds|run] [--rebuild]
  (a) first start on an empty ./data (default 3,000-student demo, generated during the start)
  (b) second start on the same ./data (nothing to generate)
  (c) RSS (VmRSS) with --students (default 30000): after the first start (with generation), after a
      restart on that data, and after --load seconds (default 10) of the search wrk run
  --launch      fat: java -jar the Boot jar (default); extracted: the jar extracted with
                -Djarmode=tools (plain classpath jars); run: target/classes as `mvn spring-boot:run`
                starts it (with the plugin's jvmArguments); cds: extracted plus a class-data-sharing
                archive from a training run (-XX:ArchiveClassesAtExit, -Dspring.context.exit=onRefresh)
  defaults: --runs 3 --port 8092; JAVA_OPTS is passed to java (default: none, the JVM's ergonomics)
EOF
}

LAUNCH=fat PORT=8092 RUNS=3 STUDENTS=30000 LOAD=10 DO_START=1 DO_RSS=1 THREADS=2 CONNECTIONS=4
JAVA_OPTS=${JAVA_OPTS:-}
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) RUNS=$2; shift ;;
    --port) PORT=$2; shift ;;
    --students) STUDENTS=$2; shift ;;
    --load) LOAD=$2; shift ;;
    --no-rss) DO_RSS=0 ;;
    --no-start) DO_START=0 ;;
    --launch) LAUNCH=$2; shift ;;
    --rebuild) REBUILD=1 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done
[[ $PORT -ge 8090 && $PORT -le 8099 ]] || die "use a port in 8090-8099"

WORK=$(mktemp -d /tmp/shouwang-bench-startup.XXXXXX)
cleanup() { stop_app; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_tool wrk
ensure_jar

# How the app is launched: the fat jar, or extracted (and with a CDS archive).
LAUNCH_OPTS=""
case $LAUNCH in
  fat) RUN_JAR=$JAR ;;
  extracted|cds)
    java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
    RUN_JAR="$WORK/app/$(basename "$JAR")"
    if [[ $LAUNCH == cds ]]; then
      log "CDS training run (starts the context once and exits)"
      mkdir -p "$WORK/train"
      (cd "$WORK/train" && timeout 600 java $JAVA_OPTS -XX:ArchiveClassesAtExit="$WORK/app/app.jsa" \
        -Dspring.context.exit=onRefresh -jar "$RUN_JAR" --server.port="$PORT") >"$WORK/train.log" 2>&1 \
        || die "CDS training run failed: $(tail -5 "$WORK/train.log")"
      rm -rf "$WORK/train"
      LAUNCH_OPTS="-XX:SharedArchiveFile=$WORK/app/app.jsa"
    fi ;;
  run)
    # What the README's `mvn spring-boot:run` forks: target/classes and the dependency jars, with
    # the jvmArguments of the spring-boot-maven-plugin in pom.xml.
    (cd "$ROOT" && timeout 600 mvn -B -q dependency:build-classpath -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$WORK/classpath.txt") >/dev/null
    RUN_CLASSPATH="$ROOT/target/classes:$(cat "$WORK/classpath.txt")"
    LAUNCH_OPTS=$(sed -n 's|.*<jvmArguments>\(.*\)</jvmArguments>.*|\1|p' "$ROOT/pom.xml") ;;
  *) die "--launch fat|extracted|cds|run" ;;
esac

goal_start=8 goal_rss=600 goal_p50=20
printf '# bench/startup.sh %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
printf '# host: %s cores, load %s; jar %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "${JAR#"$ROOT"/}"
printf '# JAVA_OPTS: "%s"; launch: %s: java %s %s\n# java: %s\n' "$JAVA_OPTS" "$LAUNCH" "$LAUNCH_OPTS" \
  "$([ "$LAUNCH" = run ] && echo "-cp target/classes:<runtime dependencies> org.shouwang.ShouwangApplication" \
     || echo "-jar $(sed "s|^$WORK|\$WORK|; s|^$ROOT/||" <<<"${RUN_JAR:-}")")" "$(jvm_flags)"
printf '# goals: start <= %s s, RSS with 30,000 students <= %s MB, search p50 <= %s ms\n' "$goal_start" "$goal_rss" "$goal_p50"

# spring_s LOG / demo_s LOG: Spring's own "Started … in X seconds" and the demo generation time.
spring_s() { sed -n 's/.*Started ShouwangApplication in \([0-9.]*\) seconds.*/\1/p' "$1" | tail -1; }
demo_s() { sed -n 's/.*loaded in \([0-9]*\) ms.*/\1/p' "$1" | awk '{ printf "%.2f", $1 / 1000 }'; }
verdict() { awk -v v="$1" -v g="$2" 'BEGIN { print (v <= g ? "met" : "MISSED") }'; }

if [[ $DO_START == 1 ]]; then
  first=() second=() first_spring=() first_demo=() second_spring=() first_cpu=() second_cpu=()
  for run in $(seq 1 "$RUNS"); do
    dir="$WORK/start-$run"
    mkdir -p "$dir"  # empty: ./data/shouwang (the default H2 URL) is created by the app
    start_app "$dir" "$dir/first.log"
    t=$(wait_ready 600); first_cpu+=("$(cpu_s)"); stop_app
    first+=("$t") first_spring+=("$(spring_s "$dir/first.log")") first_demo+=("$(demo_s "$dir/first.log")")
    start_app "$dir" "$dir/second.log"
    t2=$(wait_ready 600); second_cpu+=("$(cpu_s)"); stop_app
    second+=("$t2") second_spring+=("$(spring_s "$dir/second.log")")
    printf 'start run %d (load %s): (a) first start %ss, %s CPU-s (Spring context %ss, demo generation %ss)  (b) second start %ss, %s CPU-s (Spring context %ss)\n' \
      "$run" "$(cut -d' ' -f1 /proc/loadavg)" "$t" "${first_cpu[-1]}" "${first_spring[-1]}" "${first_demo[-1]}" "$t2" "${second_cpu[-1]}" "${second_spring[-1]}"
    rm -rf "$dir"
  done
  ma=$(median "${first[@]}") mb=$(median "${second[@]}")
  printf '\n## start-up to ready (launch -> /actuator/health/readiness UP, polled every 100 ms), median of %d\n' "$RUNS"
  printf '(a) first start, empty ./data, 3,000-student demo generated: %s s, %s CPU-s  (Spring context %s s + demo %s s)  goal <= %s s: %s\n' \
    "$ma" "$(median "${first_cpu[@]}")" "$(median "${first_spring[@]}")" "$(median "${first_demo[@]}")" "$goal_start" "$(verdict "$ma" "$goal_start")"
  printf '(b) second start on the same data:                            %s s, %s CPU-s  (Spring context %s s)  goal <= %s s: %s\n' \
    "$mb" "$(median "${second_cpu[@]}")" "$(median "${second_spring[@]}")" "$goal_start" "$(verdict "$mb" "$goal_start")"
  printf '(CPU-s: user+system seconds of all JVM threads until ready; wall time on 2 shared cores is at least CPU-s / 2)\n\n'

fi

if [[ $DO_RSS == 1 ]]; then
  gen=() ready=() loaded=() p50=()
  for run in $(seq 1 "$RUNS"); do
    dir="$WORK/rss-$run"
    mkdir -p "$dir"
    start_app "$dir" "$dir/first.log" --shouwang.demo.students="$STUDENTS"
    wait_ready 900 >/dev/null; sleep 2
    gen+=("$(rss_mb)"); stop_app
    start_app "$dir" "$dir/second.log" --shouwang.demo.students="$STUDENTS"
    wait_ready 600 >/dev/null; sleep 2
    ready+=("$(rss_mb)")
    COOKIE=$(login admin shouwang2026)
    line=$(run_wrk "$LOAD" api)
    loaded+=("$(rss_mb)") p50+=("$(field "$line" p50_ms)")
    stop_app
    printf 'rss run %d: after first start with generation %s MB, after restart %s MB, after %ss search load %s MB (that load: %s)\n' \
      "$run" "${gen[-1]}" "${ready[-1]}" "$LOAD" "${loaded[-1]}" "${line#WRK_RESULT }"
    rm -rf "$dir"
  done
  ml=$(median "${loaded[@]}") mp=$(median "${p50[@]}")
  printf '\n## resident memory (VmRSS) with %s students, median of %d\n' "$STUDENTS" "$RUNS"
  printf 'after the first start (generation included): %s MB\n' "$(median "${gen[@]}")"
  printf 'after a restart on that data:                %s MB\n' "$(median "${ready[@]}")"
  printf 'after %ss of search load (wrk -t%s -c%s):     %s MB   goal <= %s MB: %s\n' "$LOAD" "$THREADS" "$CONNECTIONS" "$ml" \
    "$goal_rss" "$(verdict "$ml" "$goal_rss")"
  printf 'search p50 during that load:                 %s ms   goal <= %s ms: %s (bench/search.sh measures it properly)\n' \
    "$mp" "$goal_p50" "$(verdict "$mp" "$goal_p50")"
fi
