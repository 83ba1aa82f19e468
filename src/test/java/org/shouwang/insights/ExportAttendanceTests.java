package org.shouwang.insights;

import java.util.List;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.activities.AttendanceQueries;
import org.shouwang.activities.AttendanceViews;
import org.shouwang.activities.CheckIns;
import org.shouwang.activities.checkin.CheckInScenes;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportAttendanceTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired CheckInScenes scenes;
    @Autowired CheckIns checkIns;
    @Autowired AttendanceQueries queries;

    private List<Row> rows(String path, String username) throws Exception {
        return Workbooks.rows(mvc, users.as(username), path);
    }

    @Test
    void theOrganiserExportsTheAttendanceListOfThePageAndNobodyElseMay() throws Exception {
        long id = scenes.startingSoon("导出考勤名单 EXPORT-ATT");
        List<Viewer> students = scenes.registered(id, 3);
        checkIns.scan(users.viewer(CheckInScenes.ORGANISER), id, org.shouwang.activities.AttendanceViews.CodePurpose.CHECK_IN,
                scenes.number(students.get(1)));
        AttendanceViews.AttendanceSheet sheet = queries.sheet(users.viewer(CheckInScenes.ORGANISER), id);
        assertThat(sheet.present()).hasSize(1);
        assertThat(sheet.noShows()).hasSize(2);

        List<Row> rows = rows("/exports/activities/" + id + "/attendance.xlsx", CheckInScenes.ORGANISER);
        // title, header, the one present, the two not yet in
        assertThat(rows).hasSize(2 + 1 + 2);
        assertThat(text(rows.get(0), 0)).isEqualTo("导出考勤名单 EXPORT-ATT");
        assertThat(text(rows.get(2), 0)).isEqualTo(scenes.number(students.get(1)));
        assertThat(text(rows.get(2), 1)).isEqualTo(sheet.present().get(0).name());
        assertThat(text(rows.get(2), 3)).isEqualTo("已到场");
        assertThat(List.of(text(rows.get(3), 0), text(rows.get(4), 0)))
                .containsExactlyInAnyOrder(scenes.number(students.get(0)), scenes.number(students.get(2)));
        assertThat(text(rows.get(3), 3)).isEqualTo("尚未签到");

        String page = mvc.perform(get("/activities/" + id + "/attendance").with(users.as(CheckInScenes.ORGANISER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"export-attendance\"", "/exports/activities/" + id + "/attendance.xlsx");
        for (String username : List.of("student", "headteacher")) {
            mvc.perform(get("/api/v1/exports/activities/" + id + "/attendance.xlsx").with(users.as(username)))
                    .andExpect(status().isNotFound());
        }
    }
}
