package org.shouwang.activities;

import java.time.Instant;
import java.util.List;

import org.shouwang.tickets.Category;
import org.shouwang.tickets.TicketState;

/** What the leaders' front line (一线规则) shows: each leader's record for a year against the target, and the issues of one activity. */
public final class FrontLineViews {

    private FrontLineViews() {
    }

    /** How many front-line activities of one type a leader led in a period. */
    public record PeriodCount(long leaderAccountId, String leader, ActivityType type, int count) {
    }

    /** How many front-line activities of one type a leader led in the year: already held, and still to come. */
    public record TypeCount(ActivityType type, int held, int upcoming) {
    }

    /**
     * One leader's front line in a year: published front-line activities they lead (held: over by
     * now; upcoming: not yet over), against the yearly target (null when none is set), and the
     * requests raised at them.
     */
    public record LeaderSummary(long leaderAccountId, String leader, int year, Integer target, int held, int upcoming,
                                List<TypeCount> byType, int issuesRaised, int issuesClosed) {

        public int total() {
            return held + upcoming;
        }

        /** Share of the target already held, in percent (at most 100); null without a target. */
        public Integer heldPercent() {
            return target == null ? null : target == 0 ? 100 : Math.min(100, held * 100 / target);
        }

        /** Share of the target the upcoming ones would add, in percent, so that both fit in one bar. */
        public Integer upcomingPercent() {
            return target == null ? null : target == 0 ? 0 : Math.min(100 - heldPercent(), upcoming * 100 / target);
        }

        public boolean reached() {
            return target != null && held >= target;
        }
    }

    /** The front line of a year: one leader (a leader's own) or all of them (student affairs, admins). */
    public record Summary(int year, List<LeaderSummary> leaders, boolean maySetTargets) {
    }

    /** One front-line activity on a leader's record. */
    public record ActivityRow(long id, String title, ActivityType type, String venue, Instant startsAt, Instant endsAt,
                              boolean held, int capacity, int registered, int attended, int issuesRaised, int issuesClosed,
                              boolean digestSent) {
    }

    public record LeaderRecord(LeaderSummary summary, List<ActivityRow> activities) {
    }

    /** What is registered about an issue raised at an activity: for whom, what about, and what it says. */
    public record IssueDraft(String studentNumber, Category category, Category.Subcategory subcategory, String text,
                             String location) {
    }

    /**
     * A request raised at an activity. Who raised it and what it says only when the viewer may read
     * the request (its owner, student affairs…); otherwise its number, category and state, and for a
     * confidential one not even the category.
     */
    public record Issue(long ticketId, String number, Category category, TicketState state, boolean ended,
                        boolean readable, String student, String studentNumber, String summary, Instant submittedAt) {
    }

    /** The digest sent to the attendees once every request raised had ended. */
    public record Digest(Instant sentAt, int recipients, int requests) {
    }

    /** The issues raised at one front-line activity, and whether the viewer may register more now. */
    public record Issues(long activityId, String title, ActivityType type, String leader, Instant startsAt, Instant endsAt,
                         List<Issue> issues, int ended, Digest digest, boolean mayRaise, String cannotRaise) {
    }
}
