package org.shouwang.party.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.party.PartyDormFixtures;
import org.shouwang.party.PartyOrganisations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PartyDormsWebTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired PartyOrganisations organisations;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theSecretaryMarksADormOnThePageAndTheBadgeShowsOnTheBuildingMapAndTheRoomPage() throws Exception {
        long branch = PartyDormFixtures.branch(organisations, users, "party");
        PartyDormFixtures.Lodger lodger = PartyDormFixtures.lodgers(jdbc, null, 1, 50).get(0);
        PartyDormFixtures.member(jdbc, branch, lodger.studentId(), "FULL");

        mvc.perform(get("/party/dorms").param("org", String.valueOf(branch)).with(users.as("party"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-room=\"" + lodger.roomId() + "\"")));
        mvc.perform(post("/party/{o}/dorms", branch).param("roomId", String.valueOf(lodger.roomId())).with(users.as("party")).with(csrf()))
                .andExpect(redirectedUrl("/party/dorms?org=" + branch)).andExpect(flash().attribute("success", containsString("党员宿舍")));
        mvc.perform(get("/buildings/{id}", lodger.buildingId()).with(users.as("counsellor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-party-dorm=\"" + lodger.roomId() + "\"")));
        mvc.perform(get("/rooms/{id}", lodger.roomId()).with(users.as("counsellor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"party-dorm-badge\"")));
        mvc.perform(get("/api/v1/party/buildings/{id}/dorms", lodger.buildingId()).with(users.as("counsellor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasItem((int) lodger.roomId())));
        mvc.perform(post("/party/{o}/dorms/{r}/remove", branch, lodger.roomId()).with(users.as("party")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/rooms/{id}", lodger.roomId()).with(users.as("counsellor")))
                .andExpect(content().string(not(containsString("id=\"party-dorm-badge\""))));
    }

    @Test
    void aRoomWithoutAMemberIsRefusedOnThePageAndInTheApiAndOutsidersGet404() throws Exception {
        long branch = PartyDormFixtures.branch(organisations, users, "party");
        PartyDormFixtures.Lodger lodger = PartyDormFixtures.lodgers(jdbc, null, 1, 60).get(0);

        mvc.perform(post("/party/{o}/dorms", branch).param("roomId", String.valueOf(lodger.roomId())).with(users.as("party")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("党员")));
        mvc.perform(post("/party/{o}/dorms", branch).param("roomId", "abc").with(users.as("party")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("党员")));
        mvc.perform(post("/api/v1/party/{o}/dorms", branch).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roomId\":" + lodger.roomId() + "}").with(users.as("party")).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/party/{o}/dorms", branch).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roomId\":\"x\"}").with(users.as("party")).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/party/{o}/dorms", branch).contentType(MediaType.APPLICATION_JSON)
                        .content("{}").with(users.as("party")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("roomId"));
        assert jdbc.queryForObject("SELECT count(*) FROM party_dorm WHERE organisation_id = ?", Integer.class, branch) == 0;

        mvc.perform(get("/party/dorms").with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/party/{o}/dorms", branch).with(users.as("student"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/party/{o}/dorms", branch).contentType(MediaType.APPLICATION_JSON)
                .content("{\"roomId\":" + lodger.roomId() + "}").with(users.as("counsellor")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/party/{o}/dorms/{r}", branch, lodger.roomId()).with(users.as("manager")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMemberSeesTheirZoneOnAPhonePageAndInTheApiAndNobodyElseDoes() throws Exception {
        long branch = PartyDormFixtures.branch(organisations, users, "party");
        long member = PartyDormFixtures.member(jdbc, branch, users.viewer("inspector").studentId(), "PROBATIONARY");
        long building = jdbc.queryForObject("SELECT min(id) FROM building", Long.class);

        mvc.perform(post("/party/{o}/zones", branch).param("memberId", String.valueOf(member)).param("buildingId", String.valueOf(building))
                        .param("floors", "2， 99, x").param("rooms", "").with(users.as("party")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"zone-errors\"")))
                .andExpect(content().string(containsString("x")));
        mvc.perform(post("/party/{o}/zones", branch).param("memberId", String.valueOf(member)).param("buildingId", String.valueOf(building))
                        .param("floors", "2， 99").param("rooms", "").with(users.as("party")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("99")));
        assert jdbc.queryForObject("SELECT count(*) FROM responsibility_zone WHERE organisation_id = ?", Integer.class, branch) == 0;
        mvc.perform(post("/party/{o}/zones", branch).param("memberId", String.valueOf(member)).param("buildingId", String.valueOf(building))
                        .param("floors", "2").param("rooms", "").param("note", "二楼").with(users.as("party")).with(csrf()))
                .andExpect(redirectedUrl("/party/" + branch + "/zones"));
        long zone = jdbc.queryForObject("SELECT max(id) FROM responsibility_zone WHERE organisation_id = ?", Long.class, branch);

        mvc.perform(get("/party/zone").with(users.as("inspector"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-zone=\"" + zone + "\"")));
        mvc.perform(get("/party/{o}/zones", branch).with(users.as("party"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-zone=\"" + zone + "\"")));
        mvc.perform(get("/api/v1/party/zones/{z}", zone).with(users.as("inspector"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.floors[0]").value(2)).andExpect(jsonPath("$.figures.open").isNumber());
        mvc.perform(get("/api/v1/party/zones/mine").with(users.as("inspector"))).andExpect(status().isOk());
        for (String outsider : List.of("student", "counsellor", "manager")) {
            mvc.perform(get("/api/v1/party/zones/{z}", zone).with(users.as(outsider))).andExpect(status().isNotFound());
            mvc.perform(get("/party/{o}/zones", branch).with(users.as(outsider))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/party/zone").with(users.as("student"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-zone=\"" + zone + "\""))));
        mvc.perform(post("/api/v1/party/{o}/zones", branch).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"memberId\":" + member + ",\"buildingId\":" + building + ",\"floors\":[77],\"rooms\":[\"Z1\"]}")
                        .with(users.as("party")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("floors")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("rooms")));
        mvc.perform(delete("/api/v1/party/{o}/zones/{z}", branch, zone).with(users.as("party")).with(csrf()))
                .andExpect(status().isNoContent());
    }

    @Test
    void theBranchActivitiesSectionShowsCountsToEveryoneAndAttendanceOnlyToPartyRoles() throws Exception {
        long branch = PartyDormFixtures.branch(organisations, users, "party");
        mvc.perform(get("/party/{o}/activities", branch).with(users.as("party"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"attendance\"")))
                .andExpect(content().string(containsString("/activities/new?organiserKind=PARTY_BRANCH&amp;organiser=")));
        mvc.perform(get("/party/{o}/activities", branch).param("year", "20x6").with(users.as("student"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"counts-by-type\"")))
                .andExpect(content().string(not(containsString("id=\"attendance\""))))
                .andExpect(content().string(not(containsString("id=\"new-branch-activity\""))));
        mvc.perform(get("/api/v1/party/{o}/activities", branch).param("year", "2026").with(users.as("student")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.attendance").value(nullValue()));
        mvc.perform(get("/api/v1/party/{o}/activities", branch).param("year", "abc").with(users.as("student")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/party/{o}/activities", 999_999).with(users.as("student"))).andExpect(status().isNotFound());
    }
}
