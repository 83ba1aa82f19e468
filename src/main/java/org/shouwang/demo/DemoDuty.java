package org.shouwang.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.shouwang.identity.Accounts;
import org.shouwang.residence.Residence;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.DutyDraft;
import org.shouwang.studios.DutyRosters;
import org.shouwang.studios.DutyWeek;
import org.shouwang.studios.StudioViews;
import org.shouwang.studios.Studios;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A month of duty rosters (队伍入驻): three past weeks, this week and the coming one, across the
 * demo buildings, stood by the police officer, counsellor, studio staff, psychology centre, head
 * teacher, the first building's manager and a leader. Past shifts are entered as worked (about
 * 85% attended, some late); shifts still to come are planned through the same rules as a keeper's.
 * Shifts are kept for the demo studios when they exist, and for no studio otherwise.
 */
@Component
@Order(20)
class DemoDuty implements DemoSection {

    private record Person(String username, String studio, String venue) {
    }

    private static final List<Person> ROTATION = List.of(
            new Person("police", "金盾护航警务工作室", "社区警务室"),
            new Person("counsellor", "守望辅导员工作室", "辅导员值班室"),
            new Person("psych", "心晴心理工作室", "心理驿站"),
            new Person("studio", "守望辅导员工作室", "一站式服务大厅"),
            new Person("headteacher", "班主任工作室", "班主任工作室"));

    private static final LocalTime[][] SLOTS = {
            {LocalTime.of(8, 30), LocalTime.of(12, 0)},
            {LocalTime.of(14, 0), LocalTime.of(17, 30)},
            {LocalTime.of(18, 30), LocalTime.of(21, 30)}};

    private final DutyRosters rosters;
    private final Studios studios;
    private final Residence residence;
    private final Accounts accounts;
    private final Clock clock;

    DemoDuty(DutyRosters rosters, Studios studios, Residence residence, Accounts accounts, Clock clock) {
        this.rosters = rosters;
        this.studios = studios;
        this.residence = residence;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void load(Context context) {
        Viewer admin = context.viewer("admin");
        Random random = new Random(context.seed() + 20);
        Map<String, Long> studioIds = studios.directory(null, null).stream()
                .collect(Collectors.toMap(StudioViews.Summary::name, StudioViews.Summary::id, (a, b) -> a));
        List<Person> people = ROTATION.stream().filter(p -> accounts.byUsername(p.username()).isPresent()).toList();
        List<Long> buildings = new ArrayList<>(residence.buildingNames().keySet());
        buildings = buildings.subList(0, Math.min(buildings.size(), context.small() ? 2 : 4));
        if (people.size() < buildings.size() || buildings.isEmpty()) {
            return;
        }
        LocalDate first = DutyWeek.current(clock).monday().minusWeeks(3);
        for (int day = 0; day < 35; day++) {
            LocalDate date = first.plusDays(day);
            for (int b = 0; b < buildings.size(); b++) {
                for (int slot = 0; slot < SLOTS.length; slot++) {
                    if ((day + b) % SLOTS.length == slot) {
                        continue; // two of the three slots a day are kept
                    }
                    Person p = people.get((day * SLOTS.length + slot + b) % people.size());
                    shift(admin, random, p.username(), studioIds.get(p.studio()), buildings.get(b), p.venue(), date, SLOTS[slot]);
                }
            }
            boolean weekday = date.getDayOfWeek().getValue() <= 5;
            if (weekday) {
                // The building manager keeps the desk of the first building on weekday afternoons.
                shift(admin, random, "manager", null, buildings.get(0), "宿管值班室", date, SLOTS[1]);
            }
            if (date.getDayOfWeek().getValue() == 3) {
                // A leader's front-line evening in the community each Wednesday.
                shift(admin, random, "leader", null, buildings.get(0), "一站式学生社区服务大厅", date, SLOTS[2]);
            }
        }
    }

    private void shift(Viewer admin, Random random, String username, Long studioId, long buildingId, String venue,
                       LocalDate date, LocalTime[] slot) {
        if (accounts.byUsername(username).isEmpty()) {
            return;
        }
        LocalDateTime start = date.atTime(slot[0]);
        LocalDateTime end = date.atTime(slot[1]);
        Instant startsAt = start.atZone(CampusTime.ZONE).toInstant();
        Instant endsAt = end.atZone(CampusTime.ZONE).toInstant();
        Instant now = clock.instant();
        DutyDraft draft = DutyDraft.of(username, buildingId, venue, studioId, start, end);
        try {
            if (startsAt.isAfter(now)) {
                rosters.plan(admin, draft);
                return;
            }
            Instant arrived = null;
            if (random.nextInt(100) < 85) {
                arrived = random.nextInt(100) < 12
                        ? startsAt.plus(Duration.ofMinutes(11 + random.nextInt(30)))
                        : startsAt.plus(Duration.ofMinutes(random.nextInt(30) - 20));
                if (arrived.isAfter(now) || arrived.isAfter(endsAt)) {
                    arrived = null; // under way and not arrived yet
                }
            }
            rosters.enterWorked(admin, draft, arrived);
        } catch (RuleViolation overlap) {
            // Someone already stands duty then: the roster keeps the first shift.
        }
    }
}
