package org.shouwang.studios;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class ProjectsTests {

    /** 2026-11-16, a Monday, campus time. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 16);

    @Autowired Projects projects;
    @Autowired Studios studios;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void fixToday() {
        clock.fix(Instant.parse("2026-11-16T02:00:00Z"));
    }

    private long studioLedBy(String name, String leader) {
        return studios.create(users.viewer("admin"), new StudioDraft(name, StudioType.COUNSELLOR, null, "社区 101", leader, null,
                "谈心谈话", "周一 9:00–11:00", null));
    }

    private static ProjectDraft draft(String name, Long studio, String owner) {
        return new ProjectDraft(name, ProjectLevel.QUALITY, studio, owner, "目标", TODAY.minusDays(60), TODAY.plusDays(120),
                ProjectStatus.ACTIVE, null);
    }

    @Test
    void aMilestoneDueBeforeTodayAndNotDoneIsOverdueOnTheListAndTheProject() {
        fixToday();
        long id = projects.create(users.viewer("admin"), draft("测试·逾期项目", null, "counsellor"));
        long late = projects.addMilestone(users.viewer("admin"), id, new MilestoneDraft("方案", TODAY.minusDays(10), null));
        long done = projects.addMilestone(users.viewer("admin"), id, new MilestoneDraft("启动", TODAY.minusDays(40), null));
        projects.addMilestone(users.viewer("admin"), id, new MilestoneDraft("今天到期", TODAY, null));
        projects.addMilestone(users.viewer("admin"), id, new MilestoneDraft("总结", TODAY.plusDays(30), "期末"));
        projects.markDone(users.viewer("admin"), id, done, TODAY.minusDays(41), "按时");
        long onTime = projects.create(users.viewer("admin"), draft("测试·按时项目", null, "counsellor"));

        ProjectViews.Project p = projects.project(users.viewer("student"), id);
        assertThat(p.milestones()).extracting(ProjectViews.Milestone::title).containsExactly("启动", "方案", "今天到期", "总结");
        assertThat(p.milestones()).filteredOn(ProjectViews.Milestone::overdue).extracting(ProjectViews.Milestone::id)
                .containsExactly(late);
        assertThat(p.overdue()).isEqualTo(1);
        assertThat(p.done()).isEqualTo(1);
        assertThat(p.mayEdit()).isFalse();

        List<ProjectViews.Row> overdue = projects.list(users.viewer("student"), new ProjectViews.Filter(null, null, null, true));
        assertThat(overdue).extracting(ProjectViews.Row::id).contains(id).doesNotContain(onTime);
        ProjectViews.Row row = overdue.stream().filter(r -> r.id() == id).findFirst().orElseThrow();
        assertThat(row.overdue()).isEqualTo(1);
        assertThat(row.done()).isEqualTo(1);
        assertThat(row.milestones()).isEqualTo(4);

        projects.markDone(users.viewer("counsellor"), id, late, null, null);
        assertThat(projects.project(users.viewer("student"), id).overdue()).isZero();
        assertThat(projects.list(users.viewer("student"), new ProjectViews.Filter(null, null, null, true)))
                .extracting(ProjectViews.Row::id).doesNotContain(id);
        projects.reopenMilestone(users.viewer("counsellor"), id, late);
        assertThat(projects.project(users.viewer("student"), id).overdue()).isEqualTo(1);
    }

    @Test
    void theOwnerAndTheStudioLeaderMayChangeAProjectAndNobodyElse() {
        fixToday();
        long studio = studioLedBy("测试·项目工作室", "headteacher");
        long id = projects.create(users.viewer("admin"), draft("测试·权限项目", studio, "counsellor"));
        long m = projects.addMilestone(users.viewer("counsellor"), id, new MilestoneDraft("第一步", TODAY.minusDays(5), null));

        assertThat(projects.project(users.viewer("counsellor"), id).mayEdit()).isTrue();
        assertThat(projects.project(users.viewer("headteacher"), id).mayEdit()).isTrue();
        assertThat(projects.project(users.viewer("admin"), id).mayEdit()).isTrue();
        projects.markDone(users.viewer("headteacher"), id, m, null, null);
        projects.update(users.viewer("headteacher"), id, new ProjectDraft("测试·权限项目", ProjectLevel.FEATURED, studio, "counsellor",
                "新目标", TODAY.minusDays(60), TODAY.plusDays(120), ProjectStatus.ACTIVE, "阶段成果"), null);

        for (String who : new String[] {"student", "studio", "psych", "leader", "affairs"}) {
            assertThat(projects.project(users.viewer(who), id).mayEdit()).isFalse();
            assertThatThrownBy(() -> projects.update(users.viewer(who), id, draft("测试·越权改", studio, "counsellor"), null))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> projects.addMilestone(users.viewer(who), id, new MilestoneDraft("x", TODAY, null)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> projects.markDone(users.viewer(who), id, m, null, null)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> projects.reopenMilestone(users.viewer(who), id, m)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> projects.removeMilestone(users.viewer(who), id, m)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> projects.changeMilestone(users.viewer(who), id, m, new MilestoneDraft("y", TODAY, null)))
                    .isInstanceOf(NotFoundException.class);
        }
        ProjectViews.Project p = projects.project(users.viewer("student"), id);
        assertThat(p.level()).isEqualTo(ProjectLevel.FEATURED);
        assertThat(p.outcome()).isEqualTo("阶段成果");
        assertThat(p.milestones()).singleElement().satisfies(ms -> assertThat(ms.doneOn()).isEqualTo(TODAY));
    }

    @Test
    void studentsStartNoProjectAndStaffOnlyTheirOwnOrTheirStudios() {
        fixToday();
        long studio = studioLedBy("测试·立项工作室", "headteacher");
        assertThatThrownBy(() -> projects.create(users.viewer("student"), draft("测试·学生立项", null, "counsellor")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> projects.create(users.viewer("studio"), draft("测试·替人立项", null, "counsellor")))
                .isInstanceOf(NotFoundException.class);
        long own = projects.create(users.viewer("studio"), draft("测试·自己的项目", null, "studio"));
        long ofStudio = projects.create(users.viewer("headteacher"), draft("测试·工作室的项目", studio, "counsellor"));
        assertThat(projects.project(users.viewer("studio"), own).ownerUsername()).isEqualTo("studio");
        assertThat(projects.project(users.viewer("headteacher"), ofStudio).studioName()).isEqualTo("测试·立项工作室");
    }

    @Test
    void aBadProjectNamesEveryWrongFieldAndWritesNothing() {
        fixToday();
        int before = jdbc.queryForObject("SELECT count(*) FROM project", Integer.class);
        assertThatThrownBy(() -> projects.create(users.viewer("admin"), new ProjectDraft(" ", null, 999_999L, "nobody-such", "",
                TODAY, TODAY.minusDays(1), null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::field, InvalidInput.Problem::code)
                        .contains(org.assertj.core.groups.Tuple.tuple("name", "field.required"),
                                org.assertj.core.groups.Tuple.tuple("level", "field.required"),
                                org.assertj.core.groups.Tuple.tuple("status", "field.required"),
                                org.assertj.core.groups.Tuple.tuple("goals", "field.required"),
                                org.assertj.core.groups.Tuple.tuple("endsOn", "project.endsBeforeStart"),
                                org.assertj.core.groups.Tuple.tuple("studioId", "project.unknownStudio"),
                                org.assertj.core.groups.Tuple.tuple("ownerUsername", "project.unknownOwner")));
        assertThatThrownBy(() -> projects.create(users.viewer("admin"), draft("测试·学生负责", null, "student")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("project.ownerNotStaff"));
        assertThatThrownBy(() -> projects.create(users.viewer("admin"), new ProjectDraft("测试·无日期", ProjectLevel.QUALITY, null,
                "counsellor", "目标", null, null, ProjectStatus.PLANNED, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("startsOn", "endsOn"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM project", Integer.class)).isEqualTo(before);
    }

    @Test
    void milestonesStayWithinTheProjectAndAreNotDoneInTheFuture() {
        fixToday();
        long id = projects.create(users.viewer("admin"), draft("测试·里程碑规则", null, "counsellor"));
        int before = jdbc.queryForObject("SELECT count(*) FROM project_milestone", Integer.class);
        assertThatThrownBy(() -> projects.addMilestone(users.viewer("admin"), id, new MilestoneDraft("太晚", TODAY.plusDays(121), null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("project.milestone.outsideDates"));
        assertThatThrownBy(() -> projects.addMilestone(users.viewer("admin"), id, new MilestoneDraft("", null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("title", "dueOn"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM project_milestone", Integer.class)).isEqualTo(before);

        long m = projects.addMilestone(users.viewer("admin"), id, new MilestoneDraft("准时", TODAY.plusDays(10), null));
        assertThatThrownBy(() -> projects.markDone(users.viewer("admin"), id, m, TODAY.plusDays(1), null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("project.milestone.doneInFuture"));
        assertThat(projects.project(users.viewer("admin"), id).milestones().get(0).done()).isFalse();
        // Shortening the project past a milestone is refused until the milestone moves.
        assertThatThrownBy(() -> projects.update(users.viewer("admin"), id, new ProjectDraft("测试·里程碑规则", ProjectLevel.QUALITY,
                null, "counsellor", "目标", TODAY.minusDays(60), TODAY.plusDays(5), ProjectStatus.ACTIVE, null), null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("project.milestonesOutside"));
        // A milestone of another project is not found through this one.
        long other = projects.create(users.viewer("admin"), draft("测试·另一个项目", null, "counsellor"));
        assertThatThrownBy(() -> projects.markDone(users.viewer("admin"), other, m, null, null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anEditOnAStaleVersionIsRefused() {
        fixToday();
        long id = projects.create(users.viewer("admin"), draft("测试·项目版本", null, "counsellor"));
        projects.update(users.viewer("counsellor"), id, draft("测试·项目版本", null, "counsellor"), 0);
        assertThatThrownBy(() -> projects.update(users.viewer("admin"), id, draft("测试·项目版本2", null, "counsellor"), 0))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("project.changed"));
        assertThat(projects.project(users.viewer("admin"), id).name()).isEqualTo("测试·项目版本");
    }

    @Test
    void theDemoCommunityHasSevenFeaturedAndTenQualityProjectsSomeOverdue() {
        List<ProjectViews.Row> rows = projects.list(users.viewer("student"), null).stream()
                .filter(r -> !r.name().startsWith("测试") && !r.name().startsWith("浏览器")).toList();
        assertThat(rows).filteredOn(r -> r.level() == ProjectLevel.FEATURED).hasSize(7);
        assertThat(rows).filteredOn(r -> r.level() == ProjectLevel.QUALITY).hasSize(10);
        assertThat(rows).filteredOn(r -> r.overdue() > 0).hasSizeBetween(2, 6);
        assertThat(rows).allSatisfy(r -> assertThat(r.milestones()).isGreaterThanOrEqualTo(3));
    }
}
