package org.shouwang.insights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shouwang.activities.ActivityCounts;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.FrontLine;
import org.shouwang.activities.FrontLineViews;
import org.shouwang.governance.GovernanceViews;
import org.shouwang.governance.HonourLevel;
import org.shouwang.governance.HonourViews;
import org.shouwang.governance.Honours;
import org.shouwang.governance.MeetingKind;
import org.shouwang.governance.Meetings;
import org.shouwang.party.MentorViews;
import org.shouwang.party.Mentors;
import org.shouwang.party.PartnerKind;
import org.shouwang.party.PartnerViews;
import org.shouwang.party.Partners;
import org.shouwang.party.PartyOrganisationKind;
import org.shouwang.party.PartyOrganisations;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.ProjectLevel;
import org.shouwang.studios.ProjectViews;
import org.shouwang.studios.Projects;
import org.shouwang.studios.StudioType;
import org.shouwang.studios.StudioViews;
import org.shouwang.studios.Studios;
import org.shouwang.tickets.TicketKpis;
import org.springframework.stereotype.Component;

/**
 * Computes the seven sections of a governance report, each from the public services of the module
 * that owns the data (never their tables): the Party tree and governance meetings, the tickets'
 * KPIs, studios and projects, partners and mentors, the front line, activity counts, honours.
 */
@Component
class ReportSections {

    /** How many sections a report has; progress counts them. */
    static final int TOTAL = 7;

    private final PartyOrganisations party;
    private final Meetings meetings;
    private final TicketKpis kpis;
    private final Studios studios;
    private final Projects projects;
    private final Partners partners;
    private final Mentors mentors;
    private final FrontLine frontLine;
    private final ActivityCounts activities;
    private final Honours honours;

    ReportSections(PartyOrganisations party, Meetings meetings, TicketKpis kpis, Studios studios, Projects projects,
                   Partners partners, Mentors mentors, FrontLine frontLine, ActivityCounts activities, Honours honours) {
        this.party = party;
        this.meetings = meetings;
        this.kpis = kpis;
        this.studios = studios;
        this.projects = projects;
        this.partners = partners;
        this.mentors = mentors;
        this.frontLine = frontLine;
        this.activities = activities;
        this.honours = honours;
    }

    /** Section 1: functional branches of today, community meetings and seminars held in the period. */
    ReportFigures.Organisation organisation(Viewer viewer, LocalDate from, LocalDate to) {
        int branches = (int) party.tree().stream().filter(n -> n.kind() == PartyOrganisationKind.BRANCH && n.functional()).count();
        int community = 0;
        int seminars = 0;
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (GovernanceViews.MeetingRow m : meetings.overview(viewer, year).meetings()) {
                LocalDate day = m.heldAt().atZone(CampusTime.ZONE).toLocalDate();
                if (day.isBefore(from) || day.isAfter(to)) {
                    continue;
                }
                if (m.kind() == MeetingKind.COMMUNITY) {
                    community++;
                } else if (m.kind() == MeetingKind.SEMINAR) {
                    seminars++;
                }
            }
        }
        return new ReportFigures.Organisation(branches, community, seminars);
    }

    /** Section 2: the closed loop, the tickets' KPIs of the requests submitted in the period. */
    ReportFigures.Requests requests(Viewer viewer, LocalDate from, LocalDate to) {
        LocalDate end = to.plusDays(1);
        TicketKpis.Report report = kpis.report(viewer, from, end, TicketKpis.Dimension.CATEGORY);
        TicketKpis.Figures t = report.total();
        List<ReportFigures.CategoryCount> byCategory = new ArrayList<>();
        List<TicketKpis.Row> rows = report.rows();
        java.util.Map<String, SmallGroups.Shown> shown = SmallGroups.categories(rows);
        for (TicketKpis.Row row : rows) {
            SmallGroups.Shown s = shown.get(row.key());
            byCategory.add(new ReportFigures.CategoryCount(row.key(), s.hidden() ? null : row.figures().requests(),
                    s.hidden() ? null : row.figures().responded(), s.hidden(), s == SmallGroups.Shown.WITHHELD));
        }
        return new ReportFigures.Requests(t.requests(), t.responded(), t.responseRate().value(), t.onTimeResponseRate().value(),
                t.resolved(), t.onTimeResolutionRate().value(), t.followUpsAnswered(), t.resolutionRate().value(),
                t.satisfactionRate().value(), t.medianResponseMinutes(), t.medianResolutionMinutes(), byCategory);
    }

    /** Section 3: active studios by type, projects by level. */
    ReportFigures.StudiosAndProjects studios(Viewer viewer) {
        List<StudioViews.Summary> all = studios.directory(null, null);
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (StudioType type : StudioType.values()) {
            int n = (int) all.stream().filter(s -> s.type() == type).count();
            if (n > 0) {
                byType.put(type.name(), n);
            }
        }
        int counsellor = byType.getOrDefault(StudioType.COUNSELLOR.name(), 0);
        int headTeacher = byType.getOrDefault(StudioType.HEAD_TEACHER.name(), 0);
        int psychology = byType.getOrDefault(StudioType.PSYCHOLOGY.name(), 0);
        List<ProjectViews.Row> rows = projects.list(viewer, ProjectViews.Filter.everything());
        int featured = (int) rows.stream().filter(r -> r.level() == ProjectLevel.FEATURED).count();
        int quality = (int) rows.stream().filter(r -> r.level() == ProjectLevel.QUALITY).count();
        return new ReportFigures.StudiosAndProjects(all.size(), counsellor, headTeacher, psychology,
                all.size() - counsellor - headTeacher - psychology, byType, rows.size(), featured, quality);
    }

    /** Section 4: active partners by kind, active mentors and what mentors did in the period. */
    ReportFigures.PartnersAndMentors partners(Viewer viewer, LocalDate from, LocalDate to) {
        List<PartnerViews.Summary> active = partners.list(viewer, null, false);
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (PartnerKind kind : PartnerKind.values()) {
            int n = (int) active.stream().filter(p -> p.kind() == kind).count();
            if (n > 0) {
                byKind.put(kind.name(), n);
            }
        }
        MentorViews.PeriodTotal took = mentors.participationBetween(from, to);
        return new ReportFigures.PartnersAndMentors(active.size(), byKind, mentors.directory(null, null).size(), took.entries(),
                took.mentors(), took.hours());
    }

    /** Section 5: the leaders' front line in the period, per leader. */
    ReportFigures.FrontLine frontLine(LocalDate from, LocalDate to) {
        Map<Long, int[]> byLeader = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        int dinners = 0;
        int teas = 0;
        int talks = 0;
        int party = 0;
        for (FrontLineViews.PeriodCount c : frontLine.countsBetween(from, to)) {
            int[] counts = byLeader.computeIfAbsent(c.leaderAccountId(), k -> new int[3]);
            names.put(c.leaderAccountId(), c.leader() == null ? "#" + c.leaderAccountId() : c.leader());
            switch (c.type()) {
                case DINNER_MEETING -> {
                    dinners += c.count();
                    counts[0] += c.count();
                }
                case AFTERNOON_TEA -> {
                    teas += c.count();
                    counts[0] += c.count();
                }
                case POLICY_TALK -> {
                    talks += c.count();
                    counts[1] += c.count();
                }
                default -> {
                    party += c.count();
                    counts[2] += c.count();
                }
            }
        }
        List<ReportFigures.LeaderCount> leaders = new ArrayList<>();
        byLeader.forEach((id, c) -> leaders.add(new ReportFigures.LeaderCount(names.get(id), c[0], c[1], c[2], c[0] + c[1] + c[2])));
        return new ReportFigures.FrontLine(dinners + teas + talks + party, dinners + teas, dinners, teas, talks, party, leaders);
    }

    /** Section 6: the published activities starting in the period, by education, series and type. */
    ReportFigures.Activities activities(LocalDate from, LocalDate to) {
        List<ActivityCounts.Report> counted = activities.counts(from, to, List.of(ActivityCounts.Dimension.TYPE,
                ActivityCounts.Dimension.SERIES, ActivityCounts.Dimension.EDUCATION));
        ActivityCounts.Report byType = counted.get(0);
        ActivityCounts.Report bySeries = counted.get(1);
        ActivityCounts.Report byEducation = counted.get(2);
        List<ReportFigures.Group> types = groups(byType);
        List<ReportFigures.Group> series = groups(bySeries);
        return new ReportFigures.Activities(byType.total().activities(), byType.total().attendances(), byType.total().hours(),
                count(series, ReportFigures.QIUSHI_SERIES), count(series, ReportFigures.MASTER_SERIES),
                count(series, ReportFigures.ALUMNI_SERIES), count(types, ActivityType.CLUB_ACTIVITY.name()),
                count(types, ActivityType.VOLUNTEER_SERVICE.name()), count(types, ActivityType.SOCIAL_PRACTICE.name()),
                count(types, ActivityType.FESTIVAL.name()), count(types, ActivityType.COMPETITION.name()),
                groups(byEducation), series, types);
    }

    private static List<ReportFigures.Group> groups(ActivityCounts.Report report) {
        return report.rows().stream().map(r -> new ReportFigures.Group(r.key(), r.activities(), r.attendances(), r.hours())).toList();
    }

    private static long count(List<ReportFigures.Group> groups, String key) {
        return groups.stream().filter(g -> g.key().equals(key)).mapToLong(ReportFigures.Group::activities).sum();
    }

    /** Section 7: honours awarded in the period, by level. */
    ReportFigures.Honours honours(Viewer viewer, LocalDate from, LocalDate to) {
        Map<String, Integer> byLevel = new LinkedHashMap<>();
        for (HonourLevel level : HonourLevel.values()) {
            byLevel.put(level.name(), 0);
        }
        List<ReportFigures.Honour> list = new ArrayList<>();
        for (int year = to.getYear(); year >= from.getYear(); year--) {
            for (HonourViews.Honour h : honours.list(viewer, new HonourViews.Filter(null, null, year)).honours()) {
                if (h.awardedOn().isBefore(from) || h.awardedOn().isAfter(to)) {
                    continue;
                }
                byLevel.merge(h.level().name(), 1, Integer::sum);
                list.add(new ReportFigures.Honour(h.title(), h.awardingBody(), h.level().name(), h.awardedOn()));
            }
        }
        return new ReportFigures.Honours(list.size(), byLevel, list);
    }
}
