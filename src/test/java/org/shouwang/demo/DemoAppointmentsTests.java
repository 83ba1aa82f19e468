package org.shouwang.demo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.studios.StudioDraft;
import org.shouwang.studios.StudioType;
import org.shouwang.studios.StudioViews;
import org.shouwang.studios.Studios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DemoAppointmentsTests {

    /** The demo studios this section serves, with a leader each when this test has to make them itself. */
    private static final Map<String, Object[]> STUDIOS = Map.of(
            "心晴心理工作室", new Object[] {StudioType.PSYCHOLOGY, "psych"},
            "生涯发展工作室", new Object[] {StudioType.CAREER, "studio"},
            "资助工作室", new Object[] {StudioType.FINANCIAL_AID, "handler-zz"},
            "普法天平法律援助工作室", new Object[] {StudioType.LEGAL_AID, "studio"},
            "守望辅导员工作室", new Object[] {StudioType.COUNSELLOR, "counsellor"});

    @Autowired DemoAppointments section;
    @Autowired DemoCampus campus;
    @Autowired Studios studios;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;

    @Test
    void theDemoStudiosOfferTwoWeeksOfSlotsSomeBookedAndEarlierOnesMarkedWithNotes() {
        Map<String, Long> present = new java.util.HashMap<>();
        studios.directory(null, null).forEach(s -> present.put(s.name(), s.id()));
        if (!present.keySet().containsAll(STUDIOS.keySet())) {
            // The studios section is not on this branch: make the studios the way it would, then load this section.
            STUDIOS.forEach((name, v) -> {
                if (!present.containsKey(name)) {
                    present.put(name, studios.create(users.viewer("admin"), new StudioDraft(name, (StudioType) v[0], null,
                            "学生社区服务中心", (String) v[1], null, "咨询", "工作日 8:00–21:00", null)));
                }
            });
            transaction.executeWithoutResult(s -> section.load(new DemoSection.Context(11, true, campus)));
        }
        for (String name : STUDIOS.keySet()) {
            long id = present.get(name);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM appointment_slot WHERE studio_id = ? AND starts_at > CURRENT_TIMESTAMP",
                    Long.class, id)).as(name).isPositive();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM appointment WHERE studio_id = ? AND state = 'BOOKED'",
                    Long.class, id)).as(name).isPositive();
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM appointment WHERE studio_id = ? AND state IN ('ATTENDED', 'NO_SHOW')
                    AND starts_at < CURRENT_TIMESTAMP""", Long.class, id)).as(name).isPositive();
        }
        long psychology = present.get("心晴心理工作室");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM appointment WHERE studio_id = ? AND confidential AND note IS NOT NULL",
                Long.class, psychology)).isPositive();
        StudioViews.Studio studio = studios.studio(psychology);
        assertThat(studio.confidential()).isTrue();
        // The demo student has a career appointment ahead, and no booked slot is held twice.
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM appointment a JOIN account c ON c.id = a.student_account_id
                WHERE c.username = 'student' AND a.state = 'BOOKED'""", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM appointment_slot s WHERE s.state = 'BOOKED'
                AND (SELECT count(*) FROM appointment a WHERE a.slot_id = s.id AND a.state <> 'CANCELLED') <> 1""", Long.class))
                .isZero();
    }
}
