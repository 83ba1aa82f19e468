package org.shouwang.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.shouwang.identity.Accounts;
import org.shouwang.party.CommitteePosition;
import org.shouwang.party.PartyMemberDraft;
import org.shouwang.party.PartyMemberStatus;
import org.shouwang.party.PartyMembers;
import org.shouwang.party.PartyOrganisationDraft;
import org.shouwang.party.PartyOrganisationKind;
import org.shouwang.party.PartyOrganisations;
import org.shouwang.party.PartyViews;
import org.shouwang.people.People;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Role;
import org.shouwang.shared.Viewer;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Party organisation: the university Party committee (its secretary a new staff account
 * {@code party-committee}), the student-community Party working committee (secretary {@code leader},
 * the vice-president; {@code affairs} its deputy), twelve functional branches in the community (the
 * demo account {@code party} secretary of 学生社区第一党支部, the others new staff accounts
 * {@code party-02} …) and one branch per college. Students whose political status says Party
 * member or probationary member (about 8%) are on the rosters — half in a functional branch, half in
 * their college's — with dates that agree, plus some applicants and activists; each secretary is a
 * full member of their branch. All through {@link PartyOrganisations} and {@link PartyMembers}.
 */
@Component
@Order(80)
class DemoParty implements DemoSection {

    static final List<String> FUNCTIONAL = List.of("学生社区第一党支部", "学生社区第二党支部", "学生社区第三党支部", "学生社区第四党支部",
            "学生社区第五党支部", "学生社区第六党支部", "学生社区第七党支部", "学生社区第八党支部", "学生社区第九党支部",
            "退役大学生士兵党支部", "学生骨干党支部", "志愿服务党支部");

    private final PartyOrganisations organisations;
    private final PartyMembers members;
    private final Accounts accounts;
    private final People people;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoParty(PartyOrganisations organisations, PartyMembers members, Accounts accounts, People people, JdbcTemplate jdbc, Clock clock) {
        this.organisations = organisations;
        this.members = members;
        this.accounts = accounts;
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void load(Context context) {
        if (organisations.tree().stream().anyMatch(n -> n.kind() == PartyOrganisationKind.WORKING_COMMITTEE)) {
            return;
        }
        Viewer admin = context.viewer("admin");
        Random random = new Random(context.seed() + 80);
        LocalDate today = CampusTime.today(clock);
        List<long[]> freeStaff = new ArrayList<>(jdbc.query("""
                        SELECT s.id, s.department_id FROM staff s
                        WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.staff_id = s.id) ORDER BY s.id""",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}));
        // The demo password, as the demo account party holds it (one slow hash for all).
        String hash = jdbc.queryForObject("SELECT password_hash FROM account WHERE username = 'party'", String.class);
        List<Long> secretaryStaff = new ArrayList<>();

        long committee = organisations.create(admin, new PartyOrganisationDraft("中共守望大学委员会", PartyOrganisationKind.COMMITTEE, null,
                false, null, secretary("party-committee", "党委书记", freeStaff, hash, secretaryStaff), "学校党委，领导全校党的建设工作。",
                LocalDate.of(1952, 10, 1)));
        long working = organisations.create(admin, new PartyOrganisationDraft("学生社区党工委", PartyOrganisationKind.WORKING_COMMITTEE,
                committee, false, null, "leader", "学生社区党的工作委员会：书记由分管学生工作的副校长担任，统筹社区功能型党支部的建设。",
                LocalDate.of(2019, 9, 1)));
        organisations.seat(admin, working, "affairs", CommitteePosition.DEPUTY_SECRETARY);

        List<Long> functional = new ArrayList<>();
        for (int i = 0; i < FUNCTIONAL.size(); i++) {
            String secretary = i == 0 ? "party"
                    : secretary(String.format("party-%02d", i + 1), FUNCTIONAL.get(i) + "书记", freeStaff, hash, secretaryStaff);
            functional.add(organisations.create(admin, new PartyOrganisationDraft(FUNCTIONAL.get(i), PartyOrganisationKind.BRANCH, working,
                    true, null, secretary, "建在学生社区的功能型党支部，党员亮身份、践承诺，服务楼宇和同学。", LocalDate.of(2020, 3, 1).plusMonths(i))));
        }
        Map<Long, String> colleges = people.collegeNames();
        Map<Long, Long> collegeBranch = new java.util.HashMap<>();
        for (Map.Entry<Long, String> college : colleges.entrySet()) {
            String secretary = secretary("party-c" + college.getKey(), college.getValue() + "党支部书记", freeStaff, hash, secretaryStaff);
            collegeBranch.put(college.getKey(), organisations.create(admin, new PartyOrganisationDraft(college.getValue() + "学生党支部",
                    PartyOrganisationKind.BRANCH, committee, false, college.getKey(), secretary, college.getValue() + "的学生党支部。", null)));
        }

        // Students: those whose political status says so, as full or probationary members; some others on the way.
        List<Object[]> students = jdbc.query("""
                        SELECT s.id, s.student_number, s.political_status, m.college_id FROM student s
                        JOIN class_group c ON c.id = s.class_id JOIN major m ON m.id = c.major_id ORDER BY s.id""",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)});
        int index = 0;
        int others = 0;
        int othersMax = students.size() / 25;
        for (Object[] s : students) {
            String political = (String) s[2];
            PartyMemberStatus status;
            if ("PARTY_MEMBER".equals(political)) {
                status = PartyMemberStatus.FULL;
            } else if ("PROBATIONARY_MEMBER".equals(political)) {
                status = PartyMemberStatus.PROBATIONARY;
            } else if ("LEAGUE_MEMBER".equals(political) && others < othersMax && random.nextInt(12) == 0) {
                status = others++ % 2 == 0 ? PartyMemberStatus.APPLICANT : PartyMemberStatus.ACTIVIST;
            } else {
                continue;
            }
            Long branch = index++ % 2 == 0 ? functional.get(random.nextInt(functional.size())) : collegeBranch.get((Long) s[3]);
            if (branch == null) {
                branch = functional.get(0);
            }
            members.add(admin, branch, draft((String) s[1], status, today, random));
        }
        // Staff: each secretary is a full member of the organisation they lead.
        for (PartyViews.Node n : organisations.tree()) {
            Long staffId = n.secretaryName() == null ? null : staffOf(organisations.organisation(n.id()).secretaryAccountId());
            if (staffId != null) {
                String number = jdbc.queryForObject("SELECT staff_number FROM staff WHERE id = ?", String.class, staffId);
                if (members.mine(new Viewer(0, "", "", java.util.Set.of(), null, staffId, null)).isEmpty()) {
                    members.add(admin, n.id(), draft(number, PartyMemberStatus.FULL, today, random));
                }
            }
        }
    }

    private Long staffOf(Long accountId) {
        return accountId == null ? null : accounts.get(accountId).staffId();
    }

    /** A new staff account for a secretary, from the staff without one; none when the campus has run out. */
    private String secretary(String username, String title, List<long[]> freeStaff, String hash, List<Long> used) {
        if (accounts.byUsername(username).isPresent()) {
            return username;
        }
        if (freeStaff.isEmpty()) {
            return null;
        }
        long[] staff = freeStaff.remove(0);
        String name = jdbc.queryForObject("SELECT name FROM staff WHERE id = ?", String.class, staff[0]);
        accounts.createQuietly(username, hash, name, null, staff[0], staff[1] == 0 ? null : staff[1], EnumSet.of(Role.PARTY_SECRETARY));
        used.add(staff[0]);
        return username;
    }

    /** Dates that fit the status: applied, six months later activist, a year later probationary, a year later full. */
    private static PartyMemberDraft draft(String number, PartyMemberStatus status, LocalDate today, Random random) {
        LocalDate last = today.minusDays(7 + random.nextInt(300));
        LocalDate applied = null;
        LocalDate activist = null;
        LocalDate probationary = null;
        LocalDate full = null;
        switch (status) {
            case FULL -> {
                full = last;
                probationary = full.minusYears(1).minusDays(random.nextInt(20));
                activist = probationary.minusYears(1);
                applied = activist.minusMonths(6);
            }
            case PROBATIONARY -> {
                probationary = last;
                activist = probationary.minusYears(1);
                applied = activist.minusMonths(6);
            }
            case ACTIVIST -> {
                activist = last;
                applied = activist.minusMonths(6);
            }
            case APPLICANT -> applied = last;
        }
        return new PartyMemberDraft(number, status, applied, activist, probationary, full);
    }
}
