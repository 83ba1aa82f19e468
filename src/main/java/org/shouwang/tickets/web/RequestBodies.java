package org.shouwang.tickets.web;

import java.util.Locale;

import jakarta.validation.constraints.NotNull;
import org.shouwang.shared.InvalidInput;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Channel;
import org.shouwang.tickets.Satisfaction;
import org.shouwang.tickets.Tickets;

/**
 * What API clients send to move a request. Enumerated values (category, channel, satisfaction…)
 * arrive as text and are checked here, so that an unknown value is a field error, not an
 * unreadable body. Every move may carry the {@code version} the client last read: when the
 * request changed since, the move is refused with 409.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    /** A student's request; as JSON, or as multipart form fields beside the photos. */
    record RequestSubmitBody(String category, String subcategory, Boolean urgent, String text, Long buildingId,
                             String location) {

        Tickets.Submission submission() {
            Category c = parse(Category.class, "category", category, "ticket.categoryRequired");
            Category.Subcategory sub = subcategory == null || subcategory.isBlank() ? null
                    : parse(Category.Subcategory.class, "subcategory", subcategory, "ticket.subcategoryRequired");
            return new Tickets.Submission(c, sub, Boolean.TRUE.equals(urgent), text, buildingId, location);
        }
    }

    /** A request staff heard in person or by phone, for the student with this number. */
    record RequestRegisterBody(String studentNumber, String channel, String category, String subcategory, Boolean urgent,
                               String text, Long buildingId, String location, Boolean solvedOnSpot, String feedback) {

        Tickets.Registration registration() {
            Channel ch = parse(Channel.class, "channel", channel, "ticket.channelForStaff");
            if (ch != null && !ch.staffMayChoose()) {
                throw new InvalidInput("channel", "ticket.channelForStaff");
            }
            return new Tickets.Registration(studentNumber, ch,
                    new RequestSubmitBody(category, subcategory, urgent, text, buildingId, location).submission(),
                    Boolean.TRUE.equals(solvedOnSpot), feedback);
        }
    }

    /** A reply, a note, a question to the student, or the resolution's feedback. */
    record RequestTextBody(String text, Integer version) {
    }

    /** A move with nothing to say but the version the client last read. */
    record RequestVersionBody(Integer version) {
    }

    /** Sending a request to a department: dispatch, transfer, or student affairs' decision. */
    record RequestDepartmentBody(@NotNull(message = "{error.field.required}") Long departmentId, String reason,
                                 Integer version) {
    }

    /** Returning a wrongly dispatched request, citing a clause of the published list, e.g. "5.1". */
    record RequestReturnBody(String clause, String reason, Integer version) {
    }

    record RequestExtensionBody(@NotNull(message = "{error.field.required}") Integer hours, String reason,
                                Integer version) {
    }

    record RequestExtensionDecisionBody(@NotNull(message = "{error.field.required}") Boolean approve, String note,
                                        Integer version) {
    }

    record RequestFollowUpBody(@NotNull(message = "{error.field.required}") Boolean contacted,
                               @NotNull(message = "{error.field.required}") Boolean solved, String satisfaction,
                               Integer version) {

        Tickets.FollowUp answers() {
            Satisfaction s = satisfaction == null || satisfaction.isBlank() ? null
                    : parse(Satisfaction.class, "satisfaction", satisfaction, "ticket.satisfactionRequired");
            return new Tickets.FollowUp(contacted, solved, s);
        }
    }

    record RequestReasonBody(String reason, Integer version) {
    }

    /** Another request, by id or by the number a student quotes (20261201-000123). */
    record RequestOtherBody(Long id, String number, Integer version) {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value, String code) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, code);
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, code);
        }
    }
}
