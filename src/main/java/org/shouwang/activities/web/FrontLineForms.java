package org.shouwang.activities.web;

import java.util.ArrayList;
import java.util.List;

import org.shouwang.activities.FrontLineViews;
import org.shouwang.shared.InvalidInput;
import org.shouwang.tickets.Category;

/**
 * What the front-line forms send, kept as typed so that a form can be shown again with its errors.
 * Numbers and values a select offers arrive as text: one that is not a number or not on the list is
 * a field error, never a 500.
 */
final class FrontLineForms {

    private FrontLineForms() {
    }

    /** A leader's yearly target, as student affairs type it. */
    record TargetForm(String leaderAccountId, String year, String target) {

        record Parsed(Long leaderAccountId, Integer year, Integer target) {
        }

        /** The numbers, or every field that is not one. */
        Parsed parsed() {
            List<InvalidInput.Problem> problems = new ArrayList<>();
            Long leader = number(leaderAccountId, "leaderAccountId", problems);
            Long y = number(year, "year", problems);
            Long t = number(target, "target", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return new Parsed(leader, clamp(y), clamp(t));
        }

        /** Beyond an int is out of any range the service allows: it says so. */
        private static Integer clamp(Long n) {
            return n == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
        }
    }

    /** An issue raised at an activity, for a student. */
    record IssueForm(String studentNumber, String category, String subcategory, String text, String location) {

        static IssueForm empty() {
            return new IssueForm("", "", "", "", "");
        }

        FrontLineViews.IssueDraft draft() {
            List<InvalidInput.Problem> problems = new ArrayList<>();
            Category chosen = null;
            if (category != null && !category.isBlank()) {
                chosen = parse(Category.class, category);
                if (chosen == null) {
                    problems.add(new InvalidInput.Problem("category", "frontline.unknownValue"));
                }
            }
            Category.Subcategory sub = null;
            if (chosen == Category.REPAIRS && subcategory != null && !subcategory.isBlank()) {
                sub = parse(Category.Subcategory.class, subcategory);
                if (sub == null) {
                    problems.add(new InvalidInput.Problem("subcategory", "frontline.unknownValue"));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return new FrontLineViews.IssueDraft(studentNumber, chosen, sub, text, location);
        }
    }

    static Long number(String value, String field, List<InvalidInput.Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            if (problems != null) {
                problems.add(new InvalidInput.Problem(field, "frontline.wholeNumber"));
            }
            return null;
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
