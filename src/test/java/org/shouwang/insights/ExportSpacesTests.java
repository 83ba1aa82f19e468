package org.shouwang.insights;

import java.time.Instant;
import java.util.List;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.CampusTime;
import org.shouwang.spaces.SpaceBookings;
import org.shouwang.spaces.SpaceUsage;
import org.shouwang.spaces.SpaceViews;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.number;
import static org.shouwang.insights.Workbooks.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportSpacesTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired SpaceBookings bookings;
    @Autowired SpaceUsage usage;
    @Autowired JdbcClient jdbc;
    @Autowired java.time.Clock clock;
    @Autowired org.shouwang.spaces.Spaces spaces;

    private List<List<Row>> sheets(String path, String username) throws Exception {
        return Workbooks.sheets(mvc, users.as(username), path);
    }

    @Test
    void managersExportTheBookingsOfTheirSpacesAndEveryoneTheirOwn() throws Exception {
        Instant from = CampusTime.today(clock).atStartOfDay(CampusTime.ZONE).toInstant();
        for (String username : List.of("admin", "manager")) {
            List<SpaceViews.Booking> seen = bookings.ofManagedSpaces(users.viewer(username), null, from);
            List<Row> rows = sheets("/exports/space-bookings.xlsx", username).get(0);
            assertThat(rows).hasSize(seen.size() + 1);
            for (int i = 0; i < seen.size(); i++) {
                assertThat(text(rows.get(i + 1), 0)).isEqualTo(seen.get(i).spaceName());
                assertThat(text(rows.get(i + 1), 3)).isEqualTo(seen.get(i).bookerName());
            }
        }
        long upcoming = jdbc.sql("SELECT count(*) FROM space_booking WHERE ends_at >= ?").param(java.sql.Timestamp.from(from))
                .query(Long.class).single();
        assertThat(sheets("/exports/space-bookings.xlsx", "admin").get(0)).hasSize((int) upcoming + 1);
        String booker = jdbc.sql("SELECT a.username FROM space_booking b JOIN account a ON a.id = b.booker_account_id ORDER BY b.id")
                .query(String.class).list().get(0);
        List<Row> mine = sheets("/api/v1/exports/space-bookings.xlsx?mine=true", booker).get(0);
        assertThat(mine).hasSize(bookings.mine(users.viewer(booker)).size() + 1).hasSizeGreaterThan(1);
        mvc.perform(get("/exports/space-bookings.xlsx").with(users.as("student"))).andExpect(status().isNotFound());
    }

    @Test
    void theUsageReportAsThePageShowsItAndRefusedToOthers() throws Exception {
        SpaceUsage.Report report = usage.report(users.viewer("admin"), null, null, null, null);
        List<List<Row>> sheets = sheets("/exports/space-usage.xlsx", "admin");
        List<Row> spaces = sheets.get(0);
        // title, header, a row per space, the total
        assertThat(spaces).hasSize(report.spaces().size() + 3);
        for (int i = 0; i < report.spaces().size(); i++) {
            assertThat(text(spaces.get(i + 2), 0)).isEqualTo(report.spaces().get(i).name());
            assertThat(number(spaces.get(i + 2), 4)).isEqualTo(report.spaces().get(i).figures().bookings());
        }
        assertThat(number(spaces.get(spaces.size() - 1), 4)).isEqualTo(report.total().bookings());
        assertThat(sheets.get(1)).hasSize(report.kinds().size() + 1);
        mvc.perform(get("/api/v1/exports/space-usage.xlsx?from=2024-02-30").with(users.as("admin"))).andExpect(status().isBadRequest());
        mvc.perform(get("/exports/space-usage.xlsx").with(users.as("student"))).andExpect(status().isNotFound());
    }

    @Test
    void theSpacesOfTheList() throws Exception {
        List<SpaceViews.Space> all = spaces.list(null, null);
        assertThat(all).isNotEmpty();
        List<Row> rows = sheets("/exports/spaces.xlsx", "student").get(0);
        assertThat(rows.subList(1, rows.size()).stream().map(r -> text(r, 0)).toList())
                .isEqualTo(all.stream().map(SpaceViews.Space::name).toList());
        var kind = all.get(0).kind();
        assertThat(sheets("/api/v1/exports/spaces.xlsx?kind=" + kind + "&building=zz", "student").get(0))
                .hasSize(spaces.list(kind, null).size() + 1);
    }
}
