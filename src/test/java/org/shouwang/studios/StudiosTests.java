package org.shouwang.studios;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class StudiosTests {

    @Autowired Studios studios;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anAdministratorSetsUpAStudioThatTheDirectoryListsWithItsStaff() {
        long id = studios.create(users.viewer("admin"), new StudioDraft("测试·生涯工作室", StudioType.CAREER, null, "社区一楼 101",
                "counsellor", null, "生涯咨询；简历修改", "周一至周五 9:00–17:00", "帮学生规划职业"));
        studios.addMember(users.viewer("admin"), id, "studio");
        studios.addMember(users.viewer("admin"), id, "studio");

        assertThat(studios.directory(StudioType.CAREER, null)).extracting(StudioViews.Summary::name).contains("测试·生涯工作室");
        StudioViews.Studio studio = studios.studio(id);
        assertThat(studio.members()).hasSize(2);
        assertThat(studio.members().get(0).leader()).isTrue();
        assertThat(studios.worksIn(users.viewer("studio"), id)).isTrue();
        assertThat(studios.worksIn(users.viewer("counsellor"), id)).isTrue();
        assertThat(studios.worksIn(users.viewer("headteacher"), id)).isFalse();
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
    void onlyAdministratorsSetUpStudios() {
        assertThatThrownBy(() -> studios.create(users.viewer("studio"), new StudioDraft("x", StudioType.CAREER, null, "v",
                "studio", null, "s", "h", null))).isInstanceOf(NotFoundException.class);
    }
}
