package org.shouwang.studios;

import java.time.LocalDate;
import java.util.List;

/** What the project pages and API show. */
public final class ProjectViews {

    private ProjectViews() {
    }

    /** Which projects to list; every part may be null (false: all, true: only those with an overdue milestone). */
    public record Filter(ProjectLevel level, ProjectStatus status, Long studioId, boolean overdueOnly) {

        public static Filter everything() {
            return new Filter(null, null, null, false);
        }
    }

    /** A line of the project list: milestones done of all, and how many are overdue. */
    public record Row(long id, String name, ProjectLevel level, ProjectStatus status, Long studioId, String studioName,
                      String ownerName, LocalDate startsOn, LocalDate endsOn, int milestones, int done, int overdue) {
    }

    /** Overdue: due before today and not done. */
    public record Milestone(long id, String title, LocalDate dueOn, LocalDate doneOn, String note, boolean overdue) {

        public boolean done() {
            return doneOn != null;
        }
    }

    /** One project with its milestones by due date; {@code mayEdit}: the viewer may change it and tick milestones. */
    public record Project(long id, int version, String name, ProjectLevel level, ProjectStatus status, Long studioId,
                          String studioName, long ownerAccountId, String ownerUsername, String ownerName, String goals,
                          LocalDate startsOn, LocalDate endsOn, String outcome, List<Milestone> milestones, boolean mayEdit) {

        public long overdue() {
            return milestones.stream().filter(Milestone::overdue).count();
        }

        public long done() {
            return milestones.stream().filter(Milestone::done).count();
        }
    }
}
