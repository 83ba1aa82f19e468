package org.shouwang.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.DemoUsers;
import org.shouwang.activities.ActivityCounts;
import org.shouwang.governance.GovernanceViews;
import org.shouwang.governance.HonourViews;
import org.shouwang.governance.Honours;
import org.shouwang.governance.MeetingKind;
import org.shouwang.governance.Meetings;
import org.shouwang.party.Mentors;
import org.shouwang.party.PartyOrganisationKind;
import org.shouwang.party.PartyOrganisations;
import org.shouwang.party.Partners;
import org.shouwang.shared.Timestamps;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.ProjectLevel;
import org.shouwang.studios.ProjectViews;
import org.shouwang.studios.Projects;
import org.shouwang.studios.StudioType;
import org.shouwang.studios.Studios;
import org.shouwang.tickets.TicketKpis;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The academic-year mode holds the seed article's figures for the demo year (the twelve months
 * ending today): each is checked against a direct count over the year and through the public
 * services the annual report reads.
 */
@DemoYearTest
class DemoYearTests {

    private static final ZoneId CAMPUS = org.shouwang.shared.CampusTime.ZONE;

    @Autowired JdbcTemplate jdbc;
    @Autowired DemoUsers users;
    @Autowired Clock clock;
    @Autowired TicketKpis kpis;
    @Autowired ActivityCounts counts;
    @Autowired Meetings meetings;
    @Autowired Honours honours;
    @Autowired PartyOrganisations party;
    @Autowired Studios studios;
    @Autowired Projects projects;
    @Autowired Partners partners;
    @Autowired Mentors mentors;

    LocalDate from;
    LocalDate to;
    Object start;
    Object end;
    Viewer leader;

    @BeforeEach
    void theDemoYear() {
        DemoYear year = DemoYear.endingToday(clock);
        from = year.from();
        to = year.to();
        start = Timestamps.of(year.start());
        end = Timestamps.of(year.end());
        leader = users.viewer("leader");
    }

    @Test
    void theYearHoldsOver1900RequestsAcrossTheServicesEveryOneRespondedToMostResolvedAndFollowedUp() {
        long requests = count("SELECT count(*) FROM ticket WHERE state <> 'WITHDRAWN' AND submitted_at >= ? AND submitted_at < ?");
        long responded = count("""
                SELECT count(*) FROM ticket WHERE state <> 'WITHDRAWN' AND submitted_at >= ? AND submitted_at < ?
                  AND first_response_at IS NOT NULL""");
        long resolved = count("SELECT count(*) FROM ticket WHERE state <> 'WITHDRAWN' AND submitted_at >= ? AND submitted_at < ? AND resolved_at IS NOT NULL");
        long followedUp = count("SELECT count(*) FROM ticket WHERE state <> 'WITHDRAWN' AND submitted_at >= ? AND submitted_at < ? AND followed_up_at IS NOT NULL");
        assertThat(requests).isGreaterThanOrEqualTo(1900);
        assertThat(responded).isEqualTo(requests);
        assertThat(resolved).isGreaterThan(requests * 8 / 10);
        assertThat(followedUp).isGreaterThan(requests * 6 / 10);
        // Nothing of the year before the year or after now.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ticket WHERE submitted_at < ? OR submitted_at >= ?", Long.class, start, end))
                .isZero();

        TicketKpis.Report report = kpis.report(leader, from, to.plusDays(1), null);
        assertThat(report.total().requests()).as(() -> "tickets by state, rolled, channel: " + jdbc.queryForList(
                "SELECT state, kpi_rolled, channel, count(*) FROM ticket GROUP BY state, kpi_rolled, channel")
                + " newest: " + jdbc.queryForList("SELECT id, state, channel, submitted_at FROM ticket ORDER BY submitted_at DESC LIMIT 5")
                + " oldest: " + jdbc.queryForList("SELECT id, state, channel, submitted_at FROM ticket ORDER BY submitted_at LIMIT 3")
                + " period " + start + " to " + end).isEqualTo(requests);
        assertThat(report.total().responded()).isEqualTo(responded);
        assertThat(report.total().responseRate().value()).isEqualTo(1.0);
        assertThat(report.total().resolved()).isEqualTo(resolved);

        Map<String, Long> byCategory = new HashMap<>();
        jdbc.query("""
                        SELECT category, count(*) FROM ticket WHERE state <> 'WITHDRAWN' AND submitted_at >= ? AND submitted_at < ?
                        GROUP BY category""", rs -> { byCategory.put(rs.getString(1), rs.getLong(2)); }, start, end);
        for (String category : List.of("ACADEMICS", "EMPLOYMENT", "PSYCHOLOGY", "FINANCIAL_AID", "REPAIRS")) {
            assertThat(byCategory.getOrDefault(category, 0L)).as(category).isGreaterThanOrEqualTo(50);
        }
        Map<String, Long> reported = new HashMap<>();
        kpis.report(leader, from, to.plusDays(1), TicketKpis.Dimension.CATEGORY).rows()
                .forEach(r -> reported.put(r.key(), r.figures().requests()));
        assertThat(reported).isEqualTo(byCategory);

        // Spread over the twelve months: the report's months are the direct count's, and every month
        // with a week or more in the year has requests (fewer in the vacations).
        Map<String, Long> byMonth = new java.util.TreeMap<>();
        jdbc.query("SELECT submitted_at FROM ticket WHERE state <> 'WITHDRAWN' AND submitted_at >= ? AND submitted_at < ?",
                rs -> { byMonth.merge(java.time.YearMonth.from(rs.getObject(1, java.time.OffsetDateTime.class).atZoneSameInstant(CAMPUS))
                        .toString(), 1L, Long::sum); }, start, end);
        Map<String, Long> reportedMonths = new java.util.TreeMap<>();
        kpis.report(leader, from, to.plusDays(1), TicketKpis.Dimension.MONTH).rows().stream().filter(r -> r.figures().requests() > 0)
                .forEach(r -> reportedMonths.put(r.key(), r.figures().requests()));
        assertThat(reportedMonths).isEqualTo(byMonth);
        for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(to); month = month.plusMonths(1)) {
            LocalDate first = month.isBefore(from) ? from : month;
            LocalDate last = month.plusMonths(1).minusDays(1).isAfter(to) ? to : month.plusMonths(1).minusDays(1);
            if (last.toEpochDay() - first.toEpochDay() >= 6) {
                assertThat(byMonth.getOrDefault(java.time.YearMonth.from(month).toString(), 0L)).as(month.toString())
                        .isGreaterThanOrEqualTo(20);
            }
        }
    }

    @Test
    void theYearHoldsTheSeedsFiveEducationActivitiesBySeriesAndType() {
        String inYear = "state = 'PUBLISHED' AND starts_at >= ? AND starts_at < ?";
        long fiveEducation = count("SELECT count(*) FROM activity a WHERE " + inYear
                + " AND EXISTS (SELECT 1 FROM activity_education e WHERE e.activity_id = a.id)");
        assertThat(fiveEducation).isGreaterThanOrEqualTo(300);
        ActivityCounts.Report byEducation = counts.counts(from, to, ActivityCounts.Dimension.EDUCATION);
        assertThat(byEducation.total().activities()).isEqualTo(count("SELECT count(*) FROM activity WHERE " + inYear));

        Map<String, Long> series = rows(counts.counts(from, to, ActivityCounts.Dimension.SERIES));
        assertThat(series.get("求是讲堂")).isGreaterThanOrEqualTo(150).isEqualTo(count("SELECT count(*) FROM activity WHERE "
                + inYear + " AND series = '求是讲堂'"));
        assertThat(series.get("大师讲堂")).isGreaterThanOrEqualTo(20).isEqualTo(count("SELECT count(*) FROM activity WHERE "
                + inYear + " AND series = '大师讲堂'"));
        assertThat(series.get("校友讲堂")).isGreaterThanOrEqualTo(8).isEqualTo(count("SELECT count(*) FROM activity WHERE "
                + inYear + " AND series = '校友讲堂'"));

        Map<String, Long> types = rows(counts.counts(from, to, ActivityCounts.Dimension.TYPE));
        Map<String, Integer> seed = Map.of("CLUB_ACTIVITY", 81, "VOLUNTEER_SERVICE", 88, "SOCIAL_PRACTICE", 59, "FESTIVAL", 1,
                "COMPETITION", 2);
        seed.forEach((type, least) -> assertThat(types.get(type)).as(type).isGreaterThanOrEqualTo(least)
                .isEqualTo(count("SELECT count(*) FROM activity WHERE " + inYear + " AND type = '" + type + "'")));
        long frontLine = count("SELECT count(*) FROM activity WHERE " + inYear + " AND type IN ('DINNER_MEETING', 'AFTERNOON_TEA')");
        assertThat(types.get("DINNER_MEETING") + types.get("AFTERNOON_TEA")).isEqualTo(frontLine).isBetween(90L, 110L);
        assertThat(count("SELECT count(*) FROM activity WHERE " + inYear
                + " AND type = 'COMPETITION' AND (title LIKE '%应急救护%' OR title LIKE '%军事技能%')")).isPositive();

        // Registrations and attendance are modest but there, for the lectures as for the rest.
        long attended = count("""
                SELECT count(DISTINCT a.id) FROM activity a JOIN attendance t ON t.activity_id = a.id AND t.state = 'PRESENT'
                WHERE a.state = 'PUBLISHED' AND a.starts_at >= ? AND a.starts_at < ? AND a.series = '求是讲堂'""");
        assertThat(attended).isGreaterThan(series.get("求是讲堂") * 9 / 10);
        assertThat(counts.counts(from, to, ActivityCounts.Dimension.SERIES).total().attendances())
                .isEqualTo(count("""
                        SELECT count(*) FROM activity a JOIN attendance t ON t.activity_id = a.id AND t.state = 'PRESENT'
                        WHERE a.state = 'PUBLISHED' AND a.starts_at >= ? AND a.starts_at < ?"""));
    }

    @Test
    void theYearHoldsFourLeadershipMeetingsOnTheCommunityTwoSeminarsAndHonours() {
        Map<MeetingKind, Long> held = new HashMap<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (GovernanceViews.MeetingRow m : meetings.overview(leader, year).meetings()) {
                LocalDate day = m.heldAt().atZone(CAMPUS).toLocalDate();
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    held.merge(m.kind(), 1L, Long::sum);
                }
            }
        }
        assertThat(held.get(MeetingKind.COMMUNITY)).isGreaterThanOrEqualTo(4)
                .isEqualTo(count("SELECT count(*) FROM meeting WHERE kind = 'COMMUNITY' AND held_at >= ? AND held_at < ?"));
        assertThat(held.get(MeetingKind.SEMINAR)).isGreaterThanOrEqualTo(2)
                .isEqualTo(count("SELECT count(*) FROM meeting WHERE kind = 'SEMINAR' AND held_at >= ? AND held_at < ?"));

        long inYear = honours.list(leader, HonourViews.Filter.everything()).honours().stream()
                .filter(h -> !h.awardedOn().isBefore(from) && !h.awardedOn().isAfter(to)).count();
        assertThat(inYear).isPositive().isEqualTo(jdbc.queryForObject(
                "SELECT count(*) FROM honour WHERE awarded_on >= ? AND awarded_on <= ?", Long.class, from, to));
    }

    @Test
    void theCommunityHasTheSeedsBranchesStudiosProjectsPartnersAndMentors() {
        long functional = party.tree().stream().filter(n -> n.kind() == PartyOrganisationKind.BRANCH && n.functional()).count();
        assertThat(functional).isEqualTo(12).isEqualTo(jdbc.queryForObject(
                "SELECT count(*) FROM party_organisation WHERE kind = 'BRANCH' AND functional AND active", Long.class));

        Map<StudioType, Integer> seed = Map.of(StudioType.COUNSELLOR, 8, StudioType.HEAD_TEACHER, 1, StudioType.PSYCHOLOGY, 1);
        seed.forEach((type, n) -> assertThat(studios.directory(type, null)).as(type.name()).hasSize(n)
                .hasSize(jdbc.queryForObject("SELECT count(*) FROM studio WHERE active AND type = ?", Integer.class, type.name())));
        long stationed = studios.directory(null, null).stream().filter(s -> !seed.containsKey(s.type())).count();
        assertThat(stationed).isEqualTo(8).isEqualTo(jdbc.queryForObject(
                "SELECT count(*) FROM studio WHERE active AND type NOT IN ('COUNSELLOR', 'HEAD_TEACHER', 'PSYCHOLOGY')", Long.class));

        List<ProjectViews.Row> all = projects.list(leader, ProjectViews.Filter.everything());
        assertThat(all.stream().filter(p -> p.level() == ProjectLevel.FEATURED).count()).isEqualTo(7)
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM project WHERE level = 'FEATURED'", Long.class));
        assertThat(all.stream().filter(p -> p.level() == ProjectLevel.QUALITY).count()).isEqualTo(10)
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM project WHERE level = 'QUALITY'", Long.class));

        assertThat(partners.list(leader, null, false)).hasSize(21)
                .hasSize(jdbc.queryForObject("SELECT count(*) FROM partner WHERE active", Integer.class));
        assertThat(mentors.directory(null, null)).hasSize(137)
                .hasSize(jdbc.queryForObject("SELECT count(*) FROM mentor WHERE active", Integer.class));
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class, start, end);
        return n == null ? 0 : n;
    }

    private static Map<String, Long> rows(ActivityCounts.Report report) {
        Map<String, Long> rows = new HashMap<>();
        report.rows().forEach(r -> rows.put(r.key(), r.activities()));
        return rows;
    }
}
