package org.shouwang.activities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.IntegrationTest;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class RegistrationTests {

    @Autowired Activities activities;
    @Autowired ActivityQueries queries;
    @Autowired ActivityFixtures fixtures;
    @Autowired DemoUsers users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void hundredsRegisteringAtOnceFillTheSeatsAndTheWaitlistExactly() throws Exception {
        long id = fixtures.published(fixtures.lecture("十个名额的讲座", 10, 20));
        List<Viewer> students = fixtures.students(300);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<?>> done = new ArrayList<>();
        for (Viewer s : students) {
            done.add(pool.submit(() -> {
                try {
                    String state = activities.register(s, id).state().name();
                    outcomes.computeIfAbsent(state, k -> new AtomicInteger()).incrementAndGet();
                } catch (RuleViolation e) {
                    outcomes.computeIfAbsent(e.code(), k -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(outcomes).containsOnlyKeys("REGISTERED", "WAITLISTED", "activity.full");
        assertThat(outcomes.get("REGISTERED")).hasValue(10);
        assertThat(outcomes.get("WAITLISTED")).hasValue(20);
        assertThat(outcomes.get("activity.full")).hasValue(270);
        assertThat(count(id, "REGISTERED")).isEqualTo(10);
        assertThat(count(id, "WAITLISTED")).isEqualTo(20);
        assertThat(jdbc.queryForObject("SELECT taken FROM activity WHERE id = ?", Integer.class, id)).isEqualTo(10);
    }

    @Test
    void cancellationsAtOnceEachPromoteTheNextOnTheWaitlistExactlyOnce() throws Exception {
        long id = fixtures.published(fixtures.lecture("候补递补", 10, 20));
        List<Viewer> students = fixtures.students(30);
        for (Viewer s : students) {
            activities.register(s, id);
        }
        List<Viewer> seated = students.subList(0, 10);
        List<Long> firstTenWaiting = students.subList(10, 20).stream().map(Viewer::studentId).toList();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<?>> done = new ArrayList<>();
        for (Viewer s : seated) {
            done.add(pool.submit(() -> activities.cancelRegistration(s, id)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(jdbc.queryForList("SELECT student_id FROM registration WHERE activity_id = ? AND state = 'REGISTERED'", Long.class, id))
                .containsExactlyInAnyOrderElementsOf(firstTenWaiting);
        assertThat(count(id, "WAITLISTED")).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT taken FROM activity WHERE id = ?", Integer.class, id)).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT waiting FROM activity WHERE id = ?", Integer.class, id)).isEqualTo(10);
        assertThat(queries.detail(students.get(20), id).mine().waitlistPosition()).isEqualTo(1);
    }

    @Test
    void aStudentOutsideTheAudienceCannotRegister() {
        ActivityDraft plan = fixtures.lecture("党员专题学习", 30, 0);
        ActivityDraft forMembers = new ActivityDraft(plan.title(), plan.description(), ActivityType.PARTY_LESSON, null, null,
                plan.educations(), OrganiserKind.PARTY_BRANCH, "学生社区第一党支部", null, null, plan.venue(), plan.startsAt(),
                plan.endsAt(), Audience.PARTY_MEMBERS, null, null, null, 30, 0, plan.registrationOpensAt(),
                plan.registrationClosesAt(), plan.cancelBy(), plan.hours(), plan.credits(), false);
        long id = fixtures.published(forMembers);
        Viewer masses = fixtures.students(600).stream().filter(s -> "MASSES".equals(jdbc.queryForObject(
                "SELECT political_status FROM student WHERE id = ?", String.class, s.studentId()))).findFirst().orElseThrow();
        assertThatThrownBy(() -> activities.register(masses, id))
                .isInstanceOf(RuleViolation.class).hasMessage("activity.notInAudience");
        assertThat(count(id, "REGISTERED")).isZero();
    }

    @Test
    void registeringTwiceIsRefusedAndCancellingFreesTheSeatForAnotherTry() {
        long id = fixtures.published(fixtures.lecture("重复报名", 5, 5));
        Viewer student = users.viewer("student");
        assertThat(activities.register(student, id).state()).isEqualTo(RegistrationState.REGISTERED);
        assertThatThrownBy(() -> activities.register(student, id))
                .isInstanceOf(RuleViolation.class).hasMessage("activity.alreadyRegistered");
        activities.cancelRegistration(student, id);
        assertThat(jdbc.queryForObject("SELECT taken FROM activity WHERE id = ?", Integer.class, id)).isZero();
        assertThat(activities.register(student, id).state()).isEqualTo(RegistrationState.REGISTERED);
        assertThat(count(id, "REGISTERED")).isEqualTo(1);
    }

    @Test
    void grantedLeaveGivesTheSeatToTheWaitlist() {
        long id = fixtures.published(fixtures.lecture("请假", 1, 1));
        List<Viewer> students = fixtures.students(2);
        activities.register(students.get(0), id);
        assertThat(activities.register(students.get(1), id).state()).isEqualTo(RegistrationState.WAITLISTED);
        activities.askLeave(students.get(0), id, "当天有考试");
        activities.decideLeave(users.viewer("counsellor"), id, students.get(0).studentId(), true);
        assertThat(queries.detail(students.get(0), id).mine().state()).isEqualTo(RegistrationState.ON_LEAVE);
        assertThat(queries.detail(students.get(1), id).mine().state()).isEqualTo(RegistrationState.REGISTERED);
    }

    private int count(long id, String state) {
        return jdbc.queryForObject("SELECT count(*) FROM registration WHERE activity_id = ? AND state = ?", Integer.class, id, state);
    }
}
