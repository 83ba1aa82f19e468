package org.shouwang.party;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.TestClock;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.studios.Studios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class PartnersTests {

    @Autowired Partners partners;
    @Autowired Mentors mentors;
    @Autowired Studios studios;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static PartnerDraft draft(String name, LocalDate signed, LocalDate ends, String phone) {
        return new PartnerDraft(name, PartnerKind.HOSPITAL, "常州市测试路 1 号", "健康讲座", signed, ends,
                List.of(new PartnerDraft.Contact("周主任", "医务处", phone)));
    }

    int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    @Test
    void theSeedHasTwentyOnePartnersOfEveryKindAndTheirStudiosShowOnTheirPages() {
        var seeded = partners.list(users.viewer("student"), null, false).stream()
                .filter(p -> DemoPartnerNames.ALL.contains(p.name())).toList();
        assertThat(seeded).hasSize(21);
        assertThat(seeded).extracting(PartnerViews.Summary::kind).containsAll(EnumSet.allOf(PartnerKind.class));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mentor", Integer.class))
                .isGreaterThanOrEqualTo(137);
        PartnerViews.Partner redCross = partners.partner(users.viewer("student"), partners.idByName("市红十字会").orElseThrow());
        assertThat(partners.studios(redCross)).extracting(PartnerViews.Studio::name).containsExactly("救在身边急救工作室");
        assertThat(partners.activities(users.viewer("student"), redCross, 10)).extracting(r -> r.title())
                .contains("AED 与心肺复苏实操培训");
    }

    @Test
    void anAgreementEndingWithinSixtyDaysIsFlaggedAndAnEndedPartnerLeavesThePublicList() {
        clock.fix(Instant.parse("2026-06-01T02:00:00Z"));
        LocalDate today = CampusTime.today(clock);
        long soon = partners.create(users.viewer("affairs"), draft("测试·将到期医院", today.minusYears(2), today.plusDays(60), "13812345678"));
        long later = partners.create(users.viewer("affairs"), draft("测试·长期医院", today.minusYears(2), today.plusDays(61), "13812345678"));
        assertThat(partners.partner(users.viewer("student"), soon).expiringSoon()).isTrue();
        assertThat(partners.partner(users.viewer("student"), later).expiringSoon()).isFalse();

        partners.end(users.viewer("admin"), soon);
        assertThat(partners.list(users.viewer("student"), PartnerKind.HOSPITAL, false)).extracting(PartnerViews.Summary::id)
                .doesNotContain(soon).contains(later);
        assertThat(partners.list(users.viewer("affairs"), null, true)).extracting(PartnerViews.Summary::id).contains(soon);
        assertThatThrownBy(() -> partners.partner(users.viewer("student"), soon)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> partners.list(users.viewer("student"), null, true)).isInstanceOf(NotFoundException.class);
        assertThat(partners.partner(users.viewer("affairs"), soon).endedOn()).isEqualTo(today);
        assertThatThrownBy(() -> partners.end(users.viewer("admin"), soon)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void phonesAreWholeForAdministratorsStudentAffairsAndLeadersOnlyAndMaskedForStudentsAndCounsellors() {
        long id = partners.create(users.viewer("admin"), draft("测试·电话医院", null, null, "13955556666"));
        for (String who : List.of("admin", "affairs", "leader")) {
            assertThat(partners.partner(users.viewer(who), id).contacts().get(0).phone()).as(who).isEqualTo("13955556666");
        }
        for (String who : List.of("student", "counsellor", "studio")) {
            assertThat(partners.partner(users.viewer(who), id).contacts().get(0).phone()).as(who).isEqualTo("139****6666");
        }
    }

    @Test
    void aBadPartnerNamesEveryWrongFieldAndWritesNothing() {
        int before = count("partner");
        int contacts = count("partner_contact");
        LocalDate today = LocalDate.now();
        assertThatThrownBy(() -> partners.create(users.viewer("admin"), new PartnerDraft(" ", null, "", "", today.minusDays(1),
                today.minusDays(5), List.of(new PartnerDraft.Contact("周", "", "12345")))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("name", "kind", "address", "purpose", "agreementEndsOn", "contacts[0].role",
                                "contacts[0].phone"));
        assertThat(count("partner")).isEqualTo(before);
        assertThat(count("partner_contact")).isEqualTo(contacts);
        partners.create(users.viewer("admin"), draft("测试·重名医院", null, null, "0519-86881234"));
        assertThatThrownBy(() -> partners.create(users.viewer("admin"), draft("测试·重名医院", null, null, "0519-86881234")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::code)
                        .containsExactly("partner.nameTaken"));
    }

    @Test
    void onlyAdministratorsAndStudentAffairsKeepPartnersAndAStaleEditIsRefused() {
        for (String who : List.of("student", "counsellor", "leader", "studio")) {
            assertThatThrownBy(() -> partners.create(users.viewer(who), draft("测试·不许", null, null, "13812345678")))
                    .as(who).isInstanceOf(NotFoundException.class);
        }
        long id = partners.create(users.viewer("affairs"), draft("测试·版本医院", null, null, "13812345678"));
        assertThatThrownBy(() -> partners.update(users.viewer("counsellor"), id, draft("测试·版本医院2", null, null, "13812345678"), 0))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> partners.end(users.viewer("student"), id)).isInstanceOf(NotFoundException.class);
        partners.update(users.viewer("admin"), id, draft("测试·版本医院2", null, null, "13800000000"), 0);
        assertThatThrownBy(() -> partners.update(users.viewer("affairs"), id, draft("测试·版本医院3", null, null, "13812345678"), 0))
                .isInstanceOf(RuleViolation.class);
        PartnerViews.Partner p = partners.partner(users.viewer("admin"), id);
        assertThat(p.name()).isEqualTo("测试·版本医院2");
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.contacts()).extracting(PartnerViews.Contact::phone).containsExactly("13800000000");
    }

    @Test
    void aMentorsParticipationAddsUpPerYearAndStudentsSeeTotalsNotTheLog() {
        clock.fix(Instant.parse("2026-03-10T02:00:00Z"));
        long partner = partners.create(users.viewer("admin"), draft("测试·导师医院", null, null, "13812345678"));
        long mentor = mentors.create(users.viewer("affairs"), new MentorDraft("测试导师甲", "测试·导师医院", partner,
                EnumSet.of(MentorExpertise.MEDICINE, MentorExpertise.PSYCHOLOGY), "主治医师", "急诊科", "13711112222"));
        long studio = studios.idByName("心晴心理工作室").orElseThrow();
        mentors.log(users.viewer("studio"), mentor, new MentorParticipationDraft(LocalDate.of(2025, 12, 20),
                MentorParticipationKind.TALK, "急救讲座", null, null, new BigDecimal("1.5")));
        mentors.log(users.viewer("affairs"), mentor, new MentorParticipationDraft(LocalDate.of(2026, 3, 1),
                MentorParticipationKind.STUDIO_SHIFT, "值班", null, studio, new BigDecimal("3")));
        mentors.log(users.viewer("admin"), mentor, new MentorParticipationDraft(LocalDate.of(2026, 3, 9),
                MentorParticipationKind.MENTORING, "一对一", null, null, new BigDecimal("0.5")));

        MentorViews.Mentor m = mentors.mentor(users.viewer("student"), mentor);
        assertThat(m.totals()).containsExactly(new MentorViews.YearTotal(2026, 2, new BigDecimal("3.5")),
                new MentorViews.YearTotal(2025, 1, new BigDecimal("1.5")));
        assertThat(m.phone()).isEqualTo("137****2222");
        assertThat(mentors.mentor(users.viewer("affairs"), mentor).phone()).isEqualTo("13711112222");
        assertThat(mentors.directory(MentorExpertise.PSYCHOLOGY, "测试导师甲")).extracting(MentorViews.Summary::hoursThisYear)
                .containsExactly(new BigDecimal("3.5"));
        assertThat(mentors.directory(MentorExpertise.LAW, "测试导师甲")).isEmpty();
        assertThat(mentors.ofPartner(partner)).extracting(MentorViews.Summary::id).containsExactly(mentor);
        assertThat(mentors.participation(users.viewer("counsellor"), mentor, 2026)).extracting(MentorViews.Participation::studioName)
                .containsExactly(null, "心晴心理工作室");
        assertThatThrownBy(() -> mentors.participation(users.viewer("student"), mentor, null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void badParticipationIsRefusedFieldByFieldAndOnlyLoggersMayLog() {
        clock.fix(Instant.parse("2026-03-10T02:00:00Z"));
        long mentor = mentors.create(users.viewer("admin"), new MentorDraft("测试导师乙", "校友会", null,
                Set.of(MentorExpertise.CAREER), null, null, null));
        int before = count("mentor_participation");
        for (String hours : List.of("0.4", "24.1", "1.25")) {
            assertThatThrownBy(() -> mentors.log(users.viewer("studio"), mentor, new MentorParticipationDraft(LocalDate.of(2026, 3, 1),
                    MentorParticipationKind.TALK, "讲座", null, null, new BigDecimal(hours))))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                            .containsExactly("hours"));
        }
        assertThatThrownBy(() -> mentors.log(users.viewer("admin"), mentor, new MentorParticipationDraft(LocalDate.of(2026, 3, 11),
                null, " ", 999_999_999L, 999_999_999L, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("on", "kind", "what", "hours", "activityId", "studioId"));
        for (String who : List.of("student", "counsellor", "leader")) {
            assertThatThrownBy(() -> mentors.log(users.viewer(who), mentor, new MentorParticipationDraft(LocalDate.of(2026, 3, 1),
                    MentorParticipationKind.TALK, "讲座", null, null, BigDecimal.ONE))).as(who).isInstanceOf(NotFoundException.class);
        }
        assertThat(count("mentor_participation")).isEqualTo(before);
    }

    @Test
    void aBadMentorIsRefusedFieldByFieldAndStudentsMayNotKeepMentors() {
        int before = count("mentor");
        assertThatThrownBy(() -> mentors.create(users.viewer("affairs"), new MentorDraft("", "", 999_999_999L, Set.of(), null, null,
                "1381234")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("name", "affiliation", "partnerId", "expertise", "phone"));
        assertThatThrownBy(() -> mentors.create(users.viewer("student"), new MentorDraft("x", "y", null,
                Set.of(MentorExpertise.OTHER), null, null, null))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mentors.create(users.viewer("studio"), new MentorDraft("x", "y", null,
                Set.of(MentorExpertise.OTHER), null, null, null))).isInstanceOf(NotFoundException.class);
        assertThat(count("mentor")).isEqualTo(before);
    }
}
