package org.shouwang.tickets.web;

import java.util.ArrayList;
import java.util.List;

import org.shouwang.shared.InvalidInput;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Channel;
import org.shouwang.tickets.Tickets;

/**
 * What the submit and register forms send, kept as typed so that the form can be shown again.
 * Values a select offers arrive as text: one that is not on the list is a field error, never a 500.
 * Fields the page hides for the chosen category (sub-category, urgency) are dropped, not refused.
 *
 * @param publicSpace  the request is about a public space of a building, not the student's room
 * @param roomDetail   where in the room (optional), or where it is when the student has no bed
 * @param location     the place in the building, for a public space
 */
public record RequestForm(String category, String subcategory, Boolean urgent, String text, Boolean publicSpace,
                   String buildingId, String location, String roomDetail,
                   String studentNumber, String channel, Boolean solvedOnSpot, String feedback) {

    static RequestForm empty() {
        return new RequestForm("", "", false, "", false, "", "", "", "", Channel.IN_PERSON.name(), false, "");
    }

    public boolean isUrgent() {
        return Boolean.TRUE.equals(urgent);
    }

    public boolean isPublicSpace() {
        return Boolean.TRUE.equals(publicSpace);
    }

    public boolean isSolvedOnSpot() {
        return Boolean.TRUE.equals(solvedOnSpot);
    }

    /** The submission, or the problems of values that are not among those offered. */
    Tickets.Submission submission() {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        Category chosen = null;
        if (category != null && !category.isBlank()) {
            chosen = parse(Category.class, category);
            if (chosen == null) {
                problems.add(new InvalidInput.Problem("category", "request.form.unknownValue"));
            }
        }
        Category.Subcategory sub = null;
        if (chosen == Category.REPAIRS && subcategory != null && !subcategory.isBlank()) {
            sub = parse(Category.Subcategory.class, subcategory);
            if (sub == null) {
                problems.add(new InvalidInput.Problem("subcategory", "request.form.unknownValue"));
            }
        }
        Long building = null;
        if (isPublicSpace()) {
            if (buildingId == null || buildingId.isBlank()) {
                problems.add(new InvalidInput.Problem("buildingId", "request.form.buildingRequired"));
            } else {
                try {
                    building = Long.parseLong(buildingId.trim());
                } catch (NumberFormatException e) {
                    problems.add(new InvalidInput.Problem("buildingId", "ticket.unknownBuilding"));
                }
            }
        }
        if (!problems.isEmpty()) {
            // The service is not asked with these values; say at once what it would have said of the obvious rest.
            if (category == null || category.isBlank()) {
                problems.add(new InvalidInput.Problem("category", "ticket.categoryRequired"));
            }
            if (text == null || text.isBlank()) {
                problems.add(new InvalidInput.Problem("text", "ticket.textRequired"));
            }
            throw new InvalidInput(problems);
        }
        boolean mayBeUrgent = chosen != null && chosen.allowsUrgency();
        return new Tickets.Submission(chosen, sub, mayBeUrgent && isUrgent(), text, building,
                isPublicSpace() ? location : roomDetail);
    }

    Tickets.Registration registration() {
        Channel how = parse(Channel.class, channel == null ? "" : channel);
        if (how == null || !how.staffMayChoose()) {
            throw new InvalidInput("channel", "request.form.unknownValue");
        }
        return new Tickets.Registration(studentNumber, how, submission(), isSolvedOnSpot(), feedback);
    }

    /**
     * The form field a problem the service found belongs on: the place of a request about the
     * student's room is typed in the room-detail box.
     */
    String fieldOf(String problemField) {
        if ("location".equals(problemField) && !isPublicSpace()) {
            return "roomDetail";
        }
        return problemField;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
