package org.shouwang.tickets.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.MessageArguments;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Satisfaction;
import org.shouwang.tickets.TicketNumber;
import org.shouwang.tickets.TicketQueries;
import org.shouwang.tickets.TicketState;
import org.shouwang.tickets.Tickets;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The moves on one request, one form each, as the request's page offers them. Each posts, goes back
 * to the request (or the desk) and says there what happened: done, or why not in the user's
 * language, with what they typed kept. Forms carry the version the page showed, so a move on a
 * request someone changed meanwhile is refused, not applied blindly.
 */
@Controller
@RequestMapping("/requests/{id}")
class RequestActionsController {

    private final Tickets tickets;
    private final TicketQueries queries;
    private final MessageSource messages;

    RequestActionsController(Tickets tickets, TicketQueries queries, MessageSource messages) {
        this.tickets = tickets;
        this.queries = queries;
        this.messages = messages;
    }

    @PostMapping("/accept")
    String accept(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Integer version,
                  RedirectAttributes flash) {
        return act(flash, id, null, "ACCEPT", Map.of(), () -> tickets.accept(viewer, id, version));
    }

    /** A public reply: the handler's answer, or the student's message (which resumes a request waiting on them). */
    @PostMapping("/reply")
    String reply(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Integer version,
                 @RequestParam(defaultValue = "") String text,
                 @RequestParam(name = "photos", required = false) List<MultipartFile> files, RedirectAttributes flash) {
        String action = viewer.studentId() != null ? "STUDENT_REPLY" : "REPLY";
        return act(flash, id, null, action, Map.of("text", text),
                () -> tickets.reply(viewer, id, text, RequestsController.photos(files), version));
    }

    @PostMapping("/note")
    String note(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Integer version,
                @RequestParam(defaultValue = "") String text, RedirectAttributes flash) {
        return act(flash, id, null, "NOTE", Map.of("text", text), () -> tickets.note(viewer, id, text, version));
    }

    @PostMapping("/ask")
    String ask(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Integer version,
               @RequestParam(defaultValue = "") String text, RedirectAttributes flash) {
        return act(flash, id, null, "ASK", Map.of("text", text), () -> tickets.ask(viewer, id, text, version));
    }

    @PostMapping("/extension")
    String requestExtension(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Integer version,
                            @RequestParam(defaultValue = "") String hours,
                            @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        return act(flash, id, null, "REQUEST_EXTENSION", Map.of("hours", hours, "reason", reason),
                () -> tickets.requestExtension(viewer, id, hours(hours), reason, version));
    }

    @PostMapping("/extension/decision")
    String decideExtension(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Integer version,
                           @RequestParam(defaultValue = "") String decision,
                           @RequestParam(defaultValue = "") String note, RedirectAttributes flash) {
        boolean approve = "approve".equals(decision);
        return act(flash, id, null, approve ? "APPROVE_EXTENSION" : "REFUSE_EXTENSION", Map.of("note", note), () -> {
            if (!approve && !"refuse".equals(decision)) {
                throw new InvalidInput("decision", "request.answerAll");
            }
            tickets.decideExtension(viewer, id, approve, note, version);
        });
    }

    @PostMapping("/resolve")
    String resolve(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Integer version,
                   @RequestParam(defaultValue = "") String text,
                   @RequestParam(name = "photos", required = false) List<MultipartFile> files, RedirectAttributes flash) {
        return act(flash, id, null, "RESOLVE", Map.of("text", text),
                () -> tickets.resolve(viewer, id, text, RequestsController.photos(files), version));
    }

    @PostMapping("/return")
    String returnToDispatch(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Integer version,
                            @RequestParam(defaultValue = "") String clause, @RequestParam(defaultValue = "") String reason,
                            RedirectAttributes flash) {
        String next = act(flash, id, null, "RETURN", Map.of("clause", clause, "reason", reason),
                () -> tickets.returnToDispatch(viewer, id, clause, reason, version));
        // Returned, the request is no longer the department's to see: back to its queue.
        return queries.sees(viewer, id) ? next : "redirect:/requests";
    }

    @PostMapping("/dispatch")
    String dispatch(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Integer version,
                    @RequestParam(defaultValue = "") String departmentId, @RequestParam(required = false) String back,
                    RedirectAttributes flash) {
        return act(flash, id, back, "DISPATCH", Map.of("departmentId", departmentId),
                () -> tickets.dispatch(viewer, id, department(departmentId), version));
    }

    @PostMapping("/transfer")
    String transfer(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Integer version,
                    @RequestParam(defaultValue = "") String departmentId, @RequestParam(defaultValue = "") String reason,
                    RedirectAttributes flash) {
        return act(flash, id, null, "TRANSFER", Map.of("departmentId", departmentId, "reason", reason),
                () -> tickets.transfer(viewer, id, department(departmentId), reason, version));
    }

    /** Student affairs' decision on a request returned twice: where it goes, and why. */
    @PostMapping("/decide")
    String decide(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Integer version,
                  @RequestParam(defaultValue = "") String departmentId, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(required = false) String back, RedirectAttributes flash) {
        return act(flash, id, back, "DECIDE", Map.of("departmentId", departmentId, "reason", reason),
                () -> tickets.decide(viewer, id, department(departmentId), reason, version));
    }

    @PostMapping("/merge")
    String merge(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Integer version,
                 @RequestParam(defaultValue = "") String number,
                 RedirectAttributes flash) {
        return act(flash, id, null, "MERGE", Map.of("number", number),
                () -> tickets.merge(viewer, id, requestNumbered(viewer, number), version));
    }

    @PostMapping("/link")
    String link(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Integer version,
                @RequestParam(defaultValue = "") String number,
                RedirectAttributes flash) {
        return act(flash, id, null, "LINK", Map.of("number", number),
                () -> tickets.link(viewer, id, requestNumbered(viewer, number), version));
    }

    @PostMapping("/withdraw")
    String withdraw(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Integer version,
                    @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        return act(flash, id, null, "WITHDRAW", Map.of("reason", reason), () -> tickets.withdraw(viewer, id, reason, version));
    }

    /** The student's three answers: contacted? solved? satisfied? */
    @PostMapping("/follow-up")
    String followUp(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Integer version,
                    @RequestParam(defaultValue = "") String contacted,
                    @RequestParam(defaultValue = "") String solved, @RequestParam(defaultValue = "") String satisfaction,
                    RedirectAttributes flash) {
        return act(flash, id, null, "FOLLOW_UP", Map.of(), () -> {
            Satisfaction how = RequestsController.parse(Satisfaction.class, satisfaction);
            if (!isYesOrNo(contacted) || !isYesOrNo(solved) || how == null) {
                throw new InvalidInput("satisfaction", "request.answerAll");
            }
            tickets.followUp(viewer, id, new Tickets.FollowUp(Boolean.parseBoolean(contacted), Boolean.parseBoolean(solved), how), version);
        });
    }

    /**
     * Runs one move. Done: says so. Refused by a rule or for its input: says why, keeps what was
     * typed and opens that form again. A request the viewer may not see is a 404, as everywhere.
     */
    private String act(RedirectAttributes flash, long id, String back, String action, Map<String, String> typed, Runnable move) {
        try {
            move.run();
            flash.addFlashAttribute("success", text("request.done." + action));
        } catch (RuleViolation violation) {
            refused(flash, action, typed, text(violation.code(), readable(violation.args())));
        } catch (InvalidInput invalid) {
            refused(flash, action, typed, invalid.problems().stream().map(p -> describe(p, action)).collect(Collectors.joining(" ")));
        }
        return "redirect:" + ("desk".equals(back) ? "/requests/desk" : "/requests/" + id);
    }

    private void refused(RedirectAttributes flash, String action, Map<String, String> typed, String reason) {
        flash.addFlashAttribute("error", reason);
        flash.addFlashAttribute("openAction", action);
        flash.addFlashAttribute("typed", new LinkedHashMap<>(typed));
    }

    /** The message after the name of its field (Reason: please write something.), or alone when the field has no name on the page. */
    private String describe(InvalidInput.Problem problem, String action) {
        String message = text(problem.code(), MessageArguments.plain(problem.args()));
        String field = !"text".equals(problem.field()) ? problem.field() : switch (action) {
            case "REPLY" -> "reply";
            case "STUDENT_REPLY" -> "message";
            case "ASK" -> "question";
            case "RESOLVE" -> "feedback";
            default -> "text";
        };
        String label = messages.getMessage("request.field." + field, null, null, LocaleContextHolder.getLocale());
        return label == null ? message : label + text("request.field.separator") + message;
    }

    /** A state named in a reason (cannot do that while it is DISPATCHED) in the user's language. */
    private Object[] readable(Object[] args) {
        Object[] words = MessageArguments.plain(args);
        for (int i = 0; i < words.length; i++) {
            if (words[i] instanceof String s && RequestsController.parse(TicketState.class, s) != null) {
                words[i] = text("ticket.state." + s);
            }
        }
        return words;
    }

    private long requestNumbered(Viewer viewer, String number) {
        Long other = TicketNumber.idOf(number).orElse(null);
        if (other == null || !queries.sees(viewer, other)) {
            throw new InvalidInput("number", "request.numberUnknown", number.strip());
        }
        return other;
    }

    private static long department(String id) {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput("departmentId", "ticket.unknownDepartment");
        }
    }

    private static int hours(String hours) {
        try {
            return Integer.parseInt(hours.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput("hours", "ticket.extensionHours");
        }
    }

    private static boolean isYesOrNo(String answer) {
        return "true".equals(answer) || "false".equals(answer);
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
