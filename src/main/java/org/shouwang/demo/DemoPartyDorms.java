package org.shouwang.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.shouwang.activities.Activities;
import org.shouwang.activities.ActivityDraft;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.Audience;
import org.shouwang.activities.CheckIns;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.OrganiserKind;
import org.shouwang.activities.RegistrationState;
import org.shouwang.party.PartyDorms;
import org.shouwang.party.PartyOrganisationKind;
import org.shouwang.party.PartyOrganisations;
import org.shouwang.party.PartyViews;
import org.shouwang.party.ResponsibilityZones;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Party-member dorms, responsibility zones and branch activities through the real moves: the
 * branches (made by the Party section) mark rooms where their members live, give some members a
 * floor to serve, and hold 三会一课 and 主题党日 that members register for and attend. Skipped quietly
 * when there is no branch with members.
 */
@Component
@Order(85)
class DemoPartyDorms implements DemoSection {

    private final PartyOrganisations organisations;
    private final PartyDorms dorms;
    private final ResponsibilityZones zones;
    private final Activities activities;
    private final CheckIns checkIns;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoPartyDorms(PartyOrganisations organisations, PartyDorms dorms, ResponsibilityZones zones, Activities activities,
                   CheckIns checkIns, JdbcTemplate jdbc, Clock clock) {
        this.organisations = organisations;
        this.dorms = dorms;
        this.zones = zones;
        this.activities = activities;
        this.checkIns = checkIns;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Members registering per activity are capped so that the demo campus still starts in seconds. */
    private static final int MOST_REGISTERING = 40;

    private record Lesson(ActivityType type, String title, String venue) {
    }

    private static final List<Lesson> LESSONS = List.of(
            new Lesson(ActivityType.PARTY_LESSON, "党课：学习党的二十届三中全会精神", "党团活动室"),
            new Lesson(ActivityType.ORGANISATION_LIFE, "支部党员大会暨组织生活会", "党团活动室"),
            new Lesson(ActivityType.PARTY_DAY, "主题党日：重温入党誓词", "校史馆"),
            new Lesson(ActivityType.ORGANISATION_LIFE, "支委会：发展党员工作研究", "社区研讨室"),
            new Lesson(ActivityType.PARTY_DAY, "主题党日：走进社区志愿服务", "社区服务中心"),
            new Lesson(ActivityType.PARTY_LESSON, "党课：党史中的青年力量", "社区报告厅"));

    @Override
    public void load(Context context) {
        Viewer admin = context.viewer("admin");
        List<PartyViews.Node> branches = organisations.tree().stream()
                .filter(n -> n.kind() == PartyOrganisationKind.BRANCH && n.functional()).toList();
        int branchCount = context.small() ? 1 : 4;
        int done = 0;
        Viewer organiser = context.viewer("party");
        Viewer approver = context.viewer("affairs");
        for (PartyViews.Node branch : branches) {
            if (done >= branchCount) {
                break;
            }
            List<PartyDorms.Candidate> rooms = dorms.candidates(admin, branch.id());
            if (rooms.isEmpty()) {
                continue;
            }
            done++;
            // Rooms of the first building first, so the demo building map shows badges.
            for (PartyDorms.Candidate room : rooms.subList(0, Math.min(context.small() ? 1 : 3, rooms.size()))) {
                dorms.mark(admin, branch.id(), room.roomId());
            }
            // Zones for student members living in the community (the first rooms' residents).
            List<Long> memberIds = jdbc.queryForList("""
                    SELECT id FROM party_member WHERE organisation_id = ? AND active AND student_id IS NOT NULL
                      AND status IN ('FULL', 'PROBATIONARY') ORDER BY id""", Long.class, branch.id());
            List<PartyDorms.Candidate> floors = new ArrayList<>();
            rooms.stream().filter(r -> floors.stream().noneMatch(f -> f.buildingId() == r.buildingId() && f.floor() == r.floor()))
                    .forEach(floors::add); // one room per floor, so members serve different floors
            for (int i = 0; i < Math.min(context.small() ? 1 : 2, Math.min(memberIds.size(), floors.size())); i++) {
                PartyDorms.Candidate room = floors.get(i);
                zones.assign(admin, branch.id(), new ResponsibilityZones.ZoneDraft(memberIds.get(i), room.buildingId(),
                        List.of(room.floor()), List.of(), "联系本层同学，协助解决诉求、督促整改"));
            }
            heldActivities(branch, organiser, approver, context.small() ? 2 : LESSONS.size(), done);
        }
    }

    private record Student(Viewer viewer, String number) {
    }

    private void heldActivities(PartyViews.Node branch, Viewer organiser, Viewer approver, int count, int salt) {
        List<Student> members = jdbc.query("""
                        SELECT a.id, a.username, a.display_name, a.student_id FROM party_member m JOIN account a ON a.student_id = m.student_id
                        WHERE m.organisation_id = ? AND m.active AND a.enabled ORDER BY m.id LIMIT ?""",
                (rs, n) -> new Student(new Viewer(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        Set.of(Role.STUDENT), rs.getLong("student_id"), null, null), rs.getString("username")),
                branch.id(), MOST_REGISTERING);
        Instant now = clock.instant();
        for (int i = 0; i < count; i++) {
            Lesson lesson = LESSONS.get(i % LESSONS.size());
            Instant starts = now.plus(Duration.ofHours(3));
            Duration length = Duration.ofMinutes(90);
            long id = activities.create(organiser, new ActivityDraft(lesson.title(), "“" + lesson.title() + "”由" + branch.name()
                    + "组织，全体党员参加。", lesson.type(), null, "守望", EnumSet.of(FiveEducation.MORAL), OrganiserKind.PARTY_BRANCH,
                    branch.name(), null, null, lesson.venue(), starts, starts.plus(length), Audience.EVERYONE, null, null, null,
                    Math.max(10, members.size() + 5), 3, now.minus(Duration.ofDays(2)), starts.minus(Duration.ofHours(1)),
                    starts.minus(Duration.ofHours(1)), new BigDecimal("1.5"), new BigDecimal("0.1"), false));
            activities.submit(organiser, id, null);
            activities.approve(approver, id, null);
            List<String> seated = new ArrayList<>();
            for (int m = 0; m < members.size(); m++) {
                if ((m + i + salt) % 7 == 6) {
                    continue; // not everyone registers
                }
                try {
                    if (activities.register(members.get(m).viewer(), id).state() == RegistrationState.REGISTERED) {
                        seated.add(members.get(m).number());
                    }
                } catch (RuleViolation full) {
                    break;
                }
            }
            jdbc.update("UPDATE activity SET starts_at = ?, ends_at = ? WHERE id = ?",
                    Timestamps.of(now.minus(Duration.ofMinutes(5))), Timestamps.of(now.plus(length)), id);
            List<String> present = new ArrayList<>();
            for (int s = 0; s < seated.size(); s++) {
                if ((s + i) % 5 != 4) {
                    present.add(seated.get(s));
                }
            }
            if (!present.isEmpty()) {
                checkIns.manual(organiser, id, String.join("\n", present));
            }
            // Held on a past afternoon of this year, a few weeks apart.
            Instant held = CampusTime.today(clock).minusDays(7L * (i + 1) + salt).atTime(LocalTime.of(14, 30))
                    .atZone(CampusTime.ZONE).toInstant();
            Instant opens = held.minus(Duration.ofDays(5));
            Instant closes = held.minus(Duration.ofHours(2));
            jdbc.update("""
                            UPDATE activity SET starts_at = ?, ends_at = ?, registration_opens_at = ?, registration_closes_at = ?,
                                   cancel_by = ?, created_at = ?, submitted_at = ?, decided_at = ? WHERE id = ?""",
                    Timestamps.of(held), Timestamps.of(held.plus(length)), Timestamps.of(opens), Timestamps.of(closes),
                    Timestamps.of(closes), Timestamps.of(opens.minus(Duration.ofDays(2))), Timestamps.of(opens.minus(Duration.ofDays(1))),
                    Timestamps.of(opens.minus(Duration.ofHours(20))), id);
            jdbc.update("UPDATE registration SET registered_at = ? WHERE activity_id = ?", Timestamps.of(opens.plus(Duration.ofHours(3))), id);
            jdbc.update("UPDATE attendance SET checked_in_at = ? WHERE activity_id = ?", Timestamps.of(held.minus(Duration.ofMinutes(5))), id);
        }
    }
}
