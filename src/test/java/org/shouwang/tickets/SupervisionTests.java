package org.shouwang.tickets;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deadlines on the demo calendar (8:00–12:00, 14:00–17:30) and the scan that reminds and
 * supervises. The clock is fixed in March 2026, before any other test's requests, so the scans
 * here touch only the requests made here.
 */
@IntegrationTest
class SupervisionTests {

    /** Tuesday 3 March 2026, 09:00 in Shanghai: a plain working week. */
    private static final OffsetDateTime TUESDAY = OffsetDateTime.parse("2026-03-03T09:00:00+08:00");

    @Autowired Tickets tickets;
    @Autowired TicketQueries queries;
    @Autowired SupervisionScan scan;
    @Autowired DemoUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void deadlinesCountWorkingHoursAndUrgentOnesNaturalHours() {
        clock.fix(TUESDAY.toInstant());
        TicketViews.Detail normal = submitLeak(false);
        assertThat(normal.respondBy()).isEqualTo(at("2026-03-03T15:00"));
        assertThat(normal.resolveBy()).isEqualTo(at("2026-03-06T10:30"));

        TicketViews.Detail urgent = submitLeak(true);
        assertThat(urgent.respondBy()).isEqualTo(at("2026-03-03T10:00"));
        assertThat(urgent.resolveBy()).isEqualTo(at("2026-03-03T17:00"));
    }

    @Test
    void anOverdueRequestRisesLevelByLevelAndEachLevelIsToldOnce() {
        clock.fix(TUESDAY.toInstant());
        long id = submitLeak(false).id();

        clock.fix(at("2026-03-03T14:00"));
        scan.scan();
        assertThat(events(id, "REMINDED")).isEqualTo(1);
        scan.scan();
        assertThat(events(id, "REMINDED")).isEqualTo(1);

        clock.fix(at("2026-03-03T15:01"));
        scan.scan();
        assertThat(level(id)).isEqualTo(1);
        assertThat(queries.list(users.viewer("handler"), new TicketViews.Filter(TicketViews.Queue.DEPARTMENT, null, null,
                null, false, true), 0, 50).items()).extracting(TicketViews.Row::id).contains(id);

        long depthead = users.viewer("depthead").accountId();
        await().atMost(Duration.ofSeconds(10)).until(() -> notices(depthead, id, "notice.ticket.SUPERVISED") == 1);

        clock.fix(at("2026-03-04T15:31"));
        scan.scan();
        assertThat(level(id)).isEqualTo(2);
        assertThat(queries.sees(users.viewer("leader"), id)).isFalse();

        clock.fix(at("2026-03-06T16:31"));
        scan.scan();
        scan.scan();
        assertThat(level(id)).isEqualTo(3);
        assertThat(events(id, "SUPERVISED")).isEqualTo(3);
        assertThat(queries.sees(users.viewer("leader"), id)).isTrue();
        assertThat(queries.detail(users.viewer("leader"), id).supervisionLevel()).isEqualTo(3);
        long leader = users.viewer("leader").accountId();
        await().atMost(Duration.ofSeconds(10)).until(() -> notices(leader, id, "notice.ticket.SUPERVISED") == 1);
        assertThat(notices(depthead, id, "notice.ticket.SUPERVISED")).isEqualTo(1);
    }

    @Test
    void twoNodesScanningAtOnceRecordEachLevelOnce() throws Exception {
        clock.fix(TUESDAY.toInstant());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(submitLeak(false).id());
        }
        clock.fix(at("2026-03-03T15:30"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<SupervisionScan.Result> node = () -> {
                start.await();
                return scan.scan();
            };
            Future<SupervisionScan.Result> a = nodes.submit(node);
            Future<SupervisionScan.Result> b = nodes.submit(node);
            start.countDown();
            a.get();
            b.get();
        } finally {
            nodes.shutdown();
        }
        for (long id : ids) {
            assertThat(level(id)).isEqualTo(1);
            assertThat(events(id, "SUPERVISED")).isEqualTo(1);
        }
    }

    @Test
    void theScheduledScanTakesALockInTheDatabaseSoOneNodeRunsItAtATime() {
        scan.scheduled();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shedlock WHERE name = 'tickets.supervision'", Long.class)).isEqualTo(1);
    }

    @Test
    void aResolvedRequestWithoutFollowUpClosesUnratedAfterAWeek() {
        clock.fix(TUESDAY.toInstant());
        long id = submitLeak(false).id();
        Viewer handler = users.viewer("handler");
        tickets.accept(handler, id, null);
        tickets.resolve(handler, id, "已修好", List.of(), null);

        clock.fix(at("2026-03-09T09:00"));
        scan.scan();
        assertThat(queries.detail(handler, id).state()).isEqualTo(TicketState.RESOLVED);

        clock.fix(at("2026-03-10T09:01"));
        scan.scan();
        TicketViews.Detail closed = queries.detail(handler, id);
        assertThat(closed.state()).isEqualTo(TicketState.CLOSED);
        assertThat(closed.satisfaction()).isNull();
    }

    @Test
    void askingTheStudentStopsTheClockUntilTheyAnswer() {
        clock.fix(TUESDAY.toInstant());
        long id = submitLeak(false).id();
        Viewer handler = users.viewer("handler");
        tickets.accept(handler, id, null);
        tickets.ask(handler, id, "请拍一张漏水处的照片", null);

        clock.fix(at("2026-03-04T09:00"));
        scan.scan();
        assertThat(level(id)).isZero();
        tickets.reply(users.viewer("student"), id, "照片见附件", List.of(), null);
        // Paused from Tuesday 09:00 to Wednesday 09:00: 7.5 working hours, added to Friday 10:30 → Monday 10:30.
        assertThat(queries.detail(handler, id).resolveBy()).isEqualTo(at("2026-03-09T10:30"));
    }

    private TicketViews.Detail submitLeak(boolean urgent) {
        Viewer student = users.viewer("student");
        long id = tickets.submit(student, new Tickets.Submission(Category.REPAIRS, Category.Subcategory.WATER, urgent,
                "水管漏水", null, null), List.of()).id();
        return queries.detail(student, id);
    }

    private int level(long id) {
        return jdbc.queryForObject("SELECT supervision_level FROM ticket WHERE id = ?", Integer.class, id);
    }

    private long events(long id, String kind) {
        return jdbc.queryForObject("SELECT count(*) FROM ticket_event WHERE ticket_id = ? AND kind = ?", Long.class, id, kind);
    }

    private long notices(long account, long ticket, String code) {
        return jdbc.queryForObject("SELECT count(*) FROM notification WHERE account_id = ? AND message_code = ? AND link = ?",
                Long.class, account, code, "/requests/" + ticket);
    }

    private static Instant at(String shanghai) {
        return OffsetDateTime.parse(shanghai + ":00+08:00").toInstant();
    }
}
