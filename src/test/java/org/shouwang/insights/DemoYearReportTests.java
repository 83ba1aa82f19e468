package org.shouwang.insights;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.demo.DemoYear;
import org.shouwang.demo.DemoYearTest;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The governance report of the demo year (the academic-year demo, the twelve months ending today)
 * shows the seed article's figures, each equal to a direct count over the year, in its figures and
 * in the Word document it writes.
 */
@DemoYearTest
class DemoYearReportTests {

    @Autowired Reports reports;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    LocalDate from;
    LocalDate to;
    Object start;
    Object end;
    Viewer leader;

    @BeforeEach
    void theDemoYear() {
        DemoYear year = DemoYear.endingToday(clock);
        from = year.from();
        to = year.to();
        start = Timestamps.of(year.start());
        end = Timestamps.of(year.end());
        leader = users.viewer("leader");
    }

    @Test
    void everySeedFigureOfTheYearEqualsADirectCount() {
        ReportFigures f = reports.figures(leader, from, to);

        // Organisation: 12 functional branches, 4 leadership meetings on the community, 2 seminars.
        assertThat(f.organisation().functionalBranches()).isEqualTo(12).isEqualTo(
                (int) count("SELECT count(*) FROM party_organisation WHERE kind = 'BRANCH' AND functional AND active"));
        assertThat(f.organisation().communityMeetings()).isEqualTo(4)
                .isEqualTo((int) inYear("SELECT count(*) FROM meeting WHERE kind = 'COMMUNITY' AND held_at >= ? AND held_at < ?"));
        assertThat(f.organisation().seminars()).isEqualTo(2)
                .isEqualTo((int) inYear("SELECT count(*) FROM meeting WHERE kind = 'SEMINAR' AND held_at >= ? AND held_at < ?"));

        // The closed loop: 1,900 and more requests, every one responded to.
        long received = inYear("SELECT count(*) FROM ticket WHERE state <> 'WITHDRAWN' AND submitted_at >= ? AND submitted_at < ?");
        assertThat(f.requests().received()).isGreaterThanOrEqualTo(1900).isEqualTo(received);
        assertThat(f.requests().responded()).isEqualTo(received).isEqualTo(inYear(
                "SELECT count(*) FROM ticket WHERE state <> 'WITHDRAWN' AND submitted_at >= ? AND submitted_at < ? AND first_response_at IS NOT NULL"));
        assertThat(f.requests().responseRate()).isEqualTo(1.0);

        // Studios 8 + 1 + 1 + 8, projects 7 featured and 10 quality, 21 partners, 137 mentors.
        assertThat(f.studios().counsellor()).isEqualTo(8).isEqualTo(studios("type = 'COUNSELLOR'"));
        assertThat(f.studios().headTeacher()).isEqualTo(1).isEqualTo(studios("type = 'HEAD_TEACHER'"));
        assertThat(f.studios().psychology()).isEqualTo(1).isEqualTo(studios("type = 'PSYCHOLOGY'"));
        assertThat(f.studios().stationed()).isEqualTo(8).isEqualTo(studios("type NOT IN ('COUNSELLOR', 'HEAD_TEACHER', 'PSYCHOLOGY')"));
        assertThat(f.studios().featuredProjects()).isEqualTo(7).isEqualTo((int) count("SELECT count(*) FROM project WHERE level = 'FEATURED'"));
        assertThat(f.studios().qualityProjects()).isEqualTo(10).isEqualTo((int) count("SELECT count(*) FROM project WHERE level = 'QUALITY'"));
        assertThat(f.partners().partners()).isEqualTo(21).isEqualTo((int) count("SELECT count(*) FROM partner WHERE active"));
        assertThat(f.partners().mentors()).isEqualTo(137);

        // The front line: about a hundred dinner meetings and afternoon teas.
        assertThat(f.frontLine().dinnersAndTeas()).isBetween(90, 110)
                .isEqualTo((int) activities("type IN ('DINNER_MEETING', 'AFTERNOON_TEA')"));

        // Five educations: 300 and more, 150+ 求是讲堂, 20 master, 8 alumni, 81 club, 88 volunteer, 59 social practice.
        assertThat(f.activities().total()).isGreaterThanOrEqualTo(300).isEqualTo(activities("TRUE"));
        assertThat(f.activities().qiushiLectures()).isGreaterThanOrEqualTo(150).isEqualTo(activities("series = '求是讲堂'"));
        assertThat(f.activities().masterLectures()).isEqualTo(20).isEqualTo(activities("series = '大师讲堂'"));
        assertThat(f.activities().alumniLectures()).isEqualTo(8).isEqualTo(activities("series = '校友讲堂'"));
        assertThat(f.activities().clubActivities()).isEqualTo(81).isEqualTo(activities("type = 'CLUB_ACTIVITY'"));
        assertThat(f.activities().volunteerServices()).isEqualTo(88).isEqualTo(activities("type = 'VOLUNTEER_SERVICE'"));
        assertThat(f.activities().socialPractice()).isEqualTo(59).isEqualTo(activities("type = 'SOCIAL_PRACTICE'"));

        // Honours awarded in the year.
        assertThat(f.honours().total()).isPositive().isEqualTo(jdbc.queryForObject(
                "SELECT count(*) FROM honour WHERE awarded_on >= ? AND awarded_on <= ?", Integer.class, from, to));
    }

    @Test
    void theWordDocumentOfTheYearCarriesTheSeedFigures() throws Exception {
        long id = reports.start(leader, from, to, "zh-CN");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!reports.job(leader, id).ended() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(reports.job(leader, id).state()).isEqualTo(Reports.State.DONE);
        long received = inYear("SELECT count(*) FROM ticket WHERE state <> 'WITHDRAWN' AND submitted_at >= ? AND submitted_at < ?");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(reports.docx(leader, id)));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text)
                    .contains("受理学生诉求" + received + "件")
                    .contains("响应率100%")
                    .contains("现有社区功能型党支部12个")
                    .contains("召开社区建设专题会议4次、党建引领社区建设研讨会2次")
                    .contains("开设“求是讲堂”" + activities("series = '求是讲堂'") + "场、大师讲堂20场、校友讲堂8场")
                    .contains("组织精品社团活动81场、志愿服务活动88次、主题社会实践活动59次");
            assertThat(doc.getCharts()).isNotEmpty();
        }
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private long inYear(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class, start, end);
        return n == null ? 0 : n;
    }

    private int studios(String where) {
        return (int) count("SELECT count(*) FROM studio WHERE active AND " + where);
    }

    private long activities(String where) {
        return inYear("SELECT count(*) FROM activity WHERE state = 'PUBLISHED' AND starts_at >= ? AND starts_at < ? AND " + where);
    }
}
