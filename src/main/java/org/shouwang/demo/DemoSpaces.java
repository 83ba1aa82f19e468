package org.shouwang.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.shouwang.shared.CampusTime;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.SpaceAppeals;
import org.shouwang.spaces.SpaceBookings;
import org.shouwang.spaces.SpaceDraft;
import org.shouwang.spaces.SpaceKind;
import org.shouwang.spaces.Spaces;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * About twenty community spaces across the demo buildings (study and seminar rooms, Party and League
 * activity rooms, heart-to-heart talk rooms that need approval, studio rooms, the police office, a
 * gym, a laundry), defined by the administrator — the demo {@code manager} manages those of the first
 * building, being its building manager — and a fortnight of bookings: the past week written as it
 * happened (the booking rules refuse the past: checked in, or released as no-shows, one of them
 * appealed through the real appeal), the coming week booked through the real rules (confirmed, and
 * waiting for approval).
 */
@Component
@Order(70)
class DemoSpaces implements DemoSection {

    private record Def(int building, String name, SpaceKind kind, int floor, String room, int capacity, String equipment,
                       LocalTime opens, LocalTime closes, boolean students, boolean organisations, boolean staff,
                       int longest, boolean approval, String manager) {
    }

    private static final LocalTime H8 = LocalTime.of(8, 0);
    private static final LocalTime H22 = LocalTime.of(22, 0);
    private static final List<Def> DEFS = List.of(
            new Def(0, "一楼自习室", SpaceKind.STUDY_ROOM, 1, "108", 24, "台灯、插座、饮水机", H8, H22, true, false, false, 180, false, null),
            new Def(0, "二楼静音自习室", SpaceKind.STUDY_ROOM, 2, "208", 12, "台灯、插座", H8, H22, true, false, false, 180, false, null),
            new Def(0, "研讨室A", SpaceKind.SEMINAR_ROOM, 1, "110", 8, "白板、投影、会议桌", H8, H22, true, true, true, 120, false, null),
            new Def(0, "党团活动室", SpaceKind.ACTIVITY_ROOM, 1, "112", 30, "党旗、投影、音响", H8, LocalTime.of(21, 0), false, true, true, 180, true, "party"),
            new Def(0, "谈心谈话室", SpaceKind.TALK_ROOM, 1, "114", 3, "沙发、茶几", LocalTime.of(9, 0), LocalTime.of(21, 0), true, false, true, 60, true, null),
            new Def(0, "辅导员工作室用房", SpaceKind.STUDIO_ROOM, 1, "116", 10, "电脑、打印机", H8, LocalTime.of(20, 0), false, true, true, 240, false, "studio"),
            new Def(0, "社区警务室", SpaceKind.OFFICE, 1, "101", 4, "监控屏、对讲机", H8, H22, false, false, true, 480, false, "police"),
            new Def(0, "健身房", SpaceKind.SPORTS, -1, "B01", 20, "跑步机、哑铃、动感单车", LocalTime.of(6, 0), H22, true, false, true, 90, false, null),
            new Def(0, "自助洗衣房", SpaceKind.SERVICE, 1, "102", 6, "洗衣机 6 台、烘干机 2 台", LocalTime.of(7, 0), LocalTime.of(23, 0), true, false, false, 90, false, null),
            new Def(1, "阳光自习室", SpaceKind.STUDY_ROOM, 1, "106", 20, "台灯、插座", H8, H22, true, false, false, 180, false, null),
            new Def(1, "研讨室B", SpaceKind.SEMINAR_ROOM, 2, "206", 10, "白板、显示屏", H8, H22, true, true, true, 120, false, null),
            new Def(1, "团学活动室", SpaceKind.ACTIVITY_ROOM, 1, "110", 40, "投影、音响、折叠桌椅", H8, LocalTime.of(21, 0), false, true, true, 180, true, null),
            new Def(1, "心晴谈心室", SpaceKind.TALK_ROOM, 1, "112", 3, "沙发、绿植", LocalTime.of(9, 0), LocalTime.of(21, 0), true, false, true, 60, true, "psych"),
            new Def(1, "二号洗衣房", SpaceKind.SERVICE, 1, "101", 8, "洗衣机 8 台", LocalTime.of(7, 0), LocalTime.of(23, 0), true, false, false, 90, false, null),
            new Def(2, "晨读自习室", SpaceKind.STUDY_ROOM, 1, "105", 30, "台灯、插座、储物柜", LocalTime.of(7, 0), LocalTime.of(23, 0), true, false, false, 240, false, null),
            new Def(2, "考研自习室", SpaceKind.STUDY_ROOM, 3, "305", 16, "台灯、插座", LocalTime.of(7, 0), LocalTime.of(23, 0), true, false, false, 240, false, null),
            new Def(2, "研讨室C", SpaceKind.SEMINAR_ROOM, 2, "205", 8, "白板", H8, H22, true, true, true, 120, false, null),
            new Def(2, "生涯工作室用房", SpaceKind.STUDIO_ROOM, 1, "108", 12, "电脑、测评终端", H8, LocalTime.of(20, 0), false, true, true, 240, false, null),
            new Def(3, "书香自习室", SpaceKind.STUDY_ROOM, 1, "104", 20, "台灯、插座", H8, H22, true, false, false, 180, false, null),
            new Def(3, "健身角", SpaceKind.SPORTS, 1, "101", 12, "乒乓球台、跳绳", LocalTime.of(6, 0), H22, true, true, true, 90, false, null));

    private final Spaces spaces;
    private final SpaceBookings bookings;
    private final SpaceAppeals appeals;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    private final TransactionTemplate savepoint;

    DemoSpaces(Spaces spaces, SpaceBookings bookings, SpaceAppeals appeals, JdbcTemplate jdbc, Clock clock,
               PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.spaces = spaces;
        this.bookings = bookings;
        this.appeals = appeals;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void load(Context context) {
        Viewer admin = context.viewer("admin");
        List<Long> buildings = new ArrayList<>(new java.util.TreeMap<>(jdbc.query("SELECT id, name FROM building ORDER BY id",
                (java.sql.ResultSet rs) -> {
                    Map<Long, String> m = new java.util.LinkedHashMap<>();
                    while (rs.next()) {
                        m.put(rs.getLong(1), rs.getString(2));
                    }
                    return m;
                })).keySet());
        if (buildings.isEmpty()) {
            return;
        }
        Set<String> usernames = Set.copyOf(jdbc.queryForList("SELECT username FROM account", String.class));
        List<Long> study = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        Map<Long, Def> defs = new java.util.HashMap<>();
        for (Def d : DEFS) {
            long building = buildings.get(d.building() % buildings.size());
            String name = d.name(); // unique across the list, so that fewer buildings (the tests' campus) take them all
            String manager = d.manager() != null && usernames.contains(d.manager()) ? d.manager() : null;
            if (jdbc.queryForObject("SELECT count(*) FROM space WHERE building_id = ? AND name = ?", Integer.class, building, name) > 0) {
                continue;
            }
            long id = spaces.create(admin, new SpaceDraft(name, d.kind(), building, d.floor(), d.room(), d.capacity(), d.equipment(),
                    description(d.kind()), d.opens(), d.closes(), EnumSet.allOf(DayOfWeek.class), d.students(), d.organisations(),
                    d.staff(), d.longest(), 7, d.approval(), manager));
            all.add(id);
            defs.put(id, d);
            if (d.kind() == SpaceKind.STUDY_ROOM || d.kind() == SpaceKind.SEMINAR_ROOM) {
                study.add(id);
            }
        }
        if (study.isEmpty()) {
            return;
        }
        Random random = new Random(context.seed() + 70);
        List<Long> students = jdbc.queryForList("""
                SELECT id FROM account WHERE student_id IS NOT NULL AND username NOT IN ('student', 'inspector', 'buildingleader', 'floorleader')
                ORDER BY id LIMIT ?""", Long.class, context.small() ? 30 : 120);
        LocalDate today = CampusTime.today(clock);
        Instant now = clock.instant();

        // The demo student missed a study session two days ago (may still appeal); the inspector appealed theirs.
        Long student = accountOf("student");
        Long inspector = accountOf("inspector");
        if (student != null) {
            pastBooking(study.get(0), student, today.minusDays(2), 19, 2, "NO_SHOW", now);
            pastBooking(study.get(0), student, today.minusDays(4), 14, 2, "CHECKED_IN", now);
        }
        if (inspector != null) {
            long missed = pastBooking(study.get(0), inspector, today.minusDays(1), 8, 2, "NO_SHOW", now);
            if (missed > 0) {
                appeals.appeal(context.viewer("inspector"), missed, "当天上午临时被安排参加卫生安全检查，忘记取消预约。");
            }
        }

        // The past week, as it happened: most came and checked in, a few did not.
        int perDay = context.small() ? 5 : 14;
        List<Long> forStudents = all.stream().filter(id -> defs.get(id).students()).toList();
        for (int back = 7; back >= 1; back--) {
            LocalDate day = today.minusDays(back);
            for (int i = 0; i < perDay && !students.isEmpty(); i++) {
                long space = i % 3 == 0 ? forStudents.get(random.nextInt(forStudents.size())) : study.get(random.nextInt(study.size()));
                Def d = defs.get(space);
                int hour = Math.max(d.opens().getHour(), Math.min(d.closes().getHour() - 2, 9 + random.nextInt(12)));
                int hours = 1 + random.nextInt(2);
                boolean came = random.nextInt(10) < 8;
                pastBooking(space, students.get(random.nextInt(students.size())), day, hour, hours, came ? "CHECKED_IN" : "NO_SHOW", now);
            }
        }
        // The coming week, through the real rules: confirmed study sessions, requests waiting for approval.
        // Students after those of the past week, counted from the first accounts (tests hand out students from the last).
        List<String> bookers = jdbc.queryForList("""
                SELECT username FROM account WHERE student_id IS NOT NULL AND username NOT IN ('student', 'inspector', 'buildingleader', 'floorleader')
                ORDER BY id LIMIT ? OFFSET ?""", String.class, context.small() ? 6 : 20, students.size());
        for (int i = 0; i < bookers.size(); i++) {
            Viewer booker = context.viewer(bookers.get(i));
            for (int j = 0; j < 2; j++) {
                long space = study.get((i + j) % study.size());
                LocalDate day = today.plusDays(1 + (i + 2 * j) % 6);
                int hour = 9 + (i * 3 + j * 5) % 11;
                book(booker, space, day, hour, 2, "自习", 1, null);
            }
        }
        for (Long space : all) {
            Def d = defs.get(space);
            if (d.kind() == SpaceKind.TALK_ROOM && !bookers.isEmpty()) {
                book(context.viewer(bookers.get(0)), space, today.plusDays(2), 15, 1, "想和老师聊聊考研还是就业", 1, null);
            } else if (d.kind() == SpaceKind.ACTIVITY_ROOM && bookers.size() > 1) {
                book(context.viewer(bookers.get(1)), space, today.plusDays(3), 19, 2, "支部主题党日：学习交流", 20, "学生党支部");
            } else if (d.kind() == SpaceKind.SEMINAR_ROOM && bookers.size() > 2) {
                book(context.viewer(bookers.get(2)), space, today.plusDays(1), 14, 2, "课程小组讨论", 5, null);
            }
        }
    }

    private int book(Viewer booker, long space, LocalDate day, int hour, int hours, String purpose, int attendees, String organisation) {
        // Behind a savepoint: a refused booking (taken, over the limit) leaves the demo one booking fewer, not rolled back.
        try {
            savepoint.executeWithoutResult(s -> bookings.book(booker,
                    new SpaceBookings.Request(space, at(day, hour), at(day, hour + hours), purpose, attendees, organisation)));
            return 1;
        } catch (RuleViolation | InvalidInput refused) {
            return 0;
        }
    }

    /** A booking of the past written as it happened (the rules refuse the past); its slot is skipped when taken. */
    private long pastBooking(long space, long booker, LocalDate day, int hour, int hours, String state, Instant now) {
        Instant starts = at(day, hour);
        Instant ends = at(day, hour + hours);
        Integer overlapping = jdbc.queryForObject("""
                SELECT count(*) FROM space_booking WHERE space_id = ? AND state IN ('CONFIRMED', 'CHECKED_IN', 'NO_SHOW')
                  AND starts_at < ? AND ends_at > ?""", Integer.class, space, Timestamps.of(ends), Timestamps.of(starts));
        if (overlapping != null && overlapping > 0) {
            return -1;
        }
        jdbc.update("""
                        INSERT INTO space_booking (space_id, booker_account_id, purpose, attendees, starts_at, ends_at, state, checked_in_at,
                                                   created_at)
                        VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)""",
                space, booker, "自习", Timestamps.of(starts), Timestamps.of(ends), state,
                state.equals("CHECKED_IN") ? Timestamps.of(starts.plusSeconds(300)) : null, Timestamps.of(starts.minusSeconds(86400)));
        return jdbc.queryForObject("SELECT max(id) FROM space_booking WHERE space_id = ? AND booker_account_id = ?", Long.class, space,
                booker);
    }

    private Long accountOf(String username) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM account WHERE username = ?", Long.class, username);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(Math.min(hour, 23), 0).atZone(CampusTime.ZONE).toInstant();
    }

    private static String description(SpaceKind kind) {
        return switch (kind) {
            case STUDY_ROOM -> "安静自习，请勿大声交谈；离开时带走个人物品。";
            case SEMINAR_ROOM -> "小组讨论、课程研讨，可投屏。";
            case ACTIVITY_ROOM -> "党团组织生活、主题团日等活动，需管理员审核。";
            case TALK_ROOM -> "谈心谈话、心理疏导，需预约并经老师确认，注意保护隐私。";
            case STUDIO_ROOM -> "育人工作室开展工作的用房。";
            case OFFICE -> "社区警务室，民警值守。";
            case SPORTS -> "运动健身，请穿运动鞋。";
            case SERVICE -> "生活服务设施。";
        };
    }
}
