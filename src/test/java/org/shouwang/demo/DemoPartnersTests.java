package org.shouwang.demo;

import org.junit.jupiter.api.Test;
import org.shouwang.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DemoPartnersTests {

    @Autowired JdbcTemplate jdbc;

    @Test
    void theDemoCampusHasTwentyOnePartnersOfSixKinds137MentorsAndTheirParticipation() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM partner WHERE name = '市第一人民医院' OR name = '律师事务所'"
                + " OR name = '公安分局' OR name = '湖塘镇社区' OR name = '市红十字会'", Integer.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT kind) FROM partner", Integer.class)).isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mentor WHERE bio LIKE '来自%' OR bio LIKE '长期关心%'", Integer.class))
                .isEqualTo(DemoPartners.MENTORS);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT expertise) FROM mentor_expertise", Integer.class)).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mentor_participation", Integer.class)).isGreaterThanOrEqualTo(60);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mentor_participation WHERE kind = 'STUDIO_SHIFT' AND studio_id IS NOT NULL",
                Integer.class)).isPositive();
    }
}
