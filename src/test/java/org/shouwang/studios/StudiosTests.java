package org.shouwang.studios;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class StudiosTests {

    @Autowired Studios studios;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;

    private static StudioDraft draft(String name, String leader) {
        return new StudioDraft(name, StudioType.CAREER, null, "社区一楼 101", leader, null, "生涯咨询；简历修改",
                "周一至周五 9:00–17:00", "帮学生规划职业");
    }

    @Test
    void anAdministratorSetsUpAStudioThatTheDirectoryListsWithItsStaff() {
        long id = studios.create(users.viewer("admin"), draft("测试·生涯工作室", "counsellor"));
        studios.addMember(users.viewer("admin"), id, "studio");
        studios.addMember(users.viewer("admin"), id, "studio");

        assertThat(studios.directory(StudioType.CAREER, null)).extracting(StudioViews.Summary::name).contains("测试·生涯工作室");
        StudioViews.Studio studio = studios.studio(id);
        assertThat(studio.members()).hasSize(2);
        assertThat(studio.members().get(0).leader()).isTrue();
        assertThat(studios.worksIn(users.viewer("studio"), id)).isTrue();
        assertThat(studios.worksIn(users.viewer("counsellor"), id)).isTrue();
        assertThat(studios.worksIn(users.viewer("headteacher"), id)).isFalse();
        assertThat(studios.leads(users.viewer("counsellor"), id)).isTrue();
        assertThat(studios.leads(users.viewer("studio"), id)).isFalse();
        assertThat(studios.idByName("测试·生涯工作室")).contains(id);
        assertThat(studios.names()).containsEntry(id, "测试·生涯工作室");
    }

    @Test
    void aBadStudioNamesEveryWrongFieldAndWritesNothing() {
        int before = jdbc.queryForObject("SELECT count(*) FROM studio", Integer.class);
        assertThatThrownBy(() -> studios.create(users.viewer("admin"), new StudioDraft(" ", null, 999_999L, "", "student",
                null, "", "", null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .contains("name", "type", "buildingId", "venue", "leaderUsername", "services", "openingHours"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM studio", Integer.class)).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsSetUpChangeAndStaffStudios() {
        long id = studios.create(users.viewer("admin"), draft("测试·只限管理员", "counsellor"));
        for (String who : new String[] {"studio", "counsellor", "student", "leader"}) {
            assertThatThrownBy(() -> studios.create(users.viewer(who), draft("测试·越权" + who, "studio")))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> studios.update(users.viewer(who), id, draft("测试·改名", "studio"), null))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> studios.deactivate(users.viewer(who), id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> studios.addMember(users.viewer(who), id, "studio")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> studios.removeMember(users.viewer(who), id, "studio")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> studios.deactivated(users.viewer(who))).isInstanceOf(NotFoundException.class);
        }
        assertThat(studios.studio(id).name()).isEqualTo("测试·只限管理员");
        assertThat(studios.studio(id).active()).isTrue();
    }

    @Test
    void anEditOnAStaleVersionIsRefusedAndTheFirstOneStays() {
        long id = studios.create(users.viewer("admin"), draft("测试·版本", "counsellor"));
        int read = studios.studio(id).version();
        studios.update(users.viewer("admin"), id, draft("测试·版本（改）", "headteacher"), read);

        assertThatThrownBy(() -> studios.update(users.viewer("admin"), id, draft("测试·版本（旧）", "counsellor"), read))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("studio.changed"));
        StudioViews.Studio studio = studios.studio(id);
        assertThat(studio.name()).isEqualTo("测试·版本（改）");
        assertThat(studio.leaderName()).isEqualTo(users.viewer("headteacher").displayName());
        assertThat(studio.version()).isEqualTo(read + 1);
    }

    @Test
    void aDeactivatedStudioLeavesTheDirectoryUntilItIsReactivated() {
        long id = studios.create(users.viewer("admin"), draft("测试·停用", "counsellor"));
        studios.deactivate(users.viewer("admin"), id);
        studios.deactivate(users.viewer("admin"), id);

        assertThat(studios.directory(null, null)).extracting(StudioViews.Summary::id).doesNotContain(id);
        assertThat(studios.deactivated(users.viewer("admin"))).extracting(StudioViews.Summary::id).contains(id);
        assertThat(studios.names()).doesNotContainKey(id);
        assertThat(studios.studio(id).active()).isFalse();

        studios.reactivate(users.viewer("admin"), id);
        assertThat(studios.directory(null, null)).extracting(StudioViews.Summary::id).contains(id);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE target_type = 'studio' AND target_id = ?"
                + " AND action IN ('studio.deactivate', 'studio.reactivate')", Integer.class, String.valueOf(id))).isEqualTo(2);
    }

    @Test
    void membersAreAddedAndRemovedByUsernameButTheLeaderStays() {
        long id = studios.create(users.viewer("admin"), draft("测试·成员", "counsellor"));
        studios.addMember(users.viewer("admin"), id, "studio");
        studios.removeMember(users.viewer("admin"), id, "studio");
        studios.removeMember(users.viewer("admin"), id, "studio");
        assertThat(studios.staffOf(id)).containsExactly(users.viewer("counsellor").accountId());

        assertThatThrownBy(() -> studios.removeMember(users.viewer("admin"), id, "counsellor"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("studio.leaderStays"));
        assertThatThrownBy(() -> studios.addMember(users.viewer("admin"), id, "student"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).code()).isEqualTo("studio.notStaff"));
        assertThatThrownBy(() -> studios.addMember(users.viewer("admin"), id, "nobody-such"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("username"));
        assertThatThrownBy(() -> studios.addMember(users.viewer("admin"), id, " "))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).code()).isEqualTo("field.required"));
    }

    @Test
    void theDemoCommunityHasTheSeedsStudios() {
        Map<StudioType, Long> byType = studios.directory(null, null).stream()
                .filter(s -> !s.name().startsWith("测试"))
                .collect(Collectors.groupingBy(StudioViews.Summary::type, Collectors.counting()));
        assertThat(byType.get(StudioType.COUNSELLOR)).isGreaterThanOrEqualTo(8);
        assertThat(byType.get(StudioType.HEAD_TEACHER)).isGreaterThanOrEqualTo(1);
        assertThat(byType.get(StudioType.PSYCHOLOGY)).isGreaterThanOrEqualTo(1);
        long psych = studios.idByName("心晴心理工作室").orElseThrow();
        assertThat(studios.leads(users.viewer("psych"), psych)).isTrue();
        long shouwang = studios.idByName("守望辅导员工作室").orElseThrow();
        assertThat(studios.worksIn(users.viewer("studio"), shouwang)).isTrue();
        assertThat(studios.idByName("金盾护航警务工作室").map(studios::leaderOf)).contains(users.viewer("police").accountId());
        assertThat(studios.studio(studios.idByName("救在身边急救工作室").orElseThrow()).partner()).isEqualTo("市红十字会");
    }
}
