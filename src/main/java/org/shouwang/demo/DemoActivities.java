package org.shouwang.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.shouwang.activities.Activities;
import org.shouwang.activities.ActivityDraft;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.Audience;
import org.shouwang.activities.CheckIns;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.FrontLine;
import org.shouwang.activities.OrganiserKind;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import static org.shouwang.activities.FiveEducation.AESTHETIC;
import static org.shouwang.activities.FiveEducation.INTELLECTUAL;
import static org.shouwang.activities.FiveEducation.LABOUR;
import static org.shouwang.activities.FiveEducation.MORAL;
import static org.shouwang.activities.FiveEducation.PHYSICAL;

/**
 * A semester of activities of every type, series and brand, made through the real moves: drafted
 * by their organisers, approved by student affairs, registered for by students (some full, with a
 * waitlist), attended (recorded at the door) and then moved back to their day in the past weeks.
 * A few are upcoming, waiting for approval, rejected or still drafts.
 */
@Component
class DemoActivities {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Registrations per activity are capped so that the demo campus still starts in seconds. */
    private static final int MOST_REGISTERING = 40;

    private record Kind(ActivityType type, String series, String brand, Set<FiveEducation> educations, OrganiserKind organiserKind,
                       String organiser, String by, String venue, int capacity, String hours, String credits, String... titles) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(ActivityType.LECTURE, "求是讲堂", "守望", EnumSet.of(INTELLECTUAL, MORAL), OrganiserKind.DEPARTMENT, "学生工作部",
                    "affairs", "社区报告厅", 120, "2.0", "0.2", "人工智能与未来职业", "大学生时间管理", "从《论语》看为人处世",
                    "碳中和与我们的生活", "数字时代的信息素养"),
            new Kind(ActivityType.LECTURE, "大师讲堂", "守望", EnumSet.of(INTELLECTUAL), OrganiserKind.DEPARTMENT, "教务处",
                    "affairs", "图书馆学术报告厅", 200, "2.0", "0.5", "大国工匠的成长之路", "智能制造前沿"),
            new Kind(ActivityType.LECTURE, "校友讲堂", "乐己", EnumSet.of(INTELLECTUAL, MORAL), OrganiserKind.COLLEGE, "机电工程学院",
                    "counsellor", "社区报告厅", 100, "1.5", "0.2", "从实习生到技术骨干", "我的创业十年"),
            new Kind(ActivityType.PARTY_LESSON, null, "守望", EnumSet.of(MORAL), OrganiserKind.PARTY_BRANCH, "学生社区第一党支部",
                    "party", "党团活动室", 40, "2.0", "0.2", "学习党的二十届三中全会精神", "党史中的青年力量"),
            new Kind(ActivityType.LEAGUE_LESSON, null, "守望", EnumSet.of(MORAL), OrganiserKind.COLLEGE, "机电工程学院团委",
                    "counsellor", "党团活动室", 60, "1.5", "0.1", "青年大学习主题团课", "五四精神代代传"),
            new Kind(ActivityType.CLASS_MEETING, null, null, EnumSet.of(MORAL), OrganiserKind.COLLEGE, "机电工程学院",
                    "counsellor", "社区研讨室", 45, "1.0", "0.0", "期中学业总结主题班会", "宿舍安全主题班会"),
            new Kind(ActivityType.CEREMONY, null, "礼耀", EnumSet.of(MORAL, AESTHETIC), OrganiserKind.DEPARTMENT, "学生工作部",
                    "affairs", "学生活动中心", 300, "1.0", "0.1", "国家奖学金颁奖典礼", "新生入住欢迎仪式"),
            new Kind(ActivityType.CLUB_ACTIVITY, null, "乐己", EnumSet.of(AESTHETIC, PHYSICAL), OrganiserKind.STUDENT_ORGANISATION,
                    "书画社", "studio", "社区多功能厅", 30, "2.0", "0.1", "书法入门体验", "社区合唱排练", "街舞社招新展演", "摄影外拍"),
            new Kind(ActivityType.VOLUNTEER_SERVICE, null, "永助", EnumSet.of(LABOUR, MORAL), OrganiserKind.STUDENT_ORGANISATION,
                    "青年志愿者协会", "studio", "社区服务中心", 25, "3.0", "0.2", "社区图书角整理", "敬老院陪伴", "校园环境清洁日",
                    "迎新志愿服务"),
            new Kind(ActivityType.SOCIAL_PRACTICE, null, "永助", EnumSet.of(LABOUR, INTELLECTUAL), OrganiserKind.PARTNER,
                    "武进区湖塘镇社区", "counsellor", "校外实践基地", 30, "4.0", "0.5", "乡村振兴调研", "社区反诈宣传实践"),
            new Kind(ActivityType.POLICY_TALK, null, "守望", EnumSet.of(MORAL), OrganiserKind.DEPARTMENT, "校党委",
                    "leader", "社区报告厅", 80, "1.5", "0.1", "校领导讲形势与政策", "书记进社区讲思政课"),
            new Kind(ActivityType.DINNER_MEETING, null, "守望", EnumSet.of(MORAL), OrganiserKind.DEPARTMENT, "学生工作部",
                    "leader", "社区餐厅包间", 12, "1.0", "0.0", "校领导晚餐会：学业与生活", "校领导晚餐会：就业与成长"),
            new Kind(ActivityType.AFTERNOON_TEA, null, "守望", EnumSet.of(MORAL), OrganiserKind.DEPARTMENT, "学生工作部",
                    "leader", "社区书吧", 15, "1.0", "0.0", "校长下午茶", "书记下午茶：听听你的声音"),
            new Kind(ActivityType.ORGANISATION_LIFE, null, "守望", EnumSet.of(MORAL), OrganiserKind.PARTY_BRANCH, "学生社区第二党支部",
                    "party", "党团活动室", 30, "1.5", "0.1", "主题党日：重温入党誓词", "组织生活会"),
            new Kind(ActivityType.PARTY_DAY, null, "戎光", EnumSet.of(MORAL), OrganiserKind.PARTY_BRANCH, "退役大学生士兵党支部",
                    "party", "校史馆", 40, "2.0", "0.1", "参观校史馆主题党日", "红色观影主题党日"),
            new Kind(ActivityType.COMPETITION, null, "乐己", EnumSet.of(INTELLECTUAL, PHYSICAL), OrganiserKind.DEPARTMENT, "学生工作部",
                    "affairs", "学生活动中心", 150, "3.0", "0.5", "宿舍文化节技能大赛", "社区篮球联赛", "数控技能竞赛"),
            new Kind(ActivityType.FESTIVAL, null, "礼耀", EnumSet.of(AESTHETIC), OrganiserKind.DEPARTMENT, "学生工作部",
                    "affairs", "社区广场", 500, "2.0", "0.2", "社区文化节开幕式", "中秋游园会"),
            new Kind(ActivityType.EDUCATION_CAMPAIGN, null, "守望", EnumSet.of(MORAL, PHYSICAL), OrganiserKind.PARTNER,
                    "湖塘派出所", "studio", "社区警务室", 80, "1.0", "0.1", "防范电信网络诈骗宣传", "网络安全教育", "急救知识培训（救在身边）"));

    private final Activities activities;
    private final CheckIns checkIns;
    private final FrontLine frontLine;
    private final UserDetailsService users;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoActivities(Activities activities, CheckIns checkIns, FrontLine frontLine, UserDetailsService users, JdbcTemplate jdbc,
                   Clock clock) {
        this.activities = activities;
        this.checkIns = checkIns;
        this.frontLine = frontLine;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Student(Viewer viewer, String number) {
    }

    /** {@code count} activities over the past {@code weeks} weeks, a tenth of them upcoming. */
    void load(int count, long seed, int weeks) {
        Random random = new Random(seed);
        List<Student> students = jdbc.query("""
                        SELECT a.id, a.username, a.display_name, a.student_id FROM account a
                        WHERE a.student_id IS NOT NULL AND a.enabled ORDER BY a.username""",
                (rs, n) -> new Student(new Viewer(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        Set.of(Role.STUDENT), rs.getLong("student_id"), null, null), rs.getString("username")));
        Viewer affairs = viewer("affairs");
        // The leader's yearly front-line target: about a hundred dinner meetings and teas a year across the leadership.
        frontLine.setTarget(affairs, viewer("leader").accountId(), frontLine.currentYear(), 24);
        for (int i = 0; i < count; i++) {
            Kind kind = KINDS.get(i % KINDS.size());
            Viewer organiser = viewer(kind.by());
            String title = kind.titles()[random.nextInt(kind.titles().length)];
            boolean upcoming = i % 10 == 9;
            Instant now = clock.instant();
            Instant target = upcoming
                    ? day(now, 1 + random.nextInt(14), random)
                    : day(now, -(1 + random.nextInt(weeks * 7)), random);
            // Planned first for a few hours from now, so that registration is open when students register.
            Instant starts = upcoming ? target : now.plus(Duration.ofHours(3));
            Duration length = Duration.ofMinutes(60L * Math.max(1, new BigDecimal(kind.hours()).intValue()) + 30);
            int capacity = kind.capacity();
            ActivityDraft draft = new ActivityDraft(title, description(kind, title), kind.type(), kind.series(), kind.brand(),
                    kind.educations(), kind.organiserKind(), kind.organiser(), "leader".equals(kind.by()) ? organiser.accountId() : null,
                    null, kind.venue(), starts, starts.plus(length), Audience.EVERYONE, null, null, null, capacity,
                    Math.max(3, capacity / 5), now.minus(Duration.ofDays(2)), starts.minus(Duration.ofHours(1)),
                    starts.minus(Duration.ofHours(1)), new BigDecimal(kind.hours()), new BigDecimal(kind.credits()), false);
            long id = activities.create(organiser, draft);
            if (upcoming && i % 30 == 29) {
                continue; // a draft
            }
            activities.submit(organiser, id, null);
            if (upcoming && i % 20 == 19) {
                if (random.nextBoolean()) {
                    activities.reject(affairs, id, "时间与期中考试周冲突，请调整", null);
                }
                continue; // waiting for approval, or rejected
            }
            activities.approve(affairs, id, null);
            List<Student> registering = pick(students, Math.min(MOST_REGISTERING, (int) (capacity * (0.4 + random.nextDouble() * 0.8))), random);
            List<String> seated = new ArrayList<>();
            for (Student s : registering) {
                try {
                    if (activities.register(s.viewer(), id).state() == org.shouwang.activities.RegistrationState.REGISTERED) {
                        seated.add(s.number());
                    }
                } catch (RuleViolation full) {
                    break;
                }
            }
            if (upcoming) {
                continue;
            }
            // Held now, attended by most, then moved back to its day.
            jdbc.update("UPDATE activity SET starts_at = ?, ends_at = ? WHERE id = ?",
                    Timestamps.of(now.minus(Duration.ofMinutes(5))), Timestamps.of(now.plus(length)), id);
            List<String> present = seated.stream().filter(n -> random.nextInt(100) < 88).toList();
            if (!present.isEmpty()) {
                checkIns.manual(organiser, id, String.join("\n", present));
            }
            moveBack(id, target, length, random);
        }
    }

    /** What the demo year adds, by series (lectures) or by type; the figures to reach are in {@link DemoYear}. */
    private static final List<Kind> YEAR_KINDS = List.of(
            new Kind(ActivityType.LECTURE, "求是讲堂", "守望", EnumSet.of(INTELLECTUAL, MORAL), OrganiserKind.DEPARTMENT, "学生工作部",
                    "affairs", "社区报告厅", 120, "2.0", "0.2", "开学第一课：走好大学第一步", "毕业最后一课：带着初心出发",
                    "人工智能与未来职业", "大学生时间管理", "从《论语》看为人处世", "碳中和与我们的生活", "数字时代的信息素养",
                    "新质生产力与职业教育", "中华优秀传统文化中的工匠精神", "总体国家安全观与青年担当", "心理健康与自我成长",
                    "强国有我：青年的使命与担当"),
            new Kind(ActivityType.LECTURE, "大师讲堂", "守望", EnumSet.of(INTELLECTUAL), OrganiserKind.DEPARTMENT, "教务处",
                    "affairs", "图书馆学术报告厅", 200, "2.0", "0.5", "以大师引领未来大师：大国工匠的成长之路",
                    "以大师引领未来大师：智能制造前沿", "以大师引领未来大师：技能成才之路"),
            new Kind(ActivityType.LECTURE, "校友讲堂", "乐己", EnumSet.of(INTELLECTUAL, MORAL), OrganiserKind.COLLEGE, "机电工程学院",
                    "counsellor", "社区报告厅", 100, "1.5", "0.2", "杰出校友领航：从实习生到技术骨干", "杰出校友领航：我的创业十年"),
            new Kind(ActivityType.CLUB_ACTIVITY, null, "乐己", EnumSet.of(AESTHETIC, PHYSICAL), OrganiserKind.STUDENT_ORGANISATION,
                    "学生社团联合会", "studio", "社区多功能厅", 30, "2.0", "0.1", "社彩缤纷：书法入门体验", "社彩缤纷：社区合唱排练",
                    "社彩缤纷：街舞展演", "社彩缤纷：摄影外拍", "社彩缤纷：机器人社开放日", "社彩缤纷：话剧社专场"),
            new Kind(ActivityType.VOLUNTEER_SERVICE, null, "永助", EnumSet.of(LABOUR, MORAL), OrganiserKind.STUDENT_ORGANISATION,
                    "青年志愿者协会", "studio", "社区服务中心", 25, "3.0", "0.2", "锋华正茂：社区图书角整理", "锋华正茂：敬老院陪伴",
                    "锋华正茂：校园环境清洁日", "锋华正茂：迎新志愿服务", "锋华正茂：社区义务维修", "锋华正茂：献血志愿服务"),
            new Kind(ActivityType.SOCIAL_PRACTICE, null, "永助", EnumSet.of(LABOUR, INTELLECTUAL), OrganiserKind.PARTNER,
                    "武进区湖塘镇社区", "counsellor", "校外实践基地", 30, "4.0", "0.5", "强国有我 青春有为：乡村振兴调研",
                    "强国有我 青春有为：社区反诈宣传实践", "强国有我 青春有为：企业走访", "强国有我 青春有为：红色寻访"),
            new Kind(ActivityType.DINNER_MEETING, null, "守望", EnumSet.of(MORAL), OrganiserKind.DEPARTMENT, "学生工作部",
                    "leader", "社区餐厅包间", 12, "1.0", "0.0", "校领导晚餐会：学业与生活", "校领导晚餐会：就业与成长",
                    "校领导晚餐会：宿舍生活", "校领导晚餐会：社团与志愿"),
            new Kind(ActivityType.AFTERNOON_TEA, null, "守望", EnumSet.of(MORAL), OrganiserKind.DEPARTMENT, "学生工作部",
                    "leader", "社区书吧", 15, "1.0", "0.0", "校长下午茶", "书记下午茶：听听你的声音", "下午茶：食堂与后勤"),
            new Kind(ActivityType.FESTIVAL, null, "礼耀", EnumSet.of(AESTHETIC, MORAL), OrganiserKind.DEPARTMENT, "学生工作部",
                    "affairs", "社区广场", 500, "2.0", "0.2", "“守望·常工业”社区文化节开幕式", "社区文化节·宿舍风采展",
                    "“守望·常工业”社区文化节闭幕式"),
            new Kind(ActivityType.COMPETITION, null, "戎光", EnumSet.of(PHYSICAL, INTELLECTUAL), OrganiserKind.DEPARTMENT, "学生工作部",
                    "affairs", "学生活动中心", 150, "3.0", "0.5", "校园应急救护技能大赛", "军事技能竞赛", "宿舍安全知识竞赛"));

    /**
     * Tops the demo year up to the seed's figures ({@link DemoYear#SERIES}, {@link DemoYear#TYPES}):
     * counts what is already published and starting in the year, and adds the missing activities on
     * days of the year (lectures in term time), each made through the real moves with a few
     * registrations and their attendance, so the year loads fast.
     */
    void loadYear(DemoYear year, long seed) {
        Random random = new Random(seed + 366);
        List<Student> students = students();
        Map<String, Long> series = counts("series", year);
        Map<String, Long> types = counts("type", year);
        Instant now = clock.instant();
        long days = year.to().toEpochDay() - year.from().toEpochDay();
        for (Kind kind : YEAR_KINDS) {
            int target = kind.series() != null ? DemoYear.SERIES.get(kind.series()) : DemoYear.TYPES.get(kind.type());
            long have = kind.series() != null ? series.getOrDefault(kind.series(), 0L) : types.getOrDefault(kind.type().name(), 0L);
            for (long i = have; i < target; i++) {
                java.time.LocalDate day = year.from().plusDays(random.nextLong(days));
                boolean termOnly = kind.type() == ActivityType.LECTURE;
                while (termOnly && DemoYear.vacation(day)) {
                    day = year.from().plusDays(random.nextLong(days));
                }
                Instant starts = day.atTime(random.nextBoolean() ? LocalTime.of(14, 0) : LocalTime.of(19, 0)).atZone(ZONE).toInstant();
                String title = kind.titles()[random.nextInt(kind.titles().length)];
                hold(kind, title, now, starts, pick(students, 3 + random.nextInt(6), random), random);
            }
        }
    }

    /** Published activities starting in the year, by a column of the activity. */
    private Map<String, Long> counts(String column, DemoYear year) {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.query("SELECT " + column + ", count(*) FROM activity WHERE state = 'PUBLISHED' AND starts_at >= ? AND starts_at < ? AND "
                        + column + " IS NOT NULL GROUP BY " + column,
                rs -> { counts.put(rs.getString(1), rs.getLong(2)); }, Timestamps.of(year.start()), Timestamps.of(year.end()));
        return counts;
    }

    /** An activity drafted, approved, registered for, held now (most registered attend) and moved back to {@code starts}. */
    private void hold(Kind kind, String title, Instant now, Instant starts, List<Student> registering, Random random) {
        Viewer organiser = viewer(kind.by());
        Instant planned = now.plus(Duration.ofHours(3));
        Duration length = Duration.ofMinutes(60L * Math.max(1, new BigDecimal(kind.hours()).intValue()) + 30);
        int capacity = kind.capacity();
        ActivityDraft draft = new ActivityDraft(title, description(kind, title), kind.type(), kind.series(), kind.brand(),
                kind.educations(), kind.organiserKind(), kind.organiser(), "leader".equals(kind.by()) ? organiser.accountId() : null,
                null, kind.venue(), planned, planned.plus(length), Audience.EVERYONE, null, null, null, capacity,
                Math.max(3, capacity / 5), now.minus(Duration.ofDays(2)), planned.minus(Duration.ofHours(1)),
                planned.minus(Duration.ofHours(1)), new BigDecimal(kind.hours()), new BigDecimal(kind.credits()), false);
        long id = activities.create(organiser, draft);
        activities.submit(organiser, id, null);
        activities.approve(viewer("affairs"), id, null);
        List<String> seated = new ArrayList<>();
        for (Student s : registering) {
            try {
                if (activities.register(s.viewer(), id).state() == org.shouwang.activities.RegistrationState.REGISTERED) {
                    seated.add(s.number());
                }
            } catch (RuleViolation full) {
                break;
            }
        }
        jdbc.update("UPDATE activity SET starts_at = ?, ends_at = ? WHERE id = ?",
                Timestamps.of(now.minus(Duration.ofMinutes(5))), Timestamps.of(now.plus(length)), id);
        List<String> present = seated.stream().filter(n -> random.nextInt(100) < 88).toList();
        if (!present.isEmpty()) {
            checkIns.manual(organiser, id, String.join("\n", present));
        }
        moveBack(id, starts, length, random);
    }

    private List<Student> students() {
        return jdbc.query("""
                        SELECT a.id, a.username, a.display_name, a.student_id FROM account a
                        WHERE a.student_id IS NOT NULL AND a.enabled ORDER BY a.username""",
                (rs, n) -> new Student(new Viewer(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        Set.of(Role.STUDENT), rs.getLong("student_id"), null, null), rs.getString("username")));
    }

    private void moveBack(long id, Instant starts, Duration length, Random random) {
        Instant opens = starts.minus(Duration.ofDays(5));
        Instant closes = starts.minus(Duration.ofHours(2));
        jdbc.update("""
                        UPDATE activity SET starts_at = ?, ends_at = ?, registration_opens_at = ?, registration_closes_at = ?,
                               cancel_by = ?, created_at = ?, submitted_at = ?, decided_at = ?,
                               summary = '活动顺利举行，同学们积极参与。' WHERE id = ?""",
                Timestamps.of(starts), Timestamps.of(starts.plus(length)), Timestamps.of(opens), Timestamps.of(closes),
                Timestamps.of(closes), Timestamps.of(opens.minus(Duration.ofDays(2))), Timestamps.of(opens.minus(Duration.ofDays(1))),
                Timestamps.of(opens.minus(Duration.ofHours(20))), id);
        jdbc.update("UPDATE registration SET registered_at = ?, waitlisted_at = CASE WHEN waitlisted_at IS NULL THEN NULL ELSE registered_at END WHERE activity_id = ?",
                Timestamps.of(opens.plus(Duration.ofHours(1 + random.nextInt(48)))), id);
        jdbc.update("UPDATE attendance SET checked_in_at = ? WHERE activity_id = ?", Timestamps.of(starts.minus(Duration.ofMinutes(5))), id);
        jdbc.update("UPDATE attendance SET rating = 3 + MOD(student_id, 3) WHERE activity_id = ? AND MOD(student_id, 4) = 0", id);
    }

    /** A day {@code days} from today at an afternoon or evening hour, campus time. */
    private static Instant day(Instant now, int days, Random random) {
        LocalTime at = random.nextBoolean() ? LocalTime.of(14, 0) : LocalTime.of(19, 0);
        return now.atZone(ZONE).toLocalDate().plusDays(days).atTime(at).atZone(ZONE).toInstant();
    }

    private static List<Student> pick(List<Student> students, int count, Random random) {
        List<Student> copy = new ArrayList<>(students);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(count, copy.size()));
    }

    private static String description(Kind kind, String title) {
        return "“" + title + "”由" + kind.organiser() + "主办，地点：" + kind.venue() + "。欢迎同学们报名参加。";
    }

    private Viewer viewer(String username) {
        return ((Viewer.Principal) users.loadUserByUsername(username)).viewer();
    }
}
