package org.shouwang.insights;

import java.util.List;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.party.PartyDorms;
import org.shouwang.residence.Residence;
import org.shouwang.residence.ResidenceViews;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.insights.Workbooks.number;
import static org.shouwang.insights.Workbooks.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ExportResidenceTests {

    private static final java.util.regex.Pattern ID_CARD = java.util.regex.Pattern.compile("\\d{17}[\\dXx]");

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired Residence residence;
    @Autowired PartyDorms partyDorms;
    @Autowired JdbcClient jdbc;
    @Autowired MessageSource messages;

    private List<List<Row>> sheets(String path, String username) throws Exception {
        return Workbooks.sheets(mvc, users.as(username), path);
    }

    @Test
    void buildingsWithTheirOccupancyForStaffAndTheBuildingsOnesServes() throws Exception {
        List<ResidenceViews.Community> communities = residence.communities();
        List<List<Row>> book = sheets("/exports/buildings.xlsx", "admin");
        long buildings = communities.stream().mapToLong(ResidenceViews.Community::buildings).sum();
        assertThat(book.get(0)).hasSize((int) buildings + 1);
        assertThat(book.get(1).subList(1, book.get(1).size()).stream().map(r -> text(r, 0)).toList())
                .isEqualTo(communities.stream().map(ResidenceViews.Community::name).toList());

        ResidenceViews.Community first = communities.get(0);
        List<ResidenceViews.Building> seen = residence.buildings(first.id());
        List<Row> rows = sheets("/api/v1/exports/buildings.xlsx?community=" + first.id(), "counsellor").get(0);
        assertThat(rows).hasSize(seen.size() + 1);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(text(rows.get(i + 1), 0)).isEqualTo(seen.get(i).name());
            assertThat(number(rows.get(i + 1), 8)).isEqualTo(seen.get(i).occupied());
            assertThat(number(rows.get(i + 1), 10)).isEqualTo(seen.get(i).free());
        }

        List<ResidenceViews.Building> served = residence.buildingsServedBy(users.viewer("buildingleader"));
        assertThat(served).isNotEmpty();
        List<List<Row>> mine = sheets("/exports/buildings.xlsx?mine=true", "buildingleader");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).subList(1, mine.get(0).size()).stream().map(r -> text(r, 0)).toList())
                .isEqualTo(served.stream().map(ResidenceViews.Building::name).toList());

        for (String username : List.of("student", "buildingleader")) {
            mvc.perform(get("/exports/buildings.xlsx").with(users.as(username))).andExpect(status().isNotFound());
        }
        Workbooks.linked(mvc, users.as("admin"), "/communities", "export-buildings", "/exports/buildings.xlsx");
        String url = Workbooks.linked(mvc, users.as("admin"), "/communities/" + first.id(), "export-buildings", "/exports/buildings.xlsx");
        assertThat(url).contains("community=" + first.id());
        // someone serving no building sees no list on /buildings/mine, so no link; an empty workbook through the API
        assertThat(residence.buildingsServedBy(users.viewer("student"))).isEmpty();
        assertThat(mvc.perform(get("/buildings/mine").with(users.as("student"))).andReturn().getResponse().getContentAsString())
                .doesNotContain("id=\"export-buildings\"");
        assertThat(sheets("/api/v1/exports/buildings.xlsx?mine=true", "student").get(0)).hasSize(1);
        // (a viewer serving one building is sent to its page; the link shows for those serving several)
        for (String username : List.of("manager", "buildingleader", "floorleader")) {
            if (residence.buildingsServedBy(users.viewer(username)).size() > 1) {
                assertThat(Workbooks.linked(mvc, users.as(username), "/buildings/mine", "export-buildings", "/exports/buildings.xlsx"))
                        .contains("mine=true");
            }
        }
    }

    @Test
    void aBuildingsRoomsWithoutOccupantsAndTheirPartyDormBadge() throws Exception {
        long building = jdbc.sql("SELECT building_id FROM party_dorm ORDER BY id").query(Long.class).list().get(0);
        List<ResidenceViews.Floor> floors = residence.vacancyMap(building);
        List<ResidenceViews.Room> rooms = floors.stream().flatMap(f -> f.rooms().stream()).toList();
        List<Row> rows = sheets("/exports/buildings/" + building + "/rooms.xlsx", "admin").get(0);
        assertThat(rows).hasSize(rooms.size() + 1);
        long free = 0;
        for (int i = 0; i < rooms.size(); i++) {
            assertThat(text(rows.get(i + 1), 2)).isEqualTo(rooms.get(i).number());
            free += number(rows.get(i + 1), 9);
        }
        assertThat(free).isEqualTo(floors.stream().mapToLong(ResidenceViews.Floor::free).sum());
        String yes = messages.getMessage("export.yes", null, java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(rows.stream().filter(r -> text(r, 11).equals(yes)).count())
                .isEqualTo(partyDorms.partyMemberDorms(building).size()).isPositive();

        ResidenceViews.Building own = residence.buildingsServedBy(users.viewer("buildingleader")).get(0);
        assertThat(sheets("/api/v1/exports/buildings/" + own.id() + "/rooms.xlsx", "buildingleader").get(0)).hasSizeGreaterThan(1);
        long elsewhere = jdbc.sql("SELECT id FROM building WHERE id <> ? ORDER BY id").param(own.id()).query(Long.class).list().get(0);
        mvc.perform(get("/exports/buildings/" + elsewhere + "/rooms.xlsx").with(users.as("buildingleader"))).andExpect(status().isNotFound());
        mvc.perform(get("/exports/buildings/" + building + "/rooms.xlsx").with(users.as("student"))).andExpect(status().isNotFound());
        Workbooks.linked(mvc, users.as("admin"), "/buildings/" + building, "export-rooms", "/exports/buildings/" + building + "/rooms.xlsx");
    }

    @Test
    void aStudentsStaysWithinTheViewersScope() throws Exception {
        Long own = jdbc.sql("SELECT student_id FROM account WHERE username = 'student'").query(Long.class).single();
        long student = jdbc.sql("SELECT student_id FROM bed_assignment WHERE student_id <> ? GROUP BY student_id ORDER BY count(*) DESC, student_id")
                .param(own).query(Long.class).list().get(0);
        List<ResidenceViews.Stay> seen = residence.staysOf(users.viewer("admin"), student);
        assertThat(seen).isNotEmpty();
        List<Row> rows = sheets("/exports/students/" + student + "/stays.xlsx", "admin").get(0);
        assertThat(rows).hasSize(seen.size() + 1);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(text(rows.get(i + 1), 0)).isEqualTo(seen.get(i).student());
            assertThat(text(rows.get(i + 1), 1)).isEqualTo(seen.get(i).place());
        }
        assertThat(rows.stream().flatMap(r -> java.util.stream.IntStream.range(0, r.getCellCount()).mapToObj(c -> text(r, c)))
                .noneMatch(t -> ID_CARD.matcher(t).find())).isTrue();
        mvc.perform(get("/api/v1/exports/students/" + student + "/stays.xlsx").with(users.as("student"))).andExpect(status().isNotFound());
        Workbooks.linked(mvc, users.as("admin"), "/students/" + student, "export-stays", "/exports/students/" + student + "/stays.xlsx");
    }
}
