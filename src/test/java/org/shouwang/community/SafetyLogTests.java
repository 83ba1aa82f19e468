package org.shouwang.community;

import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.residence.Residence;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The safety log through its service: the police office records, appends and closes; the security
 * department and leaders read everything; named staff read their incident only; nobody else finds
 * anything; every view lands in the audit log; bad input writes nothing.
 */
@IntegrationTest
class SafetyLogTests {

    @Autowired SafetyLog safety;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired Residence residence;
    @Autowired Clock clock;

    private long building() {
        return residence.buildingNames().keySet().iterator().next();
    }

    private String studentNumber(int index) {
        return jdbc.queryForList("SELECT student_number FROM student ORDER BY id", String.class).get(index);
    }

    private LocalDateTime hoursAgo(int hours) {
        return CampusTime.now(clock).toLocalDateTime().minusHours(hours).withSecond(0).withNano(0);
    }

    private IncidentViews.Incident record(String username, String description, List<String> named) {
        return safety.record(users.viewer(username), new IncidentDraft(IncidentCategory.PROHIBITED_APPLIANCE, hoursAgo(2),
                building(), "305 室", description,
                List.of(new IncidentDraft.Involved(studentNumber(0), IncidentRole.PARTY),
                        new IncidentDraft.Involved(studentNumber(1), IncidentRole.WITNESS)), named));
    }

    private static List<Long> ids(IncidentViews.Log log) {
        return log.items().stream().map(IncidentViews.Summary::id).toList();
    }

    private IncidentViews.Log everything(String username) {
        return safety.log(users.viewer(username), IncidentFilter.everything(), 0, 100);
    }

    @Test
    void theDemoLogHoldsIncidentsThePoliceRecordedSomeNamingTheCounsellor() {
        long police = users.viewer("police").accountId();
        long counsellor = users.viewer("counsellor").accountId();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM safety_incident WHERE recorded_by = ?", Integer.class, police))
                .isGreaterThanOrEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM safety_incident_action WHERE account_id = ?", Integer.class, police))
                .isGreaterThanOrEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM safety_incident_named WHERE account_id = ?", Integer.class, counsellor))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void thePoliceOfficeRecordsAnIncidentWithItsPeopleAndAppendsActionsUntilItIsClosed() {
        IncidentViews.Incident incident = record("police", "宿舍使用热得快", List.of("counsellor"));

        assertThat(incident.number()).matches("AQ-" + CampusTime.today(clock).getYear() + "-\\d{4}");
        assertThat(incident.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(incident.students()).extracting(IncidentViews.Student::studentNumber, IncidentViews.Student::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(studentNumber(0), IncidentRole.PARTY),
                        org.assertj.core.groups.Tuple.tuple(studentNumber(1), IncidentRole.WITNESS));
        assertThat(incident.named()).extracting(IncidentViews.Staff::username).containsExactly("counsellor");
        assertThat(incident.mayUpdate()).isTrue();

        Viewer police = users.viewer("police");
        safety.addAction(police, incident.id(), new IncidentDraft.Action(hoursAgo(1), "到场切断电源"));
        safety.addAction(police, incident.id(), new IncidentDraft.Action(null, "安全教育"));
        IncidentViews.Incident closed = safety.close(police, incident.id(), "电器已暂扣");

        assertThat(closed.actions()).extracting(IncidentViews.Action::text).containsExactly("到场切断电源", "安全教育");
        assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(closed.closingNote()).isEqualTo("电器已暂扣");
        assertThat(closed.mayUpdate()).isFalse();
        assertThatThrownBy(() -> safety.addAction(police, incident.id(), new IncidentDraft.Action(null, "再补一条")))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("safety.alreadyClosed"));
        assertThatThrownBy(() -> safety.close(police, incident.id(), "再结一次")).isInstanceOf(RuleViolation.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM safety_incident_action WHERE incident_id = ?", Integer.class,
                incident.id())).isEqualTo(2);
    }

    @Test
    void numbersFollowOneAnotherEvenWhenTwoAreRecordedAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<String> one = () -> record("police", "同时登记", List.of()).number();
            Callable<String> two = () -> record("handler-bw", "同时登记", List.of()).number();
            List<Future<String>> numbers = pool.invokeAll(List.of(one, two));
            assertThat(numbers.get(0).get()).isNotEqualTo(numbers.get(1).get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theSecurityDepartmentKeepsTheLogAndLeadersReadItWithoutChangingIt() {
        IncidentViews.Incident incident = record("handler-bw", "楼道电动车充电", List.of());

        assertThat(ids(everything("police"))).contains(incident.id());
        assertThat(ids(everything("leader"))).contains(incident.id());
        assertThat(safety.incident(users.viewer("leader"), incident.id()).mayUpdate()).isFalse();
        assertThat(everything("leader").mayRecord()).isFalse();
        assertThat(everything("handler-bw").mayRecord()).isTrue();
        assertThatThrownBy(() -> safety.addAction(users.viewer("leader"), incident.id(), new IncidentDraft.Action(null, "阅")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> safety.close(users.viewer("leader"), incident.id(), "结")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> record("leader", "领导登记", List.of())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aNamedCounsellorReadsThatIncidentOnlyAndChangesNothing() {
        IncidentViews.Incident named = record("police", "同学矛盾调解", List.of("counsellor"));
        IncidentViews.Incident other = record("police", "宿舍失窃", List.of("headteacher"));

        assertThat(safety.incident(users.viewer("counsellor"), named.id()).description()).isEqualTo("同学矛盾调解");
        assertThatThrownBy(() -> safety.incident(users.viewer("counsellor"), other.id())).isInstanceOf(NotFoundException.class);
        assertThat(ids(everything("counsellor"))).contains(named.id()).doesNotContain(other.id());
        assertThatThrownBy(() -> safety.addAction(users.viewer("counsellor"), named.id(), new IncidentDraft.Action(null, "已知悉")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> record("counsellor", "辅导员登记", List.of())).isInstanceOf(NotFoundException.class);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM notification WHERE notice_key = ? AND account_id = ? AND message_code = 'safety.notice.named'",
                Integer.class, "safety-named-" + named.id(), users.viewer("counsellor").accountId()) == 1);
    }

    @Test
    void nobodyElseFindsAnIncidentNorAnyInTheList() {
        IncidentViews.Incident incident = record("police", "电信诈骗未遂", List.of());

        for (String username : List.of("counsellor", "headteacher", "manager", "studio", "admin", "handler", "dispatch",
                "psych", "student", "buildingleader")) {
            assertThatThrownBy(() -> safety.incident(users.viewer(username), incident.id())).as(username)
                    .isInstanceOf(NotFoundException.class);
        }
        for (String username : List.of("counsellor", "headteacher", "manager", "studio", "admin", "handler")) {
            assertThat(ids(everything(username))).as(username).doesNotContain(incident.id());
        }
        for (String username : List.of("student", "buildingleader", "inspector")) {
            assertThatThrownBy(() -> everything(username)).as(username).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void everyListShownAndEveryIncidentOpenedIsAudited() {
        IncidentViews.Incident incident = record("police", "陌生人尾随进楼", List.of("counsellor"));
        int views = audits("leader", "safety.view", incident.id());

        safety.incident(users.viewer("leader"), incident.id());
        safety.incident(users.viewer("counsellor"), incident.id());
        safety.log(users.viewer("leader"), new IncidentFilter(IncidentCategory.PROHIBITED_APPLIANCE, IncidentStatus.OPEN,
                building(), null, null), 0, 100);

        assertThat(audits("leader", "safety.view", incident.id())).isEqualTo(views + 1);
        assertThat(audits("counsellor", "safety.view", incident.id())).isEqualTo(1);
        String detail = jdbc.queryForObject("SELECT detail FROM audit_event WHERE actor = 'leader' AND action = 'safety.list'"
                + " ORDER BY id DESC LIMIT 1", String.class);
        assertThat(detail).contains(String.valueOf(incident.id())).contains("PROHIBITED_APPLIANCE");
    }

    private int audits(String actor, String action, long id) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE actor = ? AND action = ? AND target_id = ?",
                Integer.class, actor, action, String.valueOf(id));
    }

    @Test
    void badInputNamesEveryWrongFieldAndWritesNothing() {
        int before = jdbc.queryForObject("SELECT count(*) FROM safety_incident", Integer.class);
        IncidentDraft bad = new IncidentDraft(null, CampusTime.now(clock).toLocalDateTime().plusDays(1), 999_999L,
                "x".repeat(201), "  ",
                List.of(new IncidentDraft.Involved("NO-SUCH-NUMBER", IncidentRole.VICTIM),
                        new IncidentDraft.Involved(studentNumber(0), null)),
                List.of("no-such-user", "student"));

        assertThatThrownBy(() -> safety.record(users.viewer("police"), bad))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::field, InvalidInput.Problem::code)
                        .contains(org.assertj.core.groups.Tuple.tuple("category", "field.required"),
                                org.assertj.core.groups.Tuple.tuple("occurredAt", "safety.occurredInFuture"),
                                org.assertj.core.groups.Tuple.tuple("buildingId", "safety.unknownBuilding"),
                                org.assertj.core.groups.Tuple.tuple("place", "field.tooLong"),
                                org.assertj.core.groups.Tuple.tuple("description", "field.required"),
                                org.assertj.core.groups.Tuple.tuple("students", "safety.unknownStudent"),
                                org.assertj.core.groups.Tuple.tuple("students", "safety.roleMissing"),
                                org.assertj.core.groups.Tuple.tuple("named", "safety.unknownStaff")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM safety_incident", Integer.class)).isEqualTo(before);

        IncidentViews.Incident incident = record("police", "楼梯间摔伤", List.of());
        assertThatThrownBy(() -> safety.addAction(users.viewer("police"), incident.id(),
                new IncidentDraft.Action(hoursAgo(-2), " ")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactlyInAnyOrder("text", "takenAt"));
        assertThatThrownBy(() -> safety.close(users.viewer("police"), incident.id(), ""))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                        .containsExactly("note"));
        assertThat(safety.incident(users.viewer("police"), incident.id()).actions()).isEmpty();
    }
}
