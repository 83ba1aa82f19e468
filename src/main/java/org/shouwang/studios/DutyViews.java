package org.shouwang.studios;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the duty pages and API show besides single shifts. */
public final class DutyViews {

    private DutyViews() {
    }

    /** A studio a roster keeper may plan for. */
    public record StudioOption(long id, String name) {
    }

    /**
     * A week of a roster, one day after another, in the keeper's scope.
     *
     * @param keepsAll the viewer keeps every roster (student affairs, administrators); else only their studios'
     */
    public record Week(String week, String previous, String next, LocalDate monday, LocalDate sunday, List<Day> days,
                       boolean keepsAll, List<StudioOption> studios, Map<Long, String> buildings, Long studioId,
                       Long buildingId) {

        public int shiftCount() {
            return days.stream().mapToInt(d -> d.shifts().size()).sum();
        }
    }

    public record Day(LocalDate date, boolean today, List<DutyShift> shifts) {
    }

    /** What copying the previous week's roster did: shifts copied, and shifts skipped because they would overlap or start in the past. */
    public record Copied(int copied, int overlapping, int past) {
    }

    /**
     * Who is on duty now and who comes next today, building by building.
     *
     * @param housed false for a student without a bed (nothing to show then)
     */
    public record Now(boolean student, boolean housed, Long buildingId, Long studioId, List<BuildingNow> buildings,
                      Map<Long, String> buildingChoices, List<StudioOption> studioChoices) {
    }

    public record BuildingNow(long buildingId, String building, List<DutyShift> now, List<DutyShift> next) {
    }

    /**
     * Planned against attended shifts over a period. Shifts count as due once started; the
     * attendance rate is attended over due.
     */
    public record Coverage(LocalDate from, LocalDate to, Line total, List<Line> byPerson, List<Line> byStudio,
                           List<Line> byBuilding, boolean keepsAll, List<StudioOption> studios, Long studioId) {
    }

    /**
     * @param planned shifts on the roster in the period
     * @param due     of those, shifts started by now
     * @param attended shifts someone arrived at
     * @param late    of those, arrivals more than 10 minutes after the start
     * @param missed  shifts ended without an arrival
     */
    public record Line(String name, long planned, long due, long attended, long late, long missed) {

        /** Attended over due, in percent, one decimal; null while nothing is due. */
        public Double rate() {
            return due == 0 ? null : Math.round(attended * 1000.0 / due) / 10.0;
        }
    }
}
