package org.shouwang.activities.web;

import java.util.List;

import jakarta.validation.constraints.NotNull;

/** What API clients send after the activity: late entries and decisions, appeals and decisions, summary, rating. */
final class AttendanceBodies {

    private AttendanceBodies() {
    }

    /** Students to enter late, by student number, and why they were not recorded. */
    record LateEntryBody(List<String> studentNumbers, String note) {

        String numbers() {
            return studentNumbers == null ? "" : String.join("\n", studentNumbers.stream().filter(n -> n != null).toList());
        }
    }

    /** An approver's decision on a late entry; a note is needed to refuse. */
    record LateEntryDecisionBody(@NotNull(message = "{error.field.required}") Boolean approve, String note) {
    }

    /** A student's appeal against being marked absent. */
    record AppealBody(String reason) {
    }

    /** The organiser restores the appeal or refuses it; an answer is needed to refuse. */
    record AppealDecisionBody(@NotNull(message = "{error.field.required}") Boolean restore, String answer) {
    }

    record SummaryBody(String summary) {
    }

    /** 1 to 5 stars and an optional comment. */
    record RatingBody(Integer rating, String comment) {
    }
}
