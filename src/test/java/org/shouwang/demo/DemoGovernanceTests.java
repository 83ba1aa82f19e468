package org.shouwang.demo;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.governance.ActionItemStatus;
import org.shouwang.governance.ActionItems;
import org.shouwang.governance.GovernanceViews;
import org.shouwang.governance.GoverningBodies;
import org.shouwang.governance.GoverningBodyKind;
import org.shouwang.governance.Meetings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DemoGovernanceTests {

    @Autowired GoverningBodies bodies;
    @Autowired Meetings meetings;
    @Autowired ActionItems actions;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theDemoHasFourBodiesThisYearsDedicatedMeetingsAndSeminarsAndTheirDecisions() {
        assertThat(bodies.list(users.viewer("leader"))).extracting(GovernanceViews.Body::kind).contains(GoverningBodyKind.values());
        GovernanceViews.Overview o = meetings.overview(users.viewer("leader"), null);
        assertThat(o.count().community()).isGreaterThanOrEqualTo(4);
        assertThat(o.count().seminars()).isGreaterThanOrEqualTo(2);
        GovernanceViews.MeetingRow first = o.meetings().stream().filter(m -> m.title().equals("一站式学生社区建设第一次专题会议"))
                .findFirst().orElseThrow();
        GovernanceViews.Meeting m = meetings.meeting(users.viewer("leader"), first.id());
        assertThat(m.agenda()).hasSize(3);
        assertThat(m.attendees()).hasSizeGreaterThan(3);
        assertThat(m.decisions()).hasSizeBetween(3, 5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM action_item WHERE status = 'DONE' AND completion_note IS NOT NULL",
                Integer.class)).isPositive();
        assertThat(actions.list(users.viewer("depthead"), true)).extracting(GovernanceViews.ActionItem::departmentName)
                .containsOnly("后勤保障处");
        assertThat(actions.list(users.viewer("leader"), false)).extracting(GovernanceViews.ActionItem::status)
                .contains(ActionItemStatus.DONE);
    }
}
