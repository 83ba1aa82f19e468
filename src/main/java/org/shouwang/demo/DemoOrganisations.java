package org.shouwang.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.shouwang.community.OrganisationDraft;
import org.shouwang.community.OrganisationKind;
import org.shouwang.community.OrganisationViews;
import org.shouwang.community.Organisations;
import org.shouwang.community.Position;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Viewer;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static org.shouwang.community.Position.MEMBER;
import static org.shouwang.community.Position.MINISTER;
import static org.shouwang.community.Position.PRESIDENT;
import static org.shouwang.community.Position.SECRETARY;
import static org.shouwang.community.Position.VICE_PRESIDENT;

/**
 * The community's student organisations: the self-discipline committee (advisor {@code manager},
 * the demo account {@code inspector} one of its heads of section), the principal-assistant group,
 * the veterans' association and clubs, with members living in the demo buildings, terms of this
 * academic year and some of the last (one member promoted this year, so the history shows it).
 * Two clubs carry the names the demo activities give as organiser, so their pages list them.
 */
@Component
@Order(40)
class DemoOrganisations implements DemoSection {

    static final String SELF_DISCIPLINE = "学生社区自律委员会";

    private record Plan(String name, OrganisationKind kind, String advisor, int founded, String description, int members) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan(SELF_DISCIPLINE, OrganisationKind.SELF_DISCIPLINE, "manager", 2016,
                    "学生社区自我管理、自我服务的学生组织：每周检查宿舍卫生与安全，督促整改，评选文明宿舍。", 12),
            new Plan("校长助理团", OrganisationKind.PRINCIPAL_ASSISTANTS, "affairs", 2018,
                    "校长的学生助理：走访社区、收集同学们的意见建议，参与校长下午茶和晚餐会的组织。", 8),
            new Plan("退役大学生士兵协会", OrganisationKind.VETERANS, "counsellor", 2019,
                    "退役复学的大学生士兵：承担新生军训辅助、国防教育宣传和社区安全志愿服务。", 8),
            new Plan("书画社", OrganisationKind.CLUB, "studio", 2012, "书法与国画爱好者的社团，每周在社区多功能厅练习、办展。", 6),
            new Plan("青年志愿者协会", OrganisationKind.CLUB, "studio", 2010, "组织社区服务、敬老助残和迎新等志愿服务，记录志愿时长。", 8),
            new Plan("篮球社", OrganisationKind.CLUB, "headteacher", 2014, "篮球训练与社区篮球联赛。", 6),
            new Plan("摄影社", OrganisationKind.CLUB, "counsellor", 2015, "摄影技巧分享、外拍与社区影像记录。", 5),
            new Plan("辩论社", OrganisationKind.CLUB, "headteacher", 2017, "辩论训练与校内外辩论赛。", 5),
            new Plan("心理协会", OrganisationKind.CLUB, "psych", 2013, "在心理中心指导下开展朋辈心理互助与心理健康宣传。", 6),
            new Plan("街舞社", OrganisationKind.CLUB, "affairs", 2020, "街舞教学、排练与社区文化节演出。", 5));

    /** Positions in order of seniority, as many as a committee of that size has. */
    private static final List<Position> LADDER = List.of(PRESIDENT, VICE_PRESIDENT, VICE_PRESIDENT, SECRETARY, MINISTER, MINISTER,
            MINISTER, MINISTER);

    private final Organisations organisations;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoOrganisations(Organisations organisations, JdbcTemplate jdbc, Clock clock) {
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void load(Context context) {
        Viewer admin = context.viewer("admin");
        Set<String> existing = organisations.list().stream().map(OrganisationViews.Summary::name).collect(Collectors.toSet());
        LocalDate today = CampusTime.today(clock);
        LocalDate yearStart = LocalDate.of(today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1, 9, 1);
        LocalDate lastYearStart = yearStart.minusYears(1);
        String inspector = numberOf("inspector");
        String student = numberOf("student");
        Set<String> demoAccounts = Set.of("student", "floorleader", "buildingleader", "inspector");
        // Residents of the demo buildings, in a seeded order; the demo accounts' students are placed by hand.
        List<String> residents = new ArrayList<>(jdbc.queryForList("""
                SELECT s.student_number FROM bed b JOIN student s ON s.id = b.occupant_id
                WHERE s.id NOT IN (SELECT a.student_id FROM account a WHERE a.student_id IS NOT NULL AND a.username IN (?, ?, ?, ?))
                ORDER BY s.student_number""", String.class, demoAccounts.toArray()));
        Collections.shuffle(residents, new Random(context.seed() ^ 0x0561L));
        int next = 0;
        for (Plan plan : PLANS) {
            if (existing.contains(plan.name())) {
                continue;
            }
            Viewer advisor = context.viewer(plan.advisor());
            long id = organisations.create(admin, new OrganisationDraft(plan.name(), plan.kind(), plan.advisor(), plan.description(),
                    LocalDate.of(plan.founded(), 9, 1)));
            int size = context.small() && plan.kind() == OrganisationKind.CLUB ? 3 : plan.members();
            List<String> members = new ArrayList<>();
            if (plan.kind() == OrganisationKind.SELF_DISCIPLINE && inspector != null) {
                members.add(inspector);
            }
            while (members.size() < size && next < residents.size()) {
                members.add(residents.get(next++));
            }
            int rank = 0;
            for (String number : members) {
                Position position = number.equals(inspector) ? MINISTER
                        : rank < LADDER.size() && rank < size / 2 ? LADDER.get(rank) : MEMBER;
                if (!number.equals(inspector)) {
                    rank++;
                }
                if (position == VICE_PRESIDENT && rank == 2) {
                    // Served last year as a member and was promoted this year: the history keeps both terms.
                    long term = organisations.appoint(advisor, id, number, MEMBER, lastYearStart, null);
                    organisations.changePosition(advisor, id, term, position, yearStart);
                } else {
                    organisations.appoint(advisor, id, number, position, yearStart, null);
                }
            }
            // Last year's president and a member, whose terms have ended.
            for (Position position : List.of(PRESIDENT, MEMBER)) {
                if (next < residents.size()) {
                    organisations.appoint(advisor, id, residents.get(next++), position, lastYearStart, yearStart.minusDays(1));
                }
            }
            if ("书画社".equals(plan.name()) && student != null) {
                organisations.appoint(advisor, id, student, MEMBER, yearStart, null);
            }
        }
    }

    private String numberOf(String username) {
        List<String> numbers = jdbc.queryForList("""
                SELECT s.student_number FROM account a JOIN student s ON s.id = a.student_id WHERE a.username = ?""",
                String.class, username);
        return numbers.isEmpty() ? null : numbers.get(0);
    }
}
