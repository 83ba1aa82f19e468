package org.shouwang.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * A governance report as it reads, in the job's language: a title, an opening, seven sections in
 * the shape of the seed article (prose with the figures filled in, a table and a chart each) and a
 * closing. The HTML page and the DOCX file are both written from this, so they always agree.
 */
public record ReportDocument(long id, String language, String title, String period, String intro, List<Section> sections,
                             String closing, String generatedNote) {

    /** One section: heading, paragraphs, tables and a chart (null when it has nothing to draw). */
    public record Section(String key, String heading, List<String> paragraphs, List<Table> tables, Chart chart) {
    }

    /** A table: caption, column headings and rows of text. */
    public record Table(String caption, List<String> headers, List<List<String>> rows) {
    }

    /** A chart: "bar" or "pie", its title, labels and values (hidden small groups are left out). */
    public record Chart(String id, String kind, String title, List<String> labels, List<Long> values) {
    }

    static ReportDocument of(Reports.Job job, MessageSource messages) {
        return new Writer(job, messages).document();
    }

    /** Fills the messages of one language with the figures. */
    private static final class Writer {
        private final Reports.Job job;
        private final ReportFigures f;
        private final MessageSource messages;
        private final Locale locale;

        Writer(Reports.Job job, MessageSource messages) {
            this.job = job;
            this.f = job.figures();
            this.messages = messages;
            this.locale = job.locale();
        }

        String t(String code, Object... args) {
            return messages.getMessage(code, args, code, locale);
        }

        String r(String code) {
            return t("insights.report." + code);
        }

        String p(String code, Object... args) {
            return t("insights.report." + code, args);
        }

        ReportDocument document() {
            DateTimeFormatter days = DateTimeFormatter.ofPattern(r("dateFormat"), locale);
            String from = days.format(f.from());
            String to = days.format(f.to());
            List<Section> sections = List.of(organisation(), requests(), studios(), partners(), frontLine(), activities(), honours());
            return new ReportDocument(job.id(), job.language(), r("docTitle"), p("docPeriod", from, to), p("intro", from, to),
                    sections, r("closing"), p("generatedNote",
                    DateTimeFormatter.ofPattern(r("dateFormat"), locale).format(f.generatedAt().atZone(org.shouwang.shared.CampusTime.ZONE))));
        }

        Section organisation() {
            ReportFigures.Organisation o = f.organisation();
            List<List<String>> rows = List.of(
                    List.of(r("org.branches"), n(o.functionalBranches())),
                    List.of(r("org.communityMeetings"), n(o.communityMeetings())),
                    List.of(r("org.seminars"), n(o.seminars())));
            return new Section("organisation", r("org.heading"),
                    List.of(p("org.text", n(o.communityMeetings()), n(o.seminars()), n(o.functionalBranches()))),
                    List.of(new Table(r("org.table"), List.of(r("item"), r("count")), rows)),
                    new Chart("chart-organisation", "bar", r("org.table"), List.of(r("org.branches"), r("org.communityMeetings"),
                            r("org.seminars")), List.of((long) o.functionalBranches(), (long) o.communityMeetings(), (long) o.seminars())));
        }

        Section requests() {
            ReportFigures.Requests q = f.requests();
            List<List<String>> rates = List.of(
                    List.of(r("req.received"), n(q.received())),
                    List.of(r("req.responded"), n(q.responded())),
                    List.of(r("req.responseRate"), pct(q.responseRate())),
                    List.of(r("req.onTimeResponseRate"), pct(q.onTimeResponseRate())),
                    List.of(r("req.resolved"), n(q.resolved())),
                    List.of(r("req.onTimeResolutionRate"), pct(q.onTimeResolutionRate())),
                    List.of(r("req.resolutionRate"), pct(q.resolutionRate())),
                    List.of(r("req.satisfactionRate"), pct(q.satisfactionRate())),
                    List.of(r("req.medianResponse"), hours(q.medianResponseMinutes())),
                    List.of(r("req.medianResolution"), hours(q.medianResolutionMinutes())));
            List<List<String>> categories = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<Long> values = new ArrayList<>();
            for (ReportFigures.CategoryCount c : q.byCategory()) {
                String name = t("ticket.category." + c.category());
                String hidden = c.withheld() ? WITHHELD : SMALL;
                categories.add(List.of(name, c.hidden() ? hidden : n(c.requests()), c.hidden() ? hidden : n(c.responded())));
                if (!c.hidden()) {
                    labels.add(name);
                    values.add(c.requests());
                }
            }
            return new Section("requests", r("req.heading"),
                    List.of(p("req.text", n(q.received()), n(q.responded()), pct(q.responseRate()), pct(q.onTimeResponseRate()),
                            pct(q.onTimeResolutionRate()), pct(q.resolutionRate()), pct(q.satisfactionRate()),
                            hours(q.medianResponseMinutes()), hours(q.medianResolutionMinutes()))),
                    List.of(new Table(r("req.table"), List.of(r("item"), r("value")), rates),
                            new Table(r("req.categoryTable"), List.of(r("req.category"), r("req.received"), r("req.responded")), categories)),
                    new Chart("chart-requests", "pie", r("req.categoryTable"), labels, values));
        }

        Section studios() {
            ReportFigures.StudiosAndProjects s = f.studios();
            List<List<String>> rows = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<Long> values = new ArrayList<>();
            for (Map.Entry<String, Integer> e : s.byType().entrySet()) {
                String name = t("studio.type." + e.getKey());
                rows.add(List.of(name, n(e.getValue())));
                labels.add(name);
                values.add((long) e.getValue());
            }
            rows.add(List.of(r("total"), n(s.studios())));
            List<List<String>> projects = List.of(
                    List.of(t("insights.report.studio.featured"), n(s.featuredProjects())),
                    List.of(t("insights.report.studio.quality"), n(s.qualityProjects())),
                    List.of(r("total"), n(s.projects())));
            return new Section("studios", r("studio.heading"),
                    List.of(p("studio.text", n(s.counsellor()), n(s.headTeacher()), n(s.psychology()), n(s.stationed()),
                            n(s.featuredProjects()), n(s.qualityProjects()))),
                    List.of(new Table(r("studio.table"), List.of(r("studio.type"), r("count")), rows),
                            new Table(r("studio.projectTable"), List.of(r("studio.level"), r("count")), projects)),
                    new Chart("chart-studios", "bar", r("studio.table"), labels, values));
        }

        Section partners() {
            ReportFigures.PartnersAndMentors pm = f.partners();
            List<List<String>> rows = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<Long> values = new ArrayList<>();
            for (Map.Entry<String, Integer> e : pm.byKind().entrySet()) {
                String name = t("partner.kind." + e.getKey());
                rows.add(List.of(name, n(e.getValue())));
                labels.add(name);
                values.add((long) e.getValue());
            }
            rows.add(List.of(r("total"), n(pm.partners())));
            List<List<String>> mentors = List.of(
                    List.of(r("partner.mentors"), n(pm.mentors())),
                    List.of(r("partner.entries"), n(pm.participationEntries())),
                    List.of(r("partner.mentorsTakingPart"), n(pm.mentorsTakingPart())),
                    List.of(r("partner.hours"), dec(pm.participationHours())));
            return new Section("partners", r("partner.heading"),
                    List.of(p("partner.text", n(pm.partners()), n(pm.mentors()), n(pm.participationEntries()),
                            dec(pm.participationHours()))),
                    List.of(new Table(r("partner.table"), List.of(r("partner.kind"), r("count")), rows),
                            new Table(r("partner.mentorTable"), List.of(r("item"), r("value")), mentors)),
                    new Chart("chart-partners", "pie", r("partner.table"), labels, values));
        }

        Section frontLine() {
            ReportFigures.FrontLine fl = f.frontLine();
            List<List<String>> rows = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<Long> values = new ArrayList<>();
            for (ReportFigures.LeaderCount l : fl.byLeader()) {
                rows.add(List.of(l.leader(), n(l.dinnersAndTeas()), n(l.policyTalks()), n(l.partyActivities()), n(l.total())));
                labels.add(l.leader());
                values.add((long) l.total());
            }
            rows.add(List.of(r("total"), n(fl.dinnersAndTeas()), n(fl.policyTalks()), n(fl.partyActivities()), n(fl.total())));
            return new Section("frontLine", r("front.heading"),
                    List.of(p("front.text", n(fl.policyTalks()), n(fl.dinnerMeetings()), n(fl.afternoonTeas()), n(fl.dinnersAndTeas()),
                            n(fl.partyActivities()), n(fl.total()))),
                    List.of(new Table(r("front.table"), List.of(r("front.leader"), r("front.dinnersAndTeas"), r("front.policyTalks"),
                            r("front.party"), r("total")), rows)),
                    new Chart("chart-front-line", "bar", r("front.table"), labels, values));
        }

        Section activities() {
            ReportFigures.Activities a = f.activities();
            List<Table> tables = new ArrayList<>();
            tables.add(groups(r("act.educationTable"), r("act.education"), a.byEducation(), "growth.education."));
            tables.add(groups(r("act.seriesTable"), r("act.series"), a.bySeries(), null));
            tables.add(groups(r("act.typeTable"), r("act.type"), a.byType(), "growth.type."));
            List<String> labels = new ArrayList<>();
            List<Long> values = new ArrayList<>();
            for (ReportFigures.Group g : a.byEducation()) {
                labels.add(t("growth.education." + g.key()));
                values.add(g.activities());
            }
            return new Section("activities", r("act.heading"),
                    List.of(p("act.text", n(a.total()), n(a.qiushiLectures()), n(a.masterLectures()), n(a.alumniLectures()),
                                    n(a.clubActivities()), n(a.volunteerServices()), n(a.socialPractice())),
                            p("act.text2", n(a.festivals()), n(a.competitions()), n(a.attendances()), dec(a.hours()))),
                    tables, new Chart("chart-activities", "bar", r("act.educationTable"), labels, values));
        }

        private Table groups(String caption, String heading, List<ReportFigures.Group> groups, String prefix) {
            List<List<String>> rows = new ArrayList<>();
            for (ReportFigures.Group g : groups) {
                String name = "-".equals(g.key()) ? r("none") : prefix == null ? g.key() : t(prefix + g.key());
                rows.add(List.of(name, n(g.activities()), n(g.attendances()), dec(g.hours())));
            }
            return new Table(caption, List.of(heading, r("act.activities"), r("act.attendances"), r("act.hours")), rows);
        }

        Section honours() {
            ReportFigures.Honours h = f.honours();
            List<List<String>> rows = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<Long> values = new ArrayList<>();
            for (Map.Entry<String, Integer> e : h.byLevel().entrySet()) {
                String name = t("honour.level." + e.getKey());
                rows.add(List.of(name, n(e.getValue())));
                labels.add(name);
                values.add((long) e.getValue());
            }
            rows.add(List.of(r("total"), n(h.total())));
            List<List<String>> list = new ArrayList<>();
            for (ReportFigures.Honour x : h.list()) {
                list.add(List.of(x.title(), x.awardingBody() == null ? "" : x.awardingBody(), t("honour.level." + x.level()),
                        x.awardedOn().toString()));
            }
            return new Section("honours", r("honour.heading"),
                    List.of(p("honour.text", n(h.total()), n(h.byLevel().getOrDefault("NATIONAL", 0)),
                            n(h.byLevel().getOrDefault("PROVINCIAL", 0)), n(h.byLevel().getOrDefault("MUNICIPAL", 0)),
                            n(h.byLevel().getOrDefault("UNIVERSITY", 0)))),
                    List.of(new Table(r("honour.table"), List.of(r("honour.level"), r("count")), rows),
                            new Table(r("honour.listTable"), List.of(r("honour.title"), r("honour.body"), r("honour.level"),
                                    r("honour.on")), list)),
                    new Chart("chart-honours", "bar", r("honour.table"), labels, values));
        }

        private String pct(Double share) {
            if (share == null) {
                return "—";
            }
            BigDecimal v = BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
            return v.toPlainString() + "%";
        }

        private String hours(Double minutes) {
            if (minutes == null) {
                return "—";
            }
            return p("hours", BigDecimal.valueOf(minutes / 60).setScale(1, RoundingMode.HALF_UP).toPlainString());
        }
    }

    /** What a hidden small group shows. */
    static final String SMALL = "<5";

    /** What a category withheld beside a "&lt;5" shows (see {@link SmallGroups#categories}). */
    static final String WITHHELD = "—";

    static String n(long value) {
        return String.valueOf(value);
    }

    static String n(Long value) {
        return value == null ? SMALL : String.valueOf(value);
    }

    static String dec(BigDecimal value) {
        return value == null ? "0" : value.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
