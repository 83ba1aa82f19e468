package org.shouwang.insights;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.activities.ActivityCounts;
import org.shouwang.activities.AttendanceQueries;
import org.shouwang.activities.AttendanceViews;
import org.shouwang.activities.Attendances;
import org.shouwang.activities.GrowthRecords;
import org.shouwang.activities.GrowthViews;
import org.shouwang.activities.checkin.CheckInScenes;
import org.shouwang.people.People;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.number;
import static org.shouwang.insights.Workbooks.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportGrowthTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired ActivityCounts counts;
    @Autowired GrowthRecords records;
    @Autowired AttendanceQueries attendance;
    @Autowired Attendances attendances;
    @Autowired CheckInScenes scenes;
    @Autowired People people;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theActivityCountsHoldASheetPerBreakdownWithThePagesFigures() throws Exception {
        Viewer counsellor = users.viewer("counsellor");
        List<List<Row>> sheets = Workbooks.sheets(mvc, users.as("counsellor"), "/exports/activity-counts.xlsx");
        ActivityCounts.Dimension[] dimensions = ActivityCounts.Dimension.values();
        assertThat(sheets).hasSize(dimensions.length);
        long activities = 0;
        for (int d = 0; d < dimensions.length; d++) {
            ActivityCounts.Report report = inChinese(counsellor, null, null, dimensions[d]);
            List<Row> rows = sheets.get(d);
            // title, header, a row per group, the total
            assertThat(rows).as(dimensions[d].name()).hasSize(report.rows().size() + 3);
            assertThat(rows.subList(2, rows.size() - 1)).extracting(r -> text(r, 0)).containsExactlyElementsOf(
                    report.rows().stream().map(ActivityCounts.Row::name).toList());
            for (int i = 0; i < report.rows().size(); i++) {
                assertThat(number(rows.get(i + 2), 1)).isEqualTo(report.rows().get(i).activities());
                assertThat(number(rows.get(i + 2), 2)).isEqualTo(report.rows().get(i).attendances());
            }
            assertThat(number(rows.get(rows.size() - 1), 1)).isEqualTo(report.total().activities());
            activities += report.total().activities();
        }
        assertThat(activities).as("the demo campus has activities this semester").isPositive();

        // A period of the page's choice; the same refusals as the page.
        ActivityCounts.Report year = inChinese(counsellor, java.time.LocalDate.of(2025, 9, 1), java.time.LocalDate.of(2026, 8, 31),
                ActivityCounts.Dimension.COLLEGE);
        List<Row> byCollege = Workbooks.sheets(mvc, users.as("counsellor"), "/api/v1/exports/activity-counts.xlsx?from=2025-09-01&to=2026-08-31")
                .get(ActivityCounts.Dimension.COLLEGE.ordinal());
        assertThat(byCollege).hasSize(year.rows().size() + 3);
        assertThat(number(byCollege.get(byCollege.size() - 1), 2)).isEqualTo(year.total().attendances());
        for (String username : List.of("student", "floorleader")) {
            mvc.perform(get("/exports/activity-counts.xlsx").with(users.as(username))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/exports/activity-counts.xlsx?from=2026-02-31").with(users.as("admin"))).andExpect(status().isBadRequest());
        mvc.perform(get("/exports/activity-counts.xlsx?from=2026-05-01&to=2026-04-01").with(users.as("admin")))
                .andExpect(status().isBadRequest());
    }

    /** The counts as the export names them: types and educations in the caller's language, here Chinese as the export's. */
    private ActivityCounts.Report inChinese(Viewer viewer, java.time.LocalDate from, java.time.LocalDate to, ActivityCounts.Dimension by) {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            return counts.counts(viewer, from, to, by);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void theClassesOverviewHoldsTheViewersClassesAndACollegesForStudentAffairs() throws Exception {
        Viewer counsellor = users.viewer("counsellor");
        List<GrowthViews.ExportableClass> own = records.exportableClasses(counsellor, null);
        assertThat(own).isNotEmpty();
        List<Row> rows = Workbooks.rows(mvc, users.as("counsellor"), "/exports/growth-classes.xlsx");
        assertThat(rows.subList(1, rows.size())).extracting(r -> text(r, 0)).containsExactlyElementsOf(
                own.stream().map(GrowthViews.ExportableClass::code).toList());
        assertThat(number(rows.get(1), 4)).isEqualTo(own.get(0).students());

        long college = people.colleges().get(people.colleges().size() - 1).id();
        List<GrowthViews.ExportableClass> theirs = records.exportableClasses(users.viewer("affairs"), college);
        List<Row> ofCollege = Workbooks.rows(mvc, users.as("affairs"), "/api/v1/exports/growth-classes.xlsx?college=" + college);
        assertThat(ofCollege.subList(1, ofCollege.size())).extracting(r -> text(r, 0)).containsExactlyElementsOf(
                theirs.stream().map(GrowthViews.ExportableClass::code).toList());

        for (String username : List.of("student", "leader", "manager", "handler")) {
            mvc.perform(get("/exports/growth-classes.xlsx").with(users.as(username))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/exports/growth-classes.xlsx?college=99999999").with(users.as("affairs"))).andExpect(status().isNotFound());
    }

    @Test
    void theLateEntriesAreTheApproversQueueWithNotesMasked() throws Exception {
        Instant t0 = Instant.now();
        long id = scenes.startingSoon("导出补录讲座");
        Viewer student = scenes.registered(id, 1).get(0);
        clock.fix(t0.plus(Duration.ofHours(3)));
        attendances.enterLate(users.viewer(CheckInScenes.ORGANISER), id, scenes.number(student), "导出补录 登记表遗漏 13812345678");
        clock.reset();

        List<AttendanceViews.LateEntry> queue = attendance.lateEntries(users.viewer("affairs"));
        List<Row> rows = Workbooks.rows(mvc, users.as("affairs"), "/exports/late-entries.xlsx");
        List<Row> body = rows.subList(1, rows.size());
        assertThat(body).hasSameSizeAs(queue);
        for (int i = 0; i < queue.size(); i++) {
            assertThat(text(body.get(i), 2)).isEqualTo(queue.get(i).studentNumber());
            assertThat(text(body.get(i), 5)).isEqualTo(ExportRequests.mask(queue.get(i).note()));
        }
        assertThat(body).anySatisfy(r -> assertThat(text(r, 5)).contains("导出补录", "138****5678"));
        assertThat(body).allSatisfy(r -> assertThat(text(r, 5)).doesNotContain("13812345678"));

        for (String username : List.of("counsellor", "student", "leader", "handler")) {
            mvc.perform(get("/api/v1/exports/late-entries.xlsx").with(users.as(username))).andExpect(status().isNotFound());
        }
        Workbooks.linked(mvc, users.as("admin"), "/activities/late-entries", "export-late-entries", "/exports/late-entries.xlsx");
    }

    @Test
    void theCountsClassesAndActivityListPagesLinkTheirExports() throws Exception {
        assertThat(Workbooks.linked(mvc, users.as("counsellor"), "/activities/counts?from=2025-09-01&to=2026-08-31&by=COLLEGE",
                "export-counts", "/exports/activity-counts.xlsx")).contains("from=2025-09-01", "to=2026-08-31");
        Workbooks.linked(mvc, users.as("counsellor"), "/growth/classes", "export-growth-classes", "/exports/growth-classes.xlsx");
        long college = people.colleges().get(people.colleges().size() - 1).id();
        assertThat(Workbooks.linked(mvc, users.as("affairs"), "/growth/classes?college=" + college, "export-growth-classes",
                "/exports/growth-classes.xlsx")).contains("college=" + college);

        // The activity list links its export where the export holds that list: the organised and the waiting ones.
        assertThat(Workbooks.linked(mvc, users.as("affairs"), "/activities?scope=PENDING", "export-activities",
                "/exports/activities.xlsx")).contains("scope=PENDING");
        assertThat(Workbooks.linked(mvc, users.as("studio"), "/activities?scope=ORGANISED&type=LECTURE&q=x", "export-activities",
                "/exports/activities.xlsx")).contains("scope=ORGANISED", "type=LECTURE");
        assertThat(Workbooks.linked(mvc, users.as("affairs"), "/activities?scope=ORGANISED&brand=守望", "export-activities",
                "/exports/activities.xlsx")).contains("brand=");
        for (String[] c : List.of(new String[]{"student", "/activities"}, new String[]{"student", "/activities?scope=REGISTERED"},
                new String[]{"counsellor", "/activities?scope=PUBLIC"}, new String[]{"counsellor", "/activities?scope=PENDING"})) {
            String html = mvc.perform(get(c[1]).with(users.as(c[0]))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(html).as(c[0] + " " + c[1]).doesNotContain("export-activities");
        }
    }
}
