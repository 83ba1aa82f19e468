package org.shouwang.studios.web;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.studios.MilestoneDraft;
import org.shouwang.studios.ProjectDraft;
import org.shouwang.studios.ProjectLevel;
import org.shouwang.studios.ProjectStatus;
import org.shouwang.studios.Projects;
import org.shouwang.studios.StudioDraft;
import org.shouwang.studios.StudioType;
import org.shouwang.studios.Studios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The studio and project pages: what everyone sees, what only administrators or a project's editors may do. */
@IntegrationTest
class StudioPagesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 16);

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired Studios studios;
    @Autowired Projects projects;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void reset() {
        clock.reset();
    }

    ResultActions as(String who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(users.as(who)).with(csrf()));
    }

    long studio(String name) {
        return studios.create(users.viewer("admin"), new StudioDraft(name, StudioType.LEGAL_AID, null, "社区 106", "counsellor",
                "律师事务所", "法律咨询；合同审查", "周三 14:00–17:00", "律师每周驻点"));
    }

    @Test
    void aStudentBrowsesTheDirectoryAndOpensAStudioWithItsLinks() throws Exception {
        long id = studio("测试页·法援工作室");
        as("student", get("/studios")).andExpect(status().isOk())
                .andExpect(content().string(containsString("测试页·法援工作室")))
                .andExpect(content().string(containsString("心晴心理工作室")))
                .andExpect(content().string(not(containsString("id=\"new-studio\""))));
        as("student", get("/studios").param("type", "LEGAL_AID")).andExpect(status().isOk())
                .andExpect(content().string(containsString("测试页·法援工作室")))
                .andExpect(content().string(not(containsString("心晴心理工作室"))));
        as("student", get("/studios").param("type", "NONSENSE").param("building", "x")).andExpect(status().isOk());
        as("student", get("/studios/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/appointments/studios/" + id + "\"")))
                .andExpect(content().string(containsString("href=\"/duty?studio=" + id + "\"")))
                .andExpect(content().string(containsString("律师每周驻点")))
                .andExpect(content().string(not(containsString("id=\"studio-admin\""))));
    }

    @Test
    void onlyAdministratorsReachTheStudioForms() throws Exception {
        long id = studio("测试页·越权工作室");
        for (String who : new String[] {"student", "studio", "counsellor"}) {
            as(who, get("/studios/new")).andExpect(status().isNotFound());
            as(who, get("/studios/" + id + "/edit")).andExpect(status().isNotFound());
            as(who, post("/studios").param("name", "测试页·越权新")).andExpect(status().isNotFound());
            as(who, post("/studios/" + id).param("name", "测试页·越权改")).andExpect(status().isNotFound());
            as(who, post("/studios/" + id + "/deactivate")).andExpect(status().isNotFound());
            as(who, post("/studios/" + id + "/members").param("username", "studio")).andExpect(status().isNotFound());
            as(who, post("/studios/" + id + "/members/remove").param("username", "counsellor")).andExpect(status().isNotFound());
        }
        assertThat(studios.studio(id).name()).isEqualTo("测试页·越权工作室");
        assertThat(studios.studio(id).active()).isTrue();
        studios.deactivate(users.viewer("admin"), id);
        as("student", get("/studios/" + id)).andExpect(status().isNotFound());
        as("admin", get("/studios/" + id)).andExpect(status().isOk()).andExpect(content().string(containsString("id=\"reactivate-studio\"")));
    }

    @Test
    void anAdministratorsFormShowsEveryProblemBesideItsField() throws Exception {
        int before = jdbc.queryForObject("SELECT count(*) FROM studio", Integer.class);
        as("admin", post("/studios").param("name", "").param("type", "COUNSELLOR").param("venue", "")
                .param("leaderUsername", "student").param("services", "x").param("openingHours", "y"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"name-error\"")))
                .andExpect(content().string(containsString("id=\"venue-error\"")))
                .andExpect(content().string(containsString("是学生账号")));
        as("admin", post("/studios").param("name", "测试页·坏类型").param("type", "ROCKET").param("buildingId", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"type-error\"")))
                .andExpect(content().string(containsString("id=\"buildingId-error\"")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM studio", Integer.class)).isEqualTo(before);

        as("admin", post("/studios").param("name", "测试页·新工作室").param("type", "CAREER").param("venue", "社区 103")
                .param("leaderUsername", "counsellor").param("services", "生涯咨询").param("openingHours", "周一 9:00–11:00"))
                .andExpect(redirectedUrlPattern("/studios/*"));
        long id = studios.idByName("测试页·新工作室").orElseThrow();
        as("admin", post("/studios/" + id + "/members").param("username", "studio")).andExpect(redirectedUrlPattern("/studios/*"));
        assertThat(studios.staffOf(id)).hasSize(2);
        // A second edit on the version first read is refused above the form.
        as("admin", post("/studios/" + id).param("name", "测试页·新工作室").param("type", "CAREER").param("venue", "社区 104")
                .param("leaderUsername", "counsellor").param("services", "生涯咨询").param("openingHours", "周一").param("version", "0"))
                .andExpect(redirectedUrlPattern("/studios/*"));
        as("admin", post("/studios/" + id).param("name", "测试页·新工作室").param("type", "CAREER").param("venue", "社区 105")
                .param("leaderUsername", "counsellor").param("services", "生涯咨询").param("openingHours", "周一").param("version", "0"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("刚被他人修改")));
        assertThat(studios.studio(id).venue()).isEqualTo("社区 104");
    }

    @Test
    void aProjectWithAnOverdueMilestoneIsMarkedAndOnlyItsEditorsTickIt() throws Exception {
        clock.fix(Instant.parse("2026-11-16T02:00:00Z"));
        long id = projects.create(users.viewer("admin"), new ProjectDraft("测试页·逾期项目", ProjectLevel.FEATURED, null, "counsellor",
                "目标", TODAY.minusDays(90), TODAY.plusDays(90), ProjectStatus.ACTIVE, null));
        long late = projects.addMilestone(users.viewer("admin"), id, new MilestoneDraft("调研报告", TODAY.minusDays(3), null));

        as("student", get("/projects").param("overdue", "true")).andExpect(status().isOk())
                .andExpect(content().string(containsString("测试页·逾期项目")))
                .andExpect(content().string(containsString("1 项逾期")));
        as("student", get("/projects/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"overdue-alert\"")))
                .andExpect(content().string(containsString("pj-ms-overdue")))
                .andExpect(content().string(not(containsString("id=\"tick-" + late + "\""))));
        for (String who : new String[] {"student", "studio", "headteacher"}) {
            as(who, get("/projects/" + id + "/edit")).andExpect(status().isNotFound());
            as(who, post("/projects/" + id).param("name", "改")).andExpect(status().isNotFound());
            as(who, post("/projects/" + id + "/milestones").param("title", "x").param("dueOn", "2026-12-01")).andExpect(status().isNotFound());
            as(who, post("/projects/" + id + "/milestones/" + late + "/done")).andExpect(status().isNotFound());
            as(who, post("/projects/" + id + "/milestones/" + late + "/delete")).andExpect(status().isNotFound());
        }
        as("student", get("/projects/new")).andExpect(status().isNotFound());

        as("counsellor", get("/projects/" + id)).andExpect(content().string(containsString("id=\"tick-" + late + "\"")));
        as("counsellor", post("/projects/" + id + "/milestones/" + late + "/done").param("doneOn", "2026-11-20"))
                .andExpect(redirectedUrlPattern("/projects/*"));
        assertThat(projects.project(users.viewer("admin"), id).overdue()).isEqualTo(1);
        as("counsellor", post("/projects/" + id + "/milestones/" + late + "/done").param("doneOn", ""))
                .andExpect(redirectedUrlPattern("/projects/*"));
        assertThat(projects.project(users.viewer("admin"), id).overdue()).isZero();

        as("counsellor", post("/projects/" + id + "/milestones").param("title", "").param("dueOn", "2030-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"title-error\"")))
                .andExpect(content().string(containsString("须在项目周期内")));
    }

    @Test
    void theProjectFormNamesBadDatesAndUnknownPeople() throws Exception {
        int before = jdbc.queryForObject("SELECT count(*) FROM project", Integer.class);
        as("admin", post("/projects").param("name", "测试页·坏项目").param("level", "QUALITY").param("status", "ACTIVE")
                .param("ownerUsername", "nobody-such").param("goals", "目标").param("startsOn", "2026-09-01").param("endsOn", "2026-08-01")
                .param("studioId", "999999"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"endsOn-error\"")))
                .andExpect(content().string(containsString("结束日期早于开始日期")))
                .andExpect(content().string(containsString("id=\"ownerUsername-error\"")))
                .andExpect(content().string(containsString("id=\"studioId-error\"")));
        as("admin", post("/projects").param("name", "测试页·坏日期").param("level", "QUALITY").param("status", "ACTIVE")
                .param("ownerUsername", "counsellor").param("goals", "目标").param("startsOn", "九月").param("endsOn", "2026-08-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"startsOn-error\"")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM project", Integer.class)).isEqualTo(before);

        as("studio", post("/projects").param("name", "测试页·自己的项目").param("level", "QUALITY").param("status", "PLANNED")
                .param("ownerUsername", "studio").param("goals", "目标").param("startsOn", "2026-09-01").param("endsOn", "2027-01-31"))
                .andExpect(redirectedUrlPattern("/projects/*"));
    }
}
