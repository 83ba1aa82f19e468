#!/usr/bin/env bash
# A long-running installation for the leader dashboard benchmark (bench/insights-dashboard.sh), on
# PostgreSQL: the app is started once on a fresh database (Flyway schema + the demo campus), then
# 1,000,000 requests over the last two years and 5,000,000 attendance records on ~20,000
# activities are bulk-inserted with SQL (generate_series), and the app is started a second time so
# that its own KPI rollup (KpiRollup, the scheduled job) rolls every final request up into
# ticket_kpi_cell, as a running installation has. Prints how long each step took.
# See bench/README.md, section "Insights".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/insights-data.sh [--db NAME] [--requests N] [--attendance N] [--activities N]
                              [--students N] [--port P] [--keep-schema] [--rebuild]
  defaults: --db shouwang_bench_insights --requests 1000000 --attendance 5000000 --activities 20000
            --students 3000 --port 8095
  Drops and recreates the database NAME on PG_HOST (default 127.0.0.1) as PG_USER (default postgres)
  and leaves it there for bench/insights-dashboard.sh (drop it with: dropdb -h 127.0.0.1 -U postgres NAME).
  --keep-schema: reuse the database NAME (schema and demo campus from an earlier run): skips step 1
  and deletes the rows an earlier run inserted (text/description 'bench') instead.
EOF
}

PORT=8095 STUDENTS=3000 REQUESTS=1000000 ATTENDANCE=5000000 ACTIVITIES=20000 PGDB=shouwang_bench_insights
JAVA_OPTS=${JAVA_OPTS:-} KEEP=0
PG_HOST=${PG_HOST:-127.0.0.1} PG_USER=${PG_USER:-postgres}
while [[ $# -gt 0 ]]; do
  case $1 in
    --db) PGDB=$2; shift ;;
    --requests) REQUESTS=$2; shift ;;
    --attendance) ATTENDANCE=$2; shift ;;
    --activities) ACTIVITIES=$2; shift ;;
    --students) STUDENTS=$2; shift ;;
    --port) PORT=$2; shift ;;
    --keep-schema) KEEP=1 ;;
    --rebuild) REBUILD=1 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done
[[ $PORT -ge 8090 && $PORT -le 8099 ]] || die "use a port in 8090-8099"

WORK=$(mktemp -d /tmp/shouwang-bench-insights-data.XXXXXX)
cleanup() { stop_app; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_tool psql postgresql-client
ensure_jar
psql_db() { timeout 1800 psql -h "$PG_HOST" -U "$PG_USER" -d "$PGDB" -qAtX -v ON_ERROR_STOP=1 "$@"; }
step_started=0
step() { step_started=$(date +%s.%N); log "$*"; }
took() { awk -v a="$step_started" -v b="$(date +%s.%N)" -v w="$1" 'BEGIN { printf "step %-44s %8.1f s\n", w, b - a }'; }

printf '# bench/insights-data.sh %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
printf '# host: %s cores, load %s; jar %s; database %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "${JAR#"$ROOT"/}" "$PGDB"
printf '# %s requests over the last 730 days, %s attendance records on %s activities, %s demo students\n' \
  "$REQUESTS" "$ATTENDANCE" "$ACTIVITIES" "$STUDENTS"

if [[ $KEEP == 1 ]]; then
  step "1. reusing $PGDB: deleting the rows of an earlier run"
  psql_db <<'SQL'
DELETE FROM attendance WHERE activity_id IN (SELECT id FROM activity WHERE description = 'bench');
DELETE FROM activity_education WHERE activity_id IN (SELECT id FROM activity WHERE description = 'bench');
DELETE FROM activity WHERE description = 'bench';
DELETE FROM ticket WHERE text = 'bench';
SQL
else
  step "1. fresh database $PGDB, app start with the $STUDENTS-student demo (log $WORK/app1.log)"
  dropdb -h "$PG_HOST" -U "$PG_USER" --if-exists "$PGDB"
  createdb -h "$PG_HOST" -U "$PG_USER" "$PGDB"
  start_app "$WORK" "$WORK/app1.log" --shouwang.demo.enabled=true --shouwang.demo.students="$STUDENTS" \
    --spring.profiles.active=postgres --spring.datasource.url="jdbc:postgresql://$PG_HOST:5432/$PGDB" \
    --spring.datasource.username="$PG_USER"
  wait_ready 900 >/dev/null
  stop_app
fi
took "1. schema + demo campus (start to ready; 0 with --keep-schema)"

# ----- requests -------------------------------------------------------------------------------
# Two years up to now, evenly spread (~1,370 a day). Categories weighted like a residential campus
# (repairs most), departments as the published responsibility list routes the category (first
# clause; the headquarters otherwise), the student's class and college, buildings cycling (none for
# academics, employment and aid), floors 1-6. 98% final: closed (with response, resolution and, for
# 4 in 5, a follow-up with a rating), 3% withdrawn, 1% merged; the last 2% (~two weeks) still open:
# dispatched, in progress, resolved awaiting follow-up, reopened or returned. 1 in 50 returned once,
# 1 in 20 supervised, 1 in 40 urgent.
step "2. $REQUESTS requests (INSERT ... SELECT generate_series, 4 chunks)"
read -r nstudents nbuildings <<<"$(psql_db -F' ' -c "SELECT (SELECT count(*) FROM student), (SELECT count(*) FROM building)")"
[[ $nstudents -gt 0 && $nbuildings -gt 0 ]] || die "the demo campus has no students or buildings"
chunk=$(( (REQUESTS + 3) / 4 ))
for from in $(seq 1 "$chunk" "$REQUESTS"); do
  to=$(( from + chunk - 1 )); [[ $to -le $REQUESTS ]] || to=$REQUESTS
  psql_db -v n="$REQUESTS" -v from="$from" -v to="$to" -v students="$nstudents" -v buildings="$nbuildings" <<'SQL'
INSERT INTO ticket (student_id, class_id, college_id, category, subcategory, urgent, text, location, building_id,
    floor_number, channel, state, department_id, confidential, crisis, submitted_at, dispatched_at, first_response_at,
    response_minutes, responded_on_time, resolved_at, resolution_minutes, resolved_on_time, returns, reopens,
    supervision_level, followed_up_at, contacted, solved, satisfaction, closed_at)
SELECT st.id, st.class_id, st.college_id, x.category, CASE WHEN x.category = 'REPAIRS' THEN 'WATER' END, x.g % 40 = 0,
    'bench', 'bench', CASE WHEN x.category IN ('ACADEMICS', 'EMPLOYMENT', 'FINANCIAL_AID') THEN NULL ELSE b.id END,
    CASE WHEN x.category IN ('ACADEMICS', 'EMPLOYMENT', 'FINANCIAL_AID') THEN NULL ELSE 1 + x.g % 6 END,
    CASE x.g % 10 WHEN 0 THEN 'PHONE' WHEN 1 THEN 'IN_PERSON' ELSE 'ONLINE' END, x.state,
    CASE WHEN x.state = 'RETURNED' THEN NULL ELSE COALESCE(r.department_id, hq.id) END,
    x.category = 'PSYCHOLOGY', FALSE, x.submitted, x.submitted + INTERVAL '20' MINUTE,
    CASE WHEN x.responded THEN x.submitted + x.rmin * INTERVAL '1' MINUTE END,
    CASE WHEN x.responded THEN x.rmin END, CASE WHEN x.responded THEN x.rmin < 400 END,
    CASE WHEN x.resolved THEN x.submitted + x.smin * INTERVAL '1' MINUTE END,
    CASE WHEN x.resolved OR x.state = 'REOPENED' THEN x.smin END,
    CASE WHEN x.resolved OR x.state = 'REOPENED' THEN x.smin < 2400 END,
    CASE WHEN x.g % 50 = 0 OR x.state = 'RETURNED' THEN 1 ELSE 0 END,
    CASE WHEN x.state = 'REOPENED' THEN 1 ELSE 0 END,
    CASE WHEN x.g % 20 = 0 OR x.state = 'REOPENED' THEN 1 + x.g % 3 ELSE 0 END,
    CASE WHEN x.answered THEN x.submitted + INTERVAL '3' DAY END,
    CASE WHEN x.answered THEN x.g % 11 <> 0 END,
    CASE WHEN x.answered THEN x.g % 13 <> 0 AND x.state <> 'REOPENED' END,
    CASE WHEN x.state = 'REOPENED' THEN 'NOT' WHEN x.answered THEN
        CASE x.g % 7 WHEN 0 THEN 'NOT' WHEN 1 THEN 'BASICALLY' WHEN 2 THEN 'BASICALLY' ELSE 'SATISFIED' END END,
    CASE WHEN x.state IN ('CLOSED', 'WITHDRAWN', 'MERGED') THEN x.submitted + INTERVAL '4' DAY END
FROM (SELECT y.*, y.state IN ('CLOSED', 'RESOLVED', 'REOPENED', 'IN_PROGRESS') AS responded,
             y.state IN ('CLOSED', 'RESOLVED') AS resolved,
             (y.state = 'CLOSED' AND y.g % 5 <> 0) OR y.state = 'REOPENED' AS answered
      FROM (SELECT g, (g * 7919) % 480 AS rmin, (g * 104729) % 2880 AS smin,
                   now() - INTERVAL '730' DAY + (g - 1) * (730.0 * 86400 / :n) * INTERVAL '1' SECOND AS submitted,
                   CASE (g * 13) % 20 WHEN 0 THEN 'ACADEMICS' WHEN 1 THEN 'ACADEMICS' WHEN 2 THEN 'EMPLOYMENT'
                       WHEN 3 THEN 'PSYCHOLOGY' WHEN 4 THEN 'FINANCIAL_AID' WHEN 5 THEN 'SAFETY' WHEN 6 THEN 'LEGAL'
                       WHEN 7 THEN 'OTHER' WHEN 8 THEN 'OTHER' WHEN 9 THEN 'DORM_LIFE' WHEN 10 THEN 'DORM_LIFE'
                       WHEN 11 THEN 'DORM_LIFE' ELSE 'REPAIRS' END AS category,
                   CASE WHEN g > :n * 0.98 THEN
                            CASE g % 5 WHEN 0 THEN 'DISPATCHED' WHEN 1 THEN 'IN_PROGRESS' WHEN 2 THEN 'RESOLVED'
                                WHEN 3 THEN 'REOPENED' ELSE 'RETURNED' END
                        WHEN (g * 31) % 100 < 3 THEN 'WITHDRAWN' WHEN (g * 31) % 100 < 4 THEN 'MERGED'
                        ELSE 'CLOSED' END AS state
            FROM generate_series(CAST(:from AS BIGINT), CAST(:to AS BIGINT)) AS s(g)) y) x
JOIN (SELECT s.id, s.class_id, m.college_id, row_number() OVER (ORDER BY s.id) - 1 AS k
      FROM student s JOIN class_group c ON c.id = s.class_id JOIN major m ON m.id = c.major_id) st
  ON st.k = (x.g * 7) % :students
JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM building) b ON b.k = (x.g / 7) % :buildings
CROSS JOIN (SELECT min(id) AS id FROM department) hq
LEFT JOIN (SELECT DISTINCT ON (r.category) r.category, r.department_id
           FROM responsibility r JOIN responsibility_list l ON l.id = r.list_id
           WHERE l.status = 'PUBLISHED' ORDER BY r.category, r.id) r ON r.category = x.category;
SQL
done
took "requests inserted"

# ----- activities and attendance ---------------------------------------------------------------
# ACTIVITIES activities over the same two years (one every ~50 minutes), every type, three
# lecture series, one or two of the five educations each, a building for most; 1 in 40 cancelled.
# ATTENDANCE records only on the published ones, the same number on each (ATTENDANCE / published,
# < the number of students, so (activity, student) stays unique): 94% present, 4% pending late
# entries, 2% refused; the student's class and college; the activity's hours.
step "3. $ACTIVITIES activities"
psql_db -v n="$ACTIVITIES" -v buildings="$nbuildings" <<'SQL'
INSERT INTO activity (title, description, type, series, brand, organiser_kind, organiser, created_by, building_id, venue,
    starts_at, ends_at, audience, capacity, waitlist_limit, taken, registration_opens_at, registration_closes_at, cancel_by,
    hours, credits, state, submitted_at, decided_at, check_in_key, created_at)
SELECT 'bench ' || g, 'bench', x.type,
    CASE WHEN x.type = 'LECTURE' THEN (ARRAY['求是讲堂', '大师讲堂', '校友讲堂'])[1 + g % 3] END,
    (ARRAY['守望', '乐己', '永助', '礼耀'])[1 + g % 4],
    (ARRAY['DEPARTMENT', 'COLLEGE', 'STUDENT_ORGANISATION', 'PARTY_BRANCH', 'PARTNER'])[1 + g % 5],
    (ARRAY['学生工作部', '机电工程学院', '青年志愿者协会', '学生社区第一党支部', '校党委'])[1 + g % 5],
    (SELECT id FROM account WHERE username = 'affairs'),
    CASE WHEN g % 6 = 0 THEN NULL ELSE (SELECT id FROM building ORDER BY id OFFSET (g % :buildings) LIMIT 1) END,
    'bench', x.starts, x.starts + INTERVAL '2' HOUR, 'EVERYONE', 3000, 0, 0,
    x.starts - INTERVAL '7' DAY, x.starts - INTERVAL '1' HOUR, x.starts - INTERVAL '1' DAY,
    x.hours, 0.2, CASE WHEN g % 40 = 0 THEN 'CANCELLED' ELSE 'PUBLISHED' END,
    x.starts - INTERVAL '10' DAY, x.starts - INTERVAL '9' DAY, md5('bench' || g), x.starts - INTERVAL '10' DAY
FROM (SELECT g, now() - INTERVAL '730' DAY + (g - 1) * (729.0 * 86400 / :n) * INTERVAL '1' SECOND AS starts,
             (ARRAY['LECTURE', 'LECTURE', 'PARTY_LESSON', 'LEAGUE_LESSON', 'CLASS_MEETING', 'CEREMONY', 'CLUB_ACTIVITY',
                    'CLUB_ACTIVITY', 'VOLUNTEER_SERVICE', 'VOLUNTEER_SERVICE', 'SOCIAL_PRACTICE', 'POLICY_TALK',
                    'DINNER_MEETING', 'AFTERNOON_TEA', 'ORGANISATION_LIFE'])[1 + (g * 7) % 15] AS type,
             (ARRAY[2.0, 1.5, 1.0, 3.0, 4.0])[1 + g % 5] AS hours
      FROM generate_series(1, :n) AS s(g)) x;
INSERT INTO activity_education (activity_id, education)
SELECT id, (ARRAY['MORAL', 'INTELLECTUAL', 'PHYSICAL', 'AESTHETIC', 'LABOUR'])[1 + id % 5] FROM activity WHERE description = 'bench'
UNION ALL
SELECT id, (ARRAY['MORAL', 'INTELLECTUAL', 'PHYSICAL', 'AESTHETIC', 'LABOUR'])[1 + (id + 2) % 5] FROM activity
WHERE description = 'bench' AND id % 3 = 0;
SQL
published=$(psql_db -c "SELECT count(*) FROM activity WHERE description = 'bench' AND state = 'PUBLISHED'")
per=$(( (ATTENDANCE + published - 1) / published ))
[[ $per -lt $nstudents ]] || die "$ATTENDANCE attendance records on $published activities need more than $nstudents students"
took "activities inserted ($published published)"

step "4. $ATTENDANCE attendance records ($per per published activity, 5 chunks)"
chunk=$(( (ATTENDANCE + 4) / 5 ))
for from in $(seq 1 "$chunk" "$ATTENDANCE"); do
  to=$(( from + chunk - 1 )); [[ $to -le $ATTENDANCE ]] || to=$ATTENDANCE
  psql_db -v from="$from" -v to="$to" -v per="$per" -v students="$nstudents" <<'SQL'
INSERT INTO attendance (activity_id, student_id, class_id, college_id, state, method, checked_in_at, hours, credits)
SELECT a.id, st.id, st.class_id, st.college_id,
    CASE WHEN x.g % 50 = 0 THEN 'REFUSED' WHEN x.g % 25 = 1 THEN 'PENDING' ELSE 'PRESENT' END,
    CASE WHEN x.g % 25 = 1 THEN 'LATE_ENTRY' WHEN x.g % 10 = 0 THEN 'PERSONAL_CODE' ELSE 'QR' END,
    a.starts_at + (x.j % 600) * INTERVAL '1' SECOND, a.hours, a.credits
FROM (SELECT g, (g - 1) / :per + 1 AS k, (g - 1) % :per AS j FROM generate_series(CAST(:from AS BIGINT), CAST(:to AS BIGINT)) AS s(g)) x
JOIN (SELECT id, starts_at, hours, credits, row_number() OVER (ORDER BY id) AS k
      FROM activity WHERE description = 'bench' AND state = 'PUBLISHED') a ON a.k = x.k
JOIN (SELECT s.id, s.class_id, m.college_id, row_number() OVER (ORDER BY s.id) - 1 AS k
      FROM student s JOIN class_group c ON c.id = s.class_id JOIN major m ON m.id = c.major_id) st
  ON st.k = (x.k * 37 + x.j) % :students;
SQL
done
# The registered counter, and the present-attendance counters every attendance write keeps in the app (V1_45).
psql_db -c "UPDATE activity a SET taken = LEAST(a.capacity, n.n), present = n.present, present_hours = n.hours
            FROM (SELECT activity_id, count(*) AS n, count(*) FILTER (WHERE state = 'PRESENT') AS present,
                         COALESCE(sum(hours) FILTER (WHERE state = 'PRESENT'), 0) AS hours
                  FROM attendance GROUP BY activity_id) n
            WHERE n.activity_id = a.id AND a.description = 'bench'"
took "attendance inserted"

step "5. VACUUM ANALYZE"
psql_db -c "VACUUM ANALYZE"
took "vacuum analyze"

# ----- the KPI rollup, by the app itself ------------------------------------------------------
# KpiRollup.scheduled() runs every 5 minutes after a first delay (shouwang.tickets.scan-delay,
# PT1M); rollUp() loops over batches of 20,000 until nothing final is left unrolled. Started with
# a 2-second first delay, the app rolls the whole backlog up, exactly as a running installation did.
step "6. the app's own KPI rollup (KpiRollup, scheduled; log $WORK/app2.log)"
final="SELECT count(*) FROM ticket WHERE NOT kpi_rolled AND state IN ('CLOSED', 'WITHDRAWN', 'MERGED')"
start_app "$WORK" "$WORK/app2.log" --shouwang.demo.enabled=true --spring.profiles.active=postgres \
  --spring.datasource.url="jdbc:postgresql://$PG_HOST:5432/$PGDB" --spring.datasource.username="$PG_USER" \
  --shouwang.tickets.scan-delay=PT2S
wait_ready 900 >/dev/null
deadline=$(( $(date +%s) + 1800 ))
while :; do
  left=$(psql_db -c "$final")
  [[ $left -eq 0 ]] && break
  [[ $(date +%s) -lt $deadline ]] || die "the rollup did not finish within 30 min ($left left)"
  kill -0 "$APP_PID" 2>/dev/null || die "the app died during the rollup; see $WORK/app2.log"
  sleep 5
done
stop_app
took "rollup (start to nothing final left)"

step "7. VACUUM ANALYZE after the rollup"
psql_db -c "VACUUM ANALYZE"
took "vacuum analyze"

echo
psql_db -F' ' <<'SQL'
SELECT 'tickets', count(*), 'rolled', count(*) FILTER (WHERE kpi_rolled), 'open', count(*) FILTER (WHERE NOT kpi_rolled) FROM ticket;
SELECT 'kpi cells', count(*), 'day', count(*) FILTER (WHERE grain = 'D'), 'month', count(*) FILTER (WHERE grain = 'M') FROM ticket_kpi_cell;
SELECT 'activities', count(*), 'published', count(*) FILTER (WHERE state = 'PUBLISHED') FROM activity;
SELECT 'attendance', count(*), 'present', count(*) FILTER (WHERE state = 'PRESENT') FROM attendance;
SELECT 'database size', pg_size_pretty(pg_database_size(current_database()));
SQL
printf '# done %s; load %s. Database %s left for bench/insights-dashboard.sh\n' \
  "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$PGDB"
