package org.shouwang.governance;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class GovernanceTests {

    @Autowired GoverningBodies bodies;
    @Autowired Meetings meetings;
    @Autowired ActionItems actions;
    @Autowired ActionItemScan scan;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long department(String code) {
        return jdbc.queryForObject("SELECT id FROM department WHERE code = ?", Long.class, code);
    }

    private long body() {
        return bodies.create(users.viewer("admin"), new GoverningBodyDraft("测试领导小组 " + UUID.randomUUID(),
                GoverningBodyKind.LEADERSHIP_GROUP, "统筹社区建设", List.of("leader", "party"), List.of("affairs", "depthead")));
    }

    private long meeting(long body, MeetingKind kind, LocalDateTime at) {
        return meetings.schedule(users.viewer("leader"), new MeetingDraft(body, kind, "社区建设专题会议", at, "行政楼第一会议室",
                List.of("听取社区建设进展汇报", "研究部署下阶段工作"), List.of("leader", "party", "affairs", "depthead")));
    }

    private static int errorsOf(InvalidInput e, String field) {
        return (int) e.problems().stream().filter(p -> p.field().equals(field)).count();
    }

    @Test
    void aLeadersDecisionBecomesAnActionItemThatItsDepartmentClosesOnlyWithANote() {
        LocalDate today = CampusTime.today(clock);
        long m = meeting(body(), MeetingKind.COMMUNITY, today.atTime(9, 0));
        long item = meetings.decide(users.viewer("leader"), m,
                new ActionItemDraft("三个月内完成学生社区公共区域照明改造", department("HQ"), today.plusMonths(3)));

        assertThat(actions.list(users.viewer("depthead"), true)).extracting(GovernanceViews.ActionItem::id).contains(item);
        assertThat(actions.list(users.viewer("handler"), true)).extracting(GovernanceViews.ActionItem::id).contains(item);
        assertThat(actions.list(users.viewer("handler-jwc"), true)).extracting(GovernanceViews.ActionItem::id).doesNotContain(item);
        actions.progress(users.viewer("handler"), item, ActionItemStatus.IN_PROGRESS, "已完成 3 栋楼的照明更换", null);

        assertThatThrownBy(() -> actions.close(users.viewer("depthead"), item, "  ", null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("governance.action.noteRequired"));
        assertThat(actions.item(users.viewer("leader"), item).status()).isEqualTo(ActionItemStatus.IN_PROGRESS);
        assertThatThrownBy(() -> actions.close(users.viewer("handler-jwc"), item, "越权办结", null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actions.progress(users.viewer("leader"), item, ActionItemStatus.IN_PROGRESS, "领导不承办", null))
                .isInstanceOf(NotFoundException.class);

        actions.close(users.viewer("depthead"), item, "全部楼栋照明改造完成并验收", null);
        GovernanceViews.ActionItem done = actions.item(users.viewer("leader"), item);
        assertThat(done.status()).isEqualTo(ActionItemStatus.DONE);
        assertThat(done.completionNote()).isEqualTo("全部楼栋照明改造完成并验收");
        assertThat(done.progress()).extracting(GovernanceViews.Progress::status)
                .containsExactly(ActionItemStatus.IN_PROGRESS, ActionItemStatus.DONE);
        assertThat(meetings.meeting(users.viewer("party"), m).decisions()).extracting(GovernanceViews.ActionItem::id).containsExactly(item);
    }

    @Test
    void badDecisionsMeetingsAndMinutesAreFieldErrorsAndNothingIsWritten() {
        LocalDate today = CampusTime.today(clock);
        long m = meeting(body(), MeetingKind.SEMINAR, today.atTime(14, 30));
        int items = jdbc.queryForObject("SELECT count(*) FROM action_item", Integer.class);
        assertThatThrownBy(() -> meetings.decide(users.viewer("affairs"), m, new ActionItemDraft(" ", 999_999L, today.minusDays(1))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                            .containsExactlyInAnyOrder("decision", "departmentId", "deadline");
                    assertThat(e.problems()).extracting(InvalidInput.Problem::code).contains(
                            "governance.action.unknownDepartment", "governance.action.deadlineBeforeMeeting");
                });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM action_item", Integer.class)).isEqualTo(items);

        int meetingsBefore = jdbc.queryForObject("SELECT count(*) FROM meeting", Integer.class);
        assertThatThrownBy(() -> meetings.schedule(users.viewer("leader"), new MeetingDraft(null, MeetingKind.COMMUNITY, "",
                today.atTime(9, 0), "会议室", List.of(), List.of("leader", "nobody-such"))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(errorsOf(e, "bodyId")).isEqualTo(1);
                    assertThat(errorsOf(e, "title")).isEqualTo(1);
                    assertThat(e.problems()).extracting(InvalidInput.Problem::code).contains("governance.unknownAccount");
                });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM meeting", Integer.class)).isEqualTo(meetingsBefore);

        assertThatThrownBy(() -> meetings.recordMinutes(users.viewer("leader"), m, "   ", List.of(), true, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("governance.meeting.minutesRequired"));
        assertThat(meetings.meeting(users.viewer("leader"), m).finishedAt()).isNull();

        long leader = users.viewer("leader").accountId();
        meetings.recordMinutes(users.viewer("leader"), m, "会议研究了社区建设下阶段重点工作。", List.of(leader), true, null);
        GovernanceViews.Meeting finished = meetings.meeting(users.viewer("depthead"), m);
        assertThat(finished.finishedAt()).isNotNull();
        assertThat(finished.attendees()).filteredOn(a -> a.accountId() == leader)
                .extracting(GovernanceViews.Attendee::attendance).containsExactly(MeetingAttendance.PRESENT);
        assertThat(finished.attendees()).filteredOn(a -> a.accountId() != leader)
                .extracting(GovernanceViews.Attendee::attendance).containsOnly(MeetingAttendance.ABSENT);
    }

    @Test
    void counsellorsStudentsAndHandlersCannotReadGovernanceAndOnlyTheSecretariatRecords() {
        long b = body();
        long m = meeting(b, MeetingKind.REGULAR, CampusTime.today(clock).atTime(10, 0));
        for (String who : List.of("counsellor", "student", "handler", "headteacher", "police")) {
            assertThatThrownBy(() -> meetings.overview(users.viewer(who), null)).as(who).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> meetings.meeting(users.viewer(who), m)).as(who).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> actions.list(users.viewer(who), false)).as(who).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> actions.list(users.viewer("counsellor"), true)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> meetings.schedule(users.viewer("depthead"), new MeetingDraft(b, MeetingKind.REGULAR, "越权",
                LocalDateTime.now(), "会议室", List.of(), List.of()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> bodies.create(users.viewer("leader"), new GoverningBodyDraft("越权机构", GoverningBodyKind.PARTY_COMMITTEE,
                "", List.of("leader"), List.of()))).isInstanceOf(NotFoundException.class);
        assertThat(meetings.meeting(users.viewer("party"), m).title()).isEqualTo("社区建设专题会议");
        assertThat(meetings.meeting(users.viewer("depthead"), m).mayRecord()).isFalse();
    }

    @Test
    void theYearCountsItsDedicatedMeetingsAndSeminars() {
        long b = body();
        LocalDate day = LocalDate.of(2031, 3, 12);
        meeting(b, MeetingKind.COMMUNITY, day.atTime(9, 0));
        meeting(b, MeetingKind.COMMUNITY, day.plusMonths(3).atTime(9, 0));
        meeting(b, MeetingKind.SEMINAR, day.plusMonths(6).atTime(14, 0));
        meeting(b, MeetingKind.COMMUNITY, LocalDate.of(2032, 1, 5).atTime(9, 0));

        GovernanceViews.YearCount count = meetings.yearCount(users.viewer("leader"), 2031);
        assertThat(count.community()).isEqualTo(2);
        assertThat(count.seminars()).isEqualTo(1);
        assertThat(meetings.overview(users.viewer("affairs"), 2031).meetings()).hasSize(3);
    }

    @Test
    void anOverdueItemRaisesSupervisionOnceToItsHeadStudentAffairsAndTheRecorder() {
        LocalDate today = CampusTime.today(clock);
        long m = meeting(body(), MeetingKind.COMMUNITY, today.atTime(9, 0));
        long item = meetings.decide(users.viewer("leader"), m,
                new ActionItemDraft("一周内完成宿舍消防通道清理", department("HQ"), today.plusDays(7)));
        scan.scan();
        assertThat(actions.item(users.viewer("leader"), item).supervisedAt()).isNull();

        clock.fix(today.plusDays(9).atTime(10, 0).atZone(CampusTime.ZONE).toInstant());
        assertThat(actions.list(users.viewer("leader"), false).get(0).overdue()).isTrue();
        scan.scan();
        var supervised = actions.item(users.viewer("leader"), item).supervisedAt();
        assertThat(supervised).isNotNull();
        assertThat(scan.scan()).isZero();
        assertThat(actions.item(users.viewer("leader"), item).supervisedAt()).isEqualTo(supervised);

        String key = "governance-action-supervised-" + item;
        List<Long> told = List.of(users.viewer("depthead").accountId(), users.viewer("affairs").accountId(),
                users.viewer("leader").accountId());
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM notification WHERE notice_key = ?", Integer.class, key) >= 3);
        for (long account : told) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM notification WHERE notice_key = ? AND account_id = ?",
                    Integer.class, key, account)).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification WHERE notice_key = ? AND account_id = ?",
                Integer.class, key, users.viewer("handler").accountId())).isZero();
    }
}
