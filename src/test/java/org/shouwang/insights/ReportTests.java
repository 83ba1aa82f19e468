package org.shouwang.insights;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.activities.Activities;
import org.shouwang.activities.ActivityDraft;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.Audience;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.OrganiserKind;
import org.shouwang.activities.frontline.FrontLineFixtures;
import org.shouwang.governance.GoverningBodies;
import org.shouwang.governance.GoverningBodyDraft;
import org.shouwang.governance.GoverningBodyKind;
import org.shouwang.governance.HonourDraft;
import org.shouwang.governance.HonourHolderKind;
import org.shouwang.governance.HonourLevel;
import org.shouwang.governance.Honours;
import org.shouwang.governance.MeetingDraft;
import org.shouwang.governance.MeetingKind;
import org.shouwang.governance.Meetings;
import org.shouwang.party.MentorParticipationDraft;
import org.shouwang.party.MentorParticipationKind;
import org.shouwang.party.Mentors;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.TicketKpis;
import org.shouwang.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The governance report of 2035 (a year no demo data or other test reaches) on meetings, honours,
 * requests, activities, front-line activities and mentor participation created through the
 * services: every figure equals a direct count, the DOCX opens and carries the figures, progress
 * reaches done, only leaders, admins and student affairs reach it, and bad input is a field error.
 */
@IntegrationTest
class ReportTests {

    static final LocalDate FROM = LocalDate.of(2035, 1, 1);
    static final LocalDate TO = LocalDate.of(2035, 12, 31);
    /** When the report is generated: after the year. */
    static final Instant GENERATED = Instant.parse("2036-01-06T02:00:00Z");

    @Autowired Reports reports;
    @Autowired Tickets tickets;
    @Autowired TicketKpis kpis;
    @Autowired Meetings meetings;
    @Autowired GoverningBodies bodies;
    @Autowired Honours honours;
    @Autowired Activities activities;
    @Autowired FrontLineFixtures frontLine;
    @Autowired Mentors mentors;
    @Autowired DemoUsers users;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    private static boolean created;
    private static String leaderName;
    private static Long reportId;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // — data of 2035, through the services —

    private void createData() {
        if (created) {
            return;
        }
        Viewer student = users.viewer("student");
        clock.fix(Instant.parse("2035-03-10T02:00:00Z"));
        for (int i = 0; i < 6; i++) {
            tickets.submit(student, new Tickets.Submission(Category.REPAIRS, Category.Subcategory.WATER, false,
                    "热水器不热 REPORT-2035 " + i, null, null), List.of());
        }
        for (int i = 0; i < 5; i++) {
            tickets.submit(student, new Tickets.Submission(Category.ACADEMICS, null, false, "选课问题 REPORT-2035 " + i, null, null),
                    List.of());
        }
        for (int i = 0; i < 2; i++) {
            tickets.submit(student, new Tickets.Submission(Category.PSYCHOLOGY, null, false, "想找老师聊聊 REPORT-2035 " + i, null,
                    null), List.of());
        }

        long body = bodies.create(users.viewer("admin"), new GoverningBodyDraft("报告测试领导小组 " + UUID.randomUUID(),
                GoverningBodyKind.LEADERSHIP_GROUP, "统筹社区建设", List.of("leader"), List.of("affairs")));
        meeting(body, MeetingKind.COMMUNITY, LocalDateTime.of(2035, 2, 20, 9, 0));
        meeting(body, MeetingKind.COMMUNITY, LocalDateTime.of(2035, 6, 20, 9, 0));
        meeting(body, MeetingKind.SEMINAR, LocalDateTime.of(2035, 5, 8, 14, 0));
        meeting(body, MeetingKind.REGULAR, LocalDateTime.of(2035, 5, 9, 14, 0));
        meeting(body, MeetingKind.COMMUNITY, LocalDateTime.of(2034, 12, 31, 23, 0)); // not in 2035 (campus time)

        Viewer affairs = users.viewer("affairs");
        clock.fix(Instant.parse("2036-01-02T02:00:00Z"));
        honour(affairs, "报告测试·全国急救教育试点学校", HonourLevel.NATIONAL, LocalDate.of(2035, 4, 1));
        honour(affairs, "报告测试·省就业督导A等次", HonourLevel.PROVINCIAL, LocalDate.of(2035, 7, 1));
        honour(affairs, "报告测试·省资助绩效优秀", HonourLevel.PROVINCIAL, LocalDate.of(2035, 12, 31));
        honour(affairs, "报告测试·去年的荣誉", HonourLevel.UNIVERSITY, LocalDate.of(2034, 12, 31));

        clock.fix(Instant.parse("2035-01-05T02:00:00Z"));
        activity(ActivityType.LECTURE, ReportFigures.QIUSHI_SERIES, Set.of(FiveEducation.INTELLECTUAL, FiveEducation.MORAL), 2, null);
        activity(ActivityType.LECTURE, ReportFigures.QIUSHI_SERIES, Set.of(FiveEducation.INTELLECTUAL), 3, null);
        activity(ActivityType.LECTURE, ReportFigures.QIUSHI_SERIES, Set.of(FiveEducation.MORAL), 4, null);
        activity(ActivityType.LECTURE, ReportFigures.MASTER_SERIES, Set.of(FiveEducation.INTELLECTUAL), 5, null);
        activity(ActivityType.LECTURE, ReportFigures.ALUMNI_SERIES, Set.of(FiveEducation.MORAL), 6, null);
        activity(ActivityType.CLUB_ACTIVITY, null, Set.of(FiveEducation.AESTHETIC), 7, null);
        activity(ActivityType.CLUB_ACTIVITY, null, Set.of(FiveEducation.PHYSICAL), 8, null);
        activity(ActivityType.VOLUNTEER_SERVICE, null, Set.of(FiveEducation.LABOUR), 9, null);
        activity(ActivityType.SOCIAL_PRACTICE, null, Set.of(FiveEducation.LABOUR, FiveEducation.MORAL), 10, null);
        activity(ActivityType.FESTIVAL, null, Set.of(FiveEducation.AESTHETIC), 11, null);
        activity(ActivityType.COMPETITION, null, Set.of(FiveEducation.PHYSICAL), 11, null);
        Viewer leader = frontLine.leader();
        leaderName = leader.displayName();
        activity(ActivityType.DINNER_MEETING, null, Set.of(FiveEducation.MORAL), 3, leader);
        activity(ActivityType.DINNER_MEETING, null, Set.of(FiveEducation.MORAL), 4, leader);
        activity(ActivityType.AFTERNOON_TEA, null, Set.of(FiveEducation.MORAL), 5, leader);
        activity(ActivityType.POLICY_TALK, null, Set.of(FiveEducation.MORAL), 6, leader);
        activity(ActivityType.PARTY_DAY, null, Set.of(FiveEducation.MORAL), 7, leader);

        clock.fix(Instant.parse("2036-01-02T02:00:00Z"));
        long mentor = jdbc.queryForObject("SELECT min(id) FROM mentor WHERE active", Long.class);
        mentors.log(affairs, mentor, new MentorParticipationDraft(LocalDate.of(2035, 5, 5), MentorParticipationKind.TALK,
                "报告测试·急救技能进社区", null, null, new BigDecimal("2.5")));
        mentors.log(affairs, mentor, new MentorParticipationDraft(LocalDate.of(2035, 10, 5), MentorParticipationKind.MENTORING,
                "报告测试·生涯辅导", null, null, new BigDecimal("1.5")));
        clock.reset();
        created = true;
    }

    private void meeting(long body, MeetingKind kind, LocalDateTime at) {
        meetings.schedule(users.viewer("leader"), new MeetingDraft(body, kind, "报告测试会议 " + kind, at, "行政楼第一会议室",
                List.of("研究社区建设"), List.of("leader", "affairs")));
    }

    private void honour(Viewer affairs, String title, HonourLevel level, LocalDate on) {
        honours.record(affairs, new HonourDraft(title, "教育厅", level, on, HonourHolderKind.UNIVERSITY, null, null, "学校", null), null);
    }

    /** A published activity starting in the given month of 2035, planned by the Party office and approved by student affairs. */
    private void activity(ActivityType type, String series, Set<FiveEducation> educations, int month, Viewer leader) {
        Instant starts = LocalDate.of(2035, month, 15).atTime(19, 0).atZone(CampusTime.ZONE).toInstant();
        ActivityDraft draft = new ActivityDraft("报告测试 " + type + " " + month, "报告测试活动", type, series, "守望", educations,
                OrganiserKind.PARTY_BRANCH, "党委学生工作部", leader == null ? null : leader.accountId(), null, "学生社区报告厅", starts,
                starts.plus(Duration.ofHours(2)), Audience.EVERYONE, null, null, null, 50, 0, clock.instant(),
                starts.minus(Duration.ofHours(1)), starts.minus(Duration.ofHours(1)), new BigDecimal("2.0"), BigDecimal.ZERO, false);
        Viewer organiser = users.viewer("party");
        long id = activities.create(organiser, draft);
        activities.submit(organiser, id, null);
        activities.approve(users.viewer("affairs"), id, null);
    }

    /** The report of 2035, generated once (as the leader, after the year) and waited for. */
    private Reports.Job report() throws InterruptedException {
        createData();
        if (reportId == null) {
            clock.fix(GENERATED);
            reportId = reports.start(users.viewer("leader"), FROM, TO, "zh-CN");
            waitForDone(reportId);
        }
        return reports.job(users.viewer("affairs"), reportId);
    }

    private void waitForDone(long id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (reports.job(users.viewer("admin"), id).ended()) {
                return;
            }
            Thread.sleep(100);
        }
    }

    // — direct counts —

    private Object start(LocalDate day) {
        return Timestamps.of(day.atStartOfDay(CampusTime.ZONE).toInstant());
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private long tickets(String where) {
        return count("SELECT count(*) FROM ticket WHERE submitted_at >= ? AND submitted_at < ? AND state <> 'WITHDRAWN'" + where,
                start(FROM), start(TO.plusDays(1)));
    }

    private static Double rate(long count, long of) {
        return of == 0 ? null : (double) count / of;
    }

    private static final String ACTIVITIES = " a.state = 'PUBLISHED' AND a.starts_at >= ? AND a.starts_at < ?";

    private Map<String, Long> grouped(String sql) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1) == null || rs.getString(1).isBlank() ? "-" : rs.getString(1), rs.getLong(2));
        }, start(FROM), start(TO.plusDays(1)));
        return counts;
    }

    @Test
    void everyFigureOfTheYearEqualsADirectCount() throws Exception {
        Reports.Job job = report();
        assertThat(job.state()).isEqualTo(Reports.State.DONE);
        ReportFigures f = job.figures();
        assertThat(f.from()).isEqualTo(FROM);
        assertThat(f.to()).isEqualTo(TO);

        // 1. organisation
        assertThat((long) f.organisation().functionalBranches()).isEqualTo(count(
                "SELECT count(*) FROM party_organisation WHERE active AND functional AND kind = 'BRANCH'"));
        assertThat((long) f.organisation().communityMeetings()).isEqualTo(count(
                "SELECT count(*) FROM meeting WHERE kind = 'COMMUNITY' AND held_at >= ? AND held_at < ?", start(FROM), start(TO.plusDays(1))))
                .isGreaterThanOrEqualTo(2);
        assertThat((long) f.organisation().seminars()).isEqualTo(count(
                "SELECT count(*) FROM meeting WHERE kind = 'SEMINAR' AND held_at >= ? AND held_at < ?", start(FROM), start(TO.plusDays(1))))
                .isGreaterThanOrEqualTo(1);

        // 2. the closed loop
        ReportFigures.Requests q = f.requests();
        long received = tickets("");
        assertThat(q.received()).isEqualTo(received).isGreaterThanOrEqualTo(13);
        long responded = tickets(" AND first_response_at IS NOT NULL");
        assertThat(q.responded()).isEqualTo(responded);
        assertThat(q.responseRate()).isEqualTo(rate(responded, received));
        assertThat(q.onTimeResponseRate()).isEqualTo(rate(tickets(" AND first_response_at IS NOT NULL AND responded_on_time"), received));
        long resolved = tickets(" AND resolved_at IS NOT NULL");
        assertThat(q.resolved()).isEqualTo(resolved);
        assertThat(q.onTimeResolutionRate()).isEqualTo(rate(tickets(" AND resolved_at IS NOT NULL AND resolved_on_time"), resolved));
        long answered = tickets(" AND followed_up_at IS NOT NULL");
        assertThat(q.followUpsAnswered()).isEqualTo(answered);
        assertThat(q.resolutionRate()).isEqualTo(rate(tickets(" AND followed_up_at IS NOT NULL AND solved"), answered));
        assertThat(q.satisfactionRate()).isEqualTo(rate(tickets(
                " AND followed_up_at IS NOT NULL AND satisfaction IN ('SATISFIED', 'BASICALLY')"), answered));
        TicketKpis.Figures direct = kpis.report(users.viewer("leader"), FROM, TO.plusDays(1), null).total();
        assertThat(q.medianResponseMinutes()).isEqualTo(direct.medianResponseMinutes());
        assertThat(q.medianResolutionMinutes()).isEqualTo(direct.medianResolutionMinutes());
        if (responded == 0) {
            assertThat(q.medianResponseMinutes()).isNull();
        }
        long fewer = q.byCategory().stream().filter(c -> SmallGroups.sensitive(c.category())
                && tickets(" AND category = '" + c.category() + "'") < SmallGroups.MIN_GROUP).count();
        String smallestOther = q.byCategory().stream().filter(c -> !(SmallGroups.sensitive(c.category())
                        && tickets(" AND category = '" + c.category() + "'") < SmallGroups.MIN_GROUP))
                .min(java.util.Comparator.comparingLong((ReportFigures.CategoryCount c) -> tickets(" AND category = '" + c.category() + "'"))
                        .thenComparing(ReportFigures.CategoryCount::category))
                .map(ReportFigures.CategoryCount::category).orElse(null);
        for (ReportFigures.CategoryCount c : q.byCategory()) {
            long n = tickets(" AND category = '" + Category.valueOf(c.category()).name() + "'");
            if (SmallGroups.sensitive(c.category()) && n < SmallGroups.MIN_GROUP) {
                assertThat(c.hidden()).as(c.category()).isTrue();
                assertThat(c.withheld()).as(c.category()).isFalse();
                assertThat(c.requests()).isNull();
                assertThat(c.responded()).isNull();
            } else if (fewer == 1 && c.category().equals(smallestOther)) {
                // the only "<5" beside a total: the smallest other group is withheld too
                assertThat(c.withheld()).as(c.category()).isTrue();
                assertThat(c.requests()).isNull();
            } else {
                assertThat(c.hidden()).as(c.category()).isFalse();
                assertThat(c.requests()).as(c.category()).isEqualTo(n);
                assertThat(c.responded()).isEqualTo(tickets(" AND first_response_at IS NOT NULL AND category = '" + c.category() + "'"));
            }
        }
        assertThat(q.byCategory()).extracting(ReportFigures.CategoryCount::category).contains("REPAIRS", "ACADEMICS", "PSYCHOLOGY");
        assertThat(q.byCategory().stream().filter(c -> c.category().equals("PSYCHOLOGY")).findFirst().orElseThrow().hidden())
                .isEqualTo(tickets(" AND category = 'PSYCHOLOGY'") < 5);

        // 3. studios and projects (of today)
        ReportFigures.StudiosAndProjects s = f.studios();
        assertThat((long) s.studios()).isEqualTo(count("SELECT count(*) FROM studio WHERE active"));
        assertThat((long) s.counsellor()).isEqualTo(count("SELECT count(*) FROM studio WHERE active AND type = 'COUNSELLOR'"));
        assertThat((long) s.headTeacher()).isEqualTo(count("SELECT count(*) FROM studio WHERE active AND type = 'HEAD_TEACHER'"));
        assertThat((long) s.psychology()).isEqualTo(count("SELECT count(*) FROM studio WHERE active AND type = 'PSYCHOLOGY'"));
        assertThat((long) s.stationed()).isEqualTo(count(
                "SELECT count(*) FROM studio WHERE active AND type NOT IN ('COUNSELLOR', 'HEAD_TEACHER', 'PSYCHOLOGY')"));
        s.byType().forEach((type, n) -> assertThat((long) n).as(type)
                .isEqualTo(count("SELECT count(*) FROM studio WHERE active AND type = ?", type)));
        assertThat((long) s.projects()).isEqualTo(count("SELECT count(*) FROM project"));
        assertThat((long) s.featuredProjects()).isEqualTo(count("SELECT count(*) FROM project WHERE level = 'FEATURED'"));
        assertThat((long) s.qualityProjects()).isEqualTo(count("SELECT count(*) FROM project WHERE level = 'QUALITY'"));

        // 4. partners and mentors
        ReportFigures.PartnersAndMentors pm = f.partners();
        assertThat((long) pm.partners()).isEqualTo(count("SELECT count(*) FROM partner WHERE active"));
        pm.byKind().forEach((kind, n) -> assertThat((long) n).as(kind)
                .isEqualTo(count("SELECT count(*) FROM partner WHERE active AND kind = ?", kind)));
        assertThat(pm.byKind().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(pm.partners());
        assertThat((long) pm.mentors()).isEqualTo(count("SELECT count(*) FROM mentor WHERE active"));
        assertThat((long) pm.participationEntries()).isEqualTo(count(
                "SELECT count(*) FROM mentor_participation WHERE took_place_on >= ? AND took_place_on <= ?", FROM, TO))
                .isGreaterThanOrEqualTo(2);
        assertThat((long) pm.mentorsTakingPart()).isEqualTo(count(
                "SELECT count(DISTINCT mentor_id) FROM mentor_participation WHERE took_place_on >= ? AND took_place_on <= ?", FROM, TO));
        assertThat(pm.participationHours()).isEqualByComparingTo(jdbc.queryForObject(
                "SELECT COALESCE(sum(hours), 0) FROM mentor_participation WHERE took_place_on >= ? AND took_place_on <= ?",
                BigDecimal.class, FROM, TO));

        // 5. the front line
        ReportFigures.FrontLine fl = f.frontLine();
        Map<String, Long> front = grouped("SELECT a.type, count(*) FROM activity a WHERE a.leader_account_id IS NOT NULL AND a.type IN "
                + "('POLICY_TALK', 'DINNER_MEETING', 'AFTERNOON_TEA', 'ORGANISATION_LIFE', 'PARTY_DAY') AND" + ACTIVITIES
                + " GROUP BY a.type");
        assertThat((long) fl.dinnerMeetings()).isEqualTo(front.getOrDefault("DINNER_MEETING", 0L)).isGreaterThanOrEqualTo(2);
        assertThat((long) fl.afternoonTeas()).isEqualTo(front.getOrDefault("AFTERNOON_TEA", 0L)).isGreaterThanOrEqualTo(1);
        assertThat(fl.dinnersAndTeas()).isEqualTo(fl.dinnerMeetings() + fl.afternoonTeas());
        assertThat((long) fl.policyTalks()).isEqualTo(front.getOrDefault("POLICY_TALK", 0L));
        assertThat((long) fl.partyActivities()).isEqualTo(front.getOrDefault("ORGANISATION_LIFE", 0L) + front.getOrDefault("PARTY_DAY", 0L));
        assertThat((long) fl.total()).isEqualTo(front.values().stream().mapToLong(Long::longValue).sum());
        ReportFigures.LeaderCount mine = fl.byLeader().stream().filter(l -> l.leader().equals(leaderName)).findFirst().orElseThrow();
        assertThat(mine.dinnersAndTeas()).isEqualTo(3);
        assertThat(mine.policyTalks()).isEqualTo(1);
        assertThat(mine.partyActivities()).isEqualTo(1);
        assertThat(mine.total()).isEqualTo(5);
        assertThat(fl.byLeader().stream().mapToInt(ReportFigures.LeaderCount::total).sum()).isEqualTo(fl.total());

        // 6. five-education activities
        ReportFigures.Activities a = f.activities();
        assertThat(a.total()).isEqualTo(count("SELECT count(*) FROM activity a WHERE" + ACTIVITIES, start(FROM), start(TO.plusDays(1))))
                .isGreaterThanOrEqualTo(16);
        assertThat(a.attendances()).isEqualTo(count("SELECT count(*) FROM attendance t JOIN activity a ON a.id = t.activity_id "
                + "WHERE t.state = 'PRESENT' AND" + ACTIVITIES, start(FROM), start(TO.plusDays(1))));
        Map<String, Long> series = grouped("SELECT a.series, count(*) FROM activity a WHERE" + ACTIVITIES + " GROUP BY a.series");
        assertThat(a.qiushiLectures()).isEqualTo(series.getOrDefault(ReportFigures.QIUSHI_SERIES, 0L)).isGreaterThanOrEqualTo(3);
        assertThat(a.masterLectures()).isEqualTo(series.getOrDefault(ReportFigures.MASTER_SERIES, 0L)).isGreaterThanOrEqualTo(1);
        assertThat(a.alumniLectures()).isEqualTo(series.getOrDefault(ReportFigures.ALUMNI_SERIES, 0L)).isGreaterThanOrEqualTo(1);
        a.bySeries().forEach(g -> assertThat(g.activities()).as(g.key()).isEqualTo(series.get(g.key())));
        assertThat(a.bySeries()).hasSize(series.size());
        Map<String, Long> types = grouped("SELECT a.type, count(*) FROM activity a WHERE" + ACTIVITIES + " GROUP BY a.type");
        assertThat(a.clubActivities()).isEqualTo(types.getOrDefault("CLUB_ACTIVITY", 0L)).isGreaterThanOrEqualTo(2);
        assertThat(a.volunteerServices()).isEqualTo(types.getOrDefault("VOLUNTEER_SERVICE", 0L)).isGreaterThanOrEqualTo(1);
        assertThat(a.socialPractice()).isEqualTo(types.getOrDefault("SOCIAL_PRACTICE", 0L)).isGreaterThanOrEqualTo(1);
        assertThat(a.festivals()).isEqualTo(types.getOrDefault("FESTIVAL", 0L)).isGreaterThanOrEqualTo(1);
        assertThat(a.competitions()).isEqualTo(types.getOrDefault("COMPETITION", 0L)).isGreaterThanOrEqualTo(1);
        a.byType().forEach(g -> assertThat(g.activities()).as(g.key()).isEqualTo(types.get(g.key())));
        assertThat(a.byType()).hasSize(types.size());
        Map<String, Long> educations = grouped("SELECT e.education, count(DISTINCT a.id) FROM activity a "
                + "JOIN activity_education e ON e.activity_id = a.id WHERE" + ACTIVITIES + " GROUP BY e.education");
        a.byEducation().forEach(g -> assertThat(g.activities()).as(g.key()).isEqualTo(educations.get(g.key())));
        assertThat(a.byEducation()).hasSize(educations.size());

        // 7. honours
        ReportFigures.Honours h = f.honours();
        assertThat((long) h.total()).isEqualTo(count("SELECT count(*) FROM honour WHERE awarded_on >= ? AND awarded_on <= ?", FROM, TO))
                .isGreaterThanOrEqualTo(3);
        for (HonourLevel level : HonourLevel.values()) {
            assertThat((long) h.byLevel().get(level.name())).as(level.name()).isEqualTo(count(
                    "SELECT count(*) FROM honour WHERE level = ? AND awarded_on >= ? AND awarded_on <= ?", level.name(), FROM, TO));
        }
        assertThat(h.list()).extracting(ReportFigures.Honour::title).contains("报告测试·省资助绩效优秀").doesNotContain("报告测试·去年的荣誉");
    }

    @Test
    void progressReachesDoneAndTheApiShowsTheSameFigures() throws Exception {
        Reports.Job job = report();
        assertThat(job.sectionsDone()).isEqualTo(job.sectionsTotal()).isEqualTo(7);
        assertThat(job.percent()).isEqualTo(100);
        mvc.perform(get("/api/v1/insights/reports/{id}", job.id()).with(users.as("leader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DONE"))
                .andExpect(jsonPath("$.sectionsDone").value(7))
                .andExpect(jsonPath("$.figures.requests.received").value(job.figures().requests().received()))
                .andExpect(jsonPath("$.figures.activities.qiushiLectures").value(job.figures().activities().qiushiLectures()));
        // The progress fragment sends htmx on to the report once it is done; the page shows the report and the DOCX link.
        mvc.perform(get("/insights/report/{id}/progress", job.id()).with(users.as("leader")))
                .andExpect(status().isOk()).andExpect(header().string("HX-Redirect", "/insights/report/" + job.id()));
        mvc.perform(get("/insights/report/{id}", job.id()).with(users.as("affairs")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"report-docx\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "受理学生诉求" + job.figures().requests().received() + "件")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("chart-activities")));
        mvc.perform(get("/api/v1/insights/reports/{id}/report.html", job.id()).with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "开设“求是讲堂”" + job.figures().activities().qiushiLectures() + "场")));
    }

    @Test
    void theFiguresComputedAtOnceEqualTheStoredOnesAndTheApiIsDocumented() throws Exception {
        Reports.Job job = report();
        clock.fix(GENERATED);
        ReportFigures now = reports.figures(users.viewer("admin"), FROM, TO);
        assertThat(now.requests()).isEqualTo(job.figures().requests());
        assertThat(now.activities()).isEqualTo(job.figures().activities());
        assertThat(now.honours()).isEqualTo(job.figures().honours());
        assertThat(now.organisation()).isEqualTo(job.figures().organisation());
        mvc.perform(get("/v3/api-docs").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/insights/reports'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/insights/reports/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/insights/reports/{id}/report.docx'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/insights/reports/{id}/report.html'].get").exists());
    }

    @Test
    void aJobUnderWayShowsItsProgressBarAndKeepsPolling() throws Exception {
        jdbc.update("""
                        INSERT INTO governance_report (period_from, period_to, language, requested_by, requested_at, state, sections_done,
                                                       sections_total, updated_at)
                        VALUES (?, ?, 'zh-CN', 1, ?, 'RUNNING', 3, 7, ?)""",
                FROM, TO, Timestamps.of(clock.instant()), Timestamps.of(clock.instant()));
        long id = count("SELECT max(id) FROM governance_report");
        mvc.perform(get("/insights/report/{id}", id).with(users.as("leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已完成 3 / 7 个部分")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("progress-bar")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("hx-get=\"/insights/report/" + id + "/progress\"")));
        mvc.perform(get("/insights/report/{id}/progress", id).with(users.as("leader")))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("HX-Redirect"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("width: 42%")));
        // Not done: no report yet.
        mvc.perform(get("/api/v1/insights/reports/{id}/report.docx", id).with(users.as("leader"))).andExpect(status().isNotFound());
        jdbc.update("DELETE FROM governance_report WHERE id = ?", id);
    }

    @Test
    void theDocxOpensAndCarriesTheFiguresTablesAndCharts() throws Exception {
        Reports.Job job = report();
        MvcResult result = mvc.perform(get("/api/v1/insights/reports/{id}/report.docx", job.id()).with(users.as("leader")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document")))
                .andReturn();
        ReportFigures f = job.figures();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text).contains("受理学生诉求" + f.requests().received() + "件");
            assertThat(text).contains("社区功能型党支部" + f.organisation().functionalBranches() + "个");
            assertThat(text).contains("社区建设专题会议" + f.organisation().communityMeetings() + "次");
            assertThat(text).contains("开设“求是讲堂”" + f.activities().qiushiLectures() + "场");
            assertThat(text).contains("大师讲堂" + f.activities().masterLectures() + "场");
            assertThat(text).contains("校友讲堂" + f.activities().alumniLectures() + "场");
            assertThat(text).contains("获得荣誉" + f.honours().total() + "项");
            assertThat(text).contains("报告测试·全国急救教育试点学校");
            assertThat(text).contains(leaderName);
            assertThat(doc.getTables()).hasSizeGreaterThanOrEqualTo(7);
            assertThat(doc.getCharts()).hasSizeGreaterThanOrEqualTo(5);
            // "<5" stands in for a small sensitive group, never its number
            if (f.requests().byCategory().stream().anyMatch(ReportFigures.CategoryCount::hidden)) {
                assertThat(text).contains("<5");
            }
        }
    }

    @Test
    void theReportIsWrittenInEnglishWhenAskedFor() throws Exception {
        createData();
        clock.fix(GENERATED);
        String body = mvc.perform(post("/api/v1/insights/reports").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()).with(users.as("admin"))
                        .contentType("application/json").content("{\"from\":\"2035-01-01\",\"to\":\"2035-12-31\",\"language\":\"en\"}"))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.id").exists())
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        waitForDone(id);
        Reports.Job job = reports.job(users.viewer("admin"), id);
        assertThat(job.state()).isEqualTo(Reports.State.DONE);
        mvc.perform(get("/api/v1/insights/reports/{id}/report.html", id).with(users.as("leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "received " + job.figures().requests().received() + " requests")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        job.figures().activities().qiushiLectures() + " lectures of the Qiushi series")));
    }

    @Test
    void onlyLeadersAdminsAndStudentAffairsReachReports() throws Exception {
        Reports.Job job = report();
        for (String who : List.of("student", "counsellor", "depthead", "handler", "psych")) {
            mvc.perform(get("/insights/report").with(users.as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/insights/report/{id}", job.id()).with(users.as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/insights/reports/{id}", job.id()).with(users.as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/insights/reports/{id}/report.docx", job.id()).with(users.as(who))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/insights/reports/{id}/report.html", job.id()).with(users.as(who))).andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/insights/reports").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()).with(users.as(who)).contentType("application/json")
                    .content("{\"from\":\"2035-01-01\",\"to\":\"2035-12-31\"}")).andExpect(status().isNotFound());
            mvc.perform(post("/insights/report").with(users.as(who))
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                            .param("period", "last12"))
                    .andExpect(status().isNotFound());
        }
        for (String who : List.of("leader", "admin", "affairs")) {
            mvc.perform(get("/insights/report").with(users.as(who))).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"report-form\"")));
        }
        mvc.perform(get("/api/v1/insights/reports/{id}", 987654321L).with(users.as("leader"))).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsAFieldErrorAndWritesNothing() throws Exception {
        long before = count("SELECT count(*) FROM governance_report");
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"{\"from\":\"2035-12-31\",\"to\":\"2035-01-01\"}", "to", "截止日期不能早于起始日期"});
        cases.add(new String[] {"{\"from\":\"2030-01-01\",\"to\":\"2035-12-31\"}", "to", "时段不能超过 2 年"});
        cases.add(new String[] {"{\"from\":\"2035-01-01\",\"to\":\"2035-12-31\",\"language\":\"fr\"}", "language", "请选择中文或英文"});
        cases.add(new String[] {"{\"to\":\"2035-12-31\"}", "from", "请填写起始日期"});
        cases.add(new String[] {"{\"from\":\"2035-01-01\"}", "to", "请填写截止日期"});
        cases.add(new String[] {"{\"from\":\"2035-13-45\",\"to\":\"2035-12-31\"}", "from", null});
        for (String[] c : cases) {
            var r = mvc.perform(post("/api/v1/insights/reports").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()).with(users.as("leader")).contentType("application/json").content(c[0])
                            .header("Accept-Language", "zh-CN"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(c[1]));
            if (c[2] != null) {
                r.andExpect(jsonPath("$.errors[0].message").value(c[2]));
            }
        }
        mvc.perform(post("/api/v1/insights/reports").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()).with(users.as("leader")).contentType("application/json")
                        .content("{\"from\":\"2035-12-31\",\"to\":\"2035-01-01\"}").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("The last day cannot be before the first day"));
        mvc.perform(post("/api/v1/insights/reports").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()).with(users.as("leader")).contentType("application/json").content("not json"))
                .andExpect(status().is4xxClientError());

        // The page: a custom period without dates, and an unknown preset, are shown on the form.
        mvc.perform(post("/insights/report").with(users.as("leader"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("period", "custom").param("language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请填写起始日期")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请填写截止日期")));
        mvc.perform(post("/insights/report").with(users.as("leader"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("period", "custom").param("from", "2035-06-01").param("to", "2035-01-01").param("language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"to-error\"")));
        mvc.perform(post("/insights/report").with(users.as("leader"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("period", "ay-1900"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"period-error\"")));
        mvc.perform(post("/insights/report").with(users.as("leader"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("period", "custom").param("from", "2035-01-01").param("to", "2035-12-31").param("language", "xx"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"language-error\"")));
        assertThat(count("SELECT count(*) FROM governance_report")).isEqualTo(before);
    }

    @Test
    void thePresetsCoverTheYearTheAcademicYearAndTheSemesters() {
        clock.fix(Instant.parse("2035-10-10T02:00:00Z"));
        List<Reports.Preset> presets = reports.presets(users.viewer("leader"));
        assertThat(presets.get(0).key()).isEqualTo("last12");
        assertThat(presets.get(0).from()).isEqualTo(LocalDate.of(2034, 10, 11));
        assertThat(presets.get(0).to()).isEqualTo(LocalDate.of(2035, 10, 10));
        Map<String, Reports.Preset> byKey = new HashMap<>();
        presets.forEach(p -> byKey.put(p.key(), p));
        assertThat(byKey.get("ay-2035").from()).isEqualTo(LocalDate.of(2035, 9, 1));
        assertThat(byKey.get("ay-2034").to()).isEqualTo(LocalDate.of(2035, 8, 31));
        assertThat(byKey.get("term-2034-2").from()).isEqualTo(LocalDate.of(2035, 2, 1));
        assertThat(byKey.get("term-2034-2").to()).isEqualTo(LocalDate.of(2035, 8, 31));
        assertThat(byKey.get("term-2035-1").to()).isEqualTo(LocalDate.of(2036, 1, 31));
        assertThat(byKey.get("year-2035").from()).isEqualTo(FROM);
        assertThat(byKey.get("year-2035").to()).isEqualTo(TO);
        assertThat(reports.period(users.viewer("leader"), "year-2035", null, null)).containsExactly(FROM, TO);
    }
}
