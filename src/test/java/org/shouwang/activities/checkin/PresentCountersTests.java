package org.shouwang.activities.checkin;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.activities.Attendances;
import org.shouwang.activities.CheckIns;
import org.shouwang.activities.AttendanceViews.CodePurpose;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An activity's counters of present attendances and their hours (what ActivityCounts and the dashboards add up)
 * equal a recount of its attendance rows after every kind of attendance write, and after concurrent check-ins.
 */
@IntegrationTest
class PresentCountersTests {

    @Autowired CheckIns checkIns;
    @Autowired Attendances attendances;
    @Autowired CheckInScenes scenes;
    @Autowired DemoUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void everyAttendanceWriteKeepsTheCountersEqualToARecount() {
        Instant t0 = Instant.now();
        clock.fix(t0);
        Viewer organiser = users.viewer(CheckInScenes.ORGANISER);
        long id = scenes.byDuration("计数：志愿服务", Duration.ofHours(3), new BigDecimal("2.0"));
        List<Viewer> students = scenes.registered(id, 5);
        assertCounted(id, 0, "0.0");

        // Staff enter two by hand (hours by duration: none until check-out), one twice.
        checkIns.manual(organiser, id, scenes.number(students.get(0)) + "\n" + scenes.number(students.get(1)));
        checkIns.manual(organiser, id, scenes.number(students.get(0)));
        assertCounted(id, 2, "0.0");

        // One checks out after 1 h 40 min: 1.5 hours; checking out again adds nothing.
        clock.fix(t0.plus(Duration.ofMinutes(100)));
        checkIns.scan(organiser, id, CodePurpose.CHECK_OUT, scenes.number(students.get(0)));
        checkIns.scan(organiser, id, CodePurpose.CHECK_OUT, scenes.number(students.get(0)));
        assertCounted(id, 2, "1.5");

        // After the end: a late entry waits (not counted), is approved (counted); another is refused (not counted).
        clock.fix(t0.plus(Duration.ofHours(4)));
        attendances.enterLate(organiser, id, scenes.number(students.get(2)) + "\n" + scenes.number(students.get(3)), "设备故障");
        assertCounted(id, 2, "1.5");
        attendances.decideLateEntry(users.viewer("affairs"), entry(id, students.get(2)), true, null);
        attendances.decideLateEntry(users.viewer("affairs"), entry(id, students.get(3)), false, "无记录");
        assertCounted(id, 3, recount(id)[1]);

        // Appeals restore a refused late entry and a no-show without any row.
        attendances.decideAppeal(organiser, id, attendances.appeal(students.get(3), id, "我在现场"), true, "核实");
        attendances.decideAppeal(organiser, id, attendances.appeal(students.get(4), id, "我也在"), true, "核实");
        assertCounted(id, 5, recount(id)[1]);
    }

    @Test
    void concurrentCheckInsLoseNoCount() throws Exception {
        long id = scenes.startingSoon("计数：并发签到");
        List<Viewer> students = scenes.registered(id, 24);
        Viewer organiser = users.viewer(CheckInScenes.ORGANISER);
        List<Callable<Object>> scans = new ArrayList<>();
        for (Viewer s : students) {
            String number = scenes.number(s);
            scans.add(() -> checkIns.scan(organiser, id, CodePurpose.CHECK_IN, number));
            scans.add(() -> checkIns.scan(organiser, id, CodePurpose.CHECK_IN, number));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (var done : pool.invokeAll(scans)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        assertCounted(id, 24, "48.0");
    }

    private long entry(long activityId, Viewer student) {
        return jdbc.sql("SELECT id FROM attendance WHERE activity_id = ? AND student_id = ?").params(activityId, student.studentId())
                .query(Long.class).single();
    }

    private String[] recount(long activityId) {
        return jdbc.sql("SELECT count(*), COALESCE(sum(hours), 0) FROM attendance WHERE activity_id = ? AND state = 'PRESENT'")
                .param(activityId)
                .query((rs, n) -> new String[] {String.valueOf(rs.getLong(1)), rs.getBigDecimal(2).setScale(1).toPlainString()})
                .single();
    }

    private void assertCounted(long activityId, int present, String hours) {
        String[] counters = jdbc.sql("SELECT present, present_hours FROM activity WHERE id = ?").param(activityId)
                .query((rs, n) -> new String[] {String.valueOf(rs.getLong(1)), rs.getBigDecimal(2).setScale(1).toPlainString()})
                .single();
        assertThat(counters).as("counters").containsExactly(String.valueOf(present), hours);
        assertThat(recount(activityId)).as("recount").containsExactly(counters);
    }
}
