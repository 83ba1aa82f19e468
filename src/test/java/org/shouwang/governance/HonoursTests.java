package org.shouwang.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.identity.Accounts;
import org.shouwang.people.People;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.Studios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class HonoursTests {

    @Autowired Honours honours;
    @Autowired Studios studios;
    @Autowired People people;
    @Autowired Accounts accounts;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    LocalDate today() {
        return CampusTime.today(clock);
    }

    String studentNumber(String username) {
        return people.student(accounts.byUsername(username).orElseThrow().studentId()).orElseThrow().studentNumber();
    }

    @Test
    void studentAffairsRecordsHonoursOfEveryKindOfHolderAndEveryoneSeesThemWithTheirHolderNamed() {
        Viewer affairs = users.viewer("affairs");
        long studio = studios.idByName("守望辅导员工作室").orElseThrow();
        long byStudio = honours.record(affairs, new HonourDraft("测试·省级优秀工作室", "省教育厅", HonourLevel.PROVINCIAL,
                today().minusDays(3), HonourHolderKind.STUDIO, studio, null, null, "https://example.org/award"), null);
        long byStudent = honours.record(affairs, new HonourDraft("测试·校级三好学生", "学校", HonourLevel.UNIVERSITY, today(),
                HonourHolderKind.STUDENT, null, studentNumber("student"), null, null),
                DocumentFile.of("证书.png", PublicationFixtures.png()));
        long byUniversity = honours.record(users.viewer("admin"), new HonourDraft("测试·全国文明校园", "中央文明委", HonourLevel.NATIONAL,
                today().minusYears(1), HonourHolderKind.UNIVERSITY, null, null, "学校", null), null);

        Viewer student = users.viewer("student");
        HonourViews.Honour h = honours.honour(student, byStudio);
        assertThat(h.holderName()).isEqualTo("守望辅导员工作室");
        assertThat(h.holderLink()).isEqualTo("/studios/" + studio);
        assertThat(h.mayEdit()).isFalse();
        assertThat(honours.honour(student, byStudent).holderName())
                .isEqualTo(people.student(accounts.byUsername("student").orElseThrow().studentId()).orElseThrow().name());
        assertThat(honours.evidence(student, byStudent).contentType()).isEqualTo("image/png");
        assertThatThrownBy(() -> honours.evidence(student, byStudio)).isInstanceOf(NotFoundException.class);
        assertThat(honours.honour(student, byUniversity).holderName()).isEqualTo("学校");

        HonourViews.Listing national = honours.list(student, new HonourViews.Filter(HonourLevel.NATIONAL, null, today().minusYears(1).getYear()));
        assertThat(national.honours()).extracting(HonourViews.Honour::id).contains(byUniversity).doesNotContain(byStudio, byStudent);
        assertThat(honours.list(student, new HonourViews.Filter(null, HonourHolderKind.STUDENT, null)).honours())
                .allMatch(x -> x.holderKind() == HonourHolderKind.STUDENT).extracting(HonourViews.Honour::id).contains(byStudent);
        HonourViews.Counts counts = national.counts();
        assertThat(counts.byLevel().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(counts.total());
        assertThat(counts.byYear()).containsKey(today().getYear());
        assertThat(counts.byLevel().get(HonourLevel.NATIONAL)).isPositive();
    }

    @Test
    void anUnknownHolderAFutureDateABadFileOrABlankTitleIsAFieldErrorAndNothingIsWritten() {
        Viewer affairs = users.viewer("affairs");
        long before = jdbc.queryForObject("SELECT count(*) FROM honour", Long.class);
        assertThatThrownBy(() -> honours.record(affairs, new HonourDraft(" ", "", HonourLevel.MUNICIPAL, today().plusDays(1),
                HonourHolderKind.STUDIO, 987_654L, null, null, "ftp://x"), DocumentFile.of("a.docx", PublicationFixtures.docx())))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::field, InvalidInput.Problem::code)
                        .containsExactlyInAnyOrder(Tuple.tuple("title", "field.required"), Tuple.tuple("awardingBody", "field.required"),
                                Tuple.tuple("awardedOn", "honour.awardedInFuture"), Tuple.tuple("holderId", "honour.unknownHolder"),
                                Tuple.tuple("evidenceLink", "honour.badLink"), Tuple.tuple("evidence", "document.file.notEvidence")));
        for (HonourHolderKind kind : List.of(HonourHolderKind.DEPARTMENT, HonourHolderKind.PROJECT, HonourHolderKind.ORGANISATION)) {
            assertThatThrownBy(() -> honours.record(affairs, new HonourDraft("测试", "某单位", HonourLevel.UNIVERSITY, today(), kind,
                    987_654L, null, null, null), null))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).code()).isEqualTo("honour.unknownHolder"));
        }
        assertThatThrownBy(() -> honours.record(affairs, new HonourDraft("测试", "某单位", HonourLevel.UNIVERSITY, today(),
                HonourHolderKind.STUDENT, null, "NO-SUCH-NUMBER", null, null), null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).code()).isEqualTo("honour.unknownStudent"));
        assertThatThrownBy(() -> honours.record(affairs, new HonourDraft("测试", "某单位", HonourLevel.UNIVERSITY, today(),
                HonourHolderKind.UNIVERSITY, null, null, null, null), DocumentFile.of("big.pdf", PublicationFixtures.bigPdf(5))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).code()).isEqualTo("document.file.tooLarge"));
        assertThatThrownBy(() -> honours.record(affairs, new HonourDraft("测试", "某单位", null, null, null, null, null, null, null), null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .contains("level", "awardedOn", "holderKind"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM honour", Long.class)).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsAndStudentAffairsRecordChangeOrRemoveHonours() {
        long id = honours.record(users.viewer("admin"), new HonourDraft("测试·谁能改", "学校", HonourLevel.UNIVERSITY, today(),
                HonourHolderKind.UNIVERSITY, null, null, null, null), null);
        HonourDraft draft = new HonourDraft("改过", "学校", HonourLevel.UNIVERSITY, today(), HonourHolderKind.UNIVERSITY, null, null, null, null);
        for (String who : List.of("student", "counsellor", "leader", "party")) {
            Viewer v = users.viewer(who);
            assertThatThrownBy(() -> honours.record(v, draft, null)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> honours.revise(v, id, draft, null)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> honours.remove(v, id)).isInstanceOf(NotFoundException.class);
        }
        honours.revise(users.viewer("affairs"), id, draft, DocumentFile.of("通知.pdf", PublicationFixtures.pdf()));
        assertThat(honours.honour(users.viewer("student"), id).title()).isEqualTo("改过");
        honours.revise(users.viewer("affairs"), id, draft, null);
        assertThat(honours.evidence(users.viewer("student"), id).name()).as("the file stays").isEqualTo("通知.pdf");
        honours.remove(users.viewer("affairs"), id);
        assertThatThrownBy(() -> honours.honour(users.viewer("student"), id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theDemoHasADozenHonoursAcrossTheLevelsAndKindsOfHolder() {
        List<HonourViews.Honour> all = honours.list(users.viewer("student"), HonourViews.Filter.everything()).honours();
        assertThat(all).extracting(HonourViews.Honour::title).contains("全国高校“一站式”学生社区综合管理模式建设试点单位", "省级优秀辅导员工作室",
                "市级文明宿舍", "校级优秀学生干部");
        assertThat(all).extracting(HonourViews.Honour::level).contains(HonourLevel.values());
        assertThat(all).extracting(HonourViews.Honour::holderKind).contains(HonourHolderKind.values());
    }
}
