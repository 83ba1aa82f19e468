package org.shouwang.activities.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.shouwang.activities.FrontLine;
import org.shouwang.activities.FrontLineViews;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.MessageArguments;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.TicketViews;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of the leaders' front line (一线规则): each leader's record of a year against the target
 * (student affairs and admins see all leaders and set the targets, a leader sees their own), and
 * the issues raised at one front-line activity, registered as requests. Everything goes through
 * {@link FrontLine}.
 */
@Controller
class FrontLineController {

    private static final Set<String> TARGET_FIELDS = Set.of("leaderAccountId", "year", "target");
    private static final Set<String> ISSUE_FIELDS = Set.of("studentNumber", "category", "subcategory", "text", "location");

    private final FrontLine frontLine;
    private final MessageSource messages;

    FrontLineController(FrontLine frontLine, MessageSource messages) {
        this.frontLine = frontLine;
        this.messages = messages;
    }

    // — the record —

    @GetMapping("/front-line")
    String summary(Viewer viewer, @RequestParam(required = false) String year, @RequestParam(required = false) String leader,
                   Model model) {
        if (!FrontLine.maySeeFrontLine(viewer)) {
            throw new NotFoundException("page", "front-line");
        }
        int chosen = year(year, model);
        return summaryPage(viewer, chosen, leader, null, Map.of(), model);
    }

    @GetMapping("/front-line/leaders/{leaderAccountId}")
    String leader(Viewer viewer, @PathVariable long leaderAccountId, @RequestParam(required = false) String year, Model model) {
        int chosen = year(year, model);
        FrontLineViews.LeaderRecord record = frontLine.record(viewer, leaderAccountId, chosen);
        model.addAttribute("record", record);
        model.addAttribute("year", chosen);
        model.addAttribute("maySetTargets", FrontLine.maySetTargets(viewer));
        return "activities-frontline/leader";
    }

    @PostMapping("/front-line/targets")
    String setTarget(Viewer viewer, @ModelAttribute("targetForm") FrontLineForms.TargetForm form, BindingResult binding,
                     Model model, RedirectAttributes flash) {
        if (!FrontLine.maySetTargets(viewer)) {
            throw new NotFoundException("page", "front-line/targets");
        }
        try {
            FrontLineForms.TargetForm.Parsed parsed = form.parsed();
            frontLine.setTarget(viewer, parsed.leaderAccountId(), parsed.year(), parsed.target());
            flash.addFlashAttribute("success", text("frontline.target.saved", String.valueOf(parsed.year()), String.valueOf(parsed.target())));
            return "redirect:/front-line?year=" + parsed.year();
        } catch (InvalidInput invalid) {
            Long typed = FrontLineForms.number(form.year(), "year", null);
            int shown = typed != null && typed >= 2000 && typed <= 2100 ? typed.intValue() : frontLine.currentYear();
            return summaryPage(viewer, shown, null, form, errors(invalid, TARGET_FIELDS), model);
        }
    }

    /** The year's page; {@code leader} (from a leader's "set target" link) fills the form with that leader's target. */
    private String summaryPage(Viewer viewer, int year, String leader, FrontLineForms.TargetForm form, Map<String, String> errors,
                               Model model) {
        FrontLineViews.Summary summary = frontLine.summary(viewer, year);
        model.addAttribute("summary", summary);
        model.addAttribute("year", year);
        if (summary.maySetTargets()) {
            if (form == null) {
                Long chosen = FrontLineForms.number(leader, "leader", null);
                Integer target = summary.leaders().stream().filter(s -> chosen != null && s.leaderAccountId() == chosen)
                        .map(FrontLineViews.LeaderSummary::target).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                form = new FrontLineForms.TargetForm(chosen == null ? "" : String.valueOf(chosen), String.valueOf(year),
                        target == null ? "" : String.valueOf(target));
            }
            model.addAttribute("leaders", frontLine.leaders(viewer));
            model.addAttribute("targetForm", form);
            model.addAttribute("errors", errors);
        } else {
            // A leader's own page: their record and the activities on it.
            model.addAttribute("record", frontLine.record(viewer, viewer.accountId(), year));
        }
        return "activities-frontline/summary";
    }

    // — the issues of one activity —

    @GetMapping("/activities/{id}/issues")
    String issues(Viewer viewer, @PathVariable long id, Model model) {
        return issuesPage(viewer, id, FrontLineForms.IssueForm.empty(), Map.of(), model);
    }

    @PostMapping("/activities/{id}/issues")
    String raise(Viewer viewer, @PathVariable long id, @ModelAttribute("form") FrontLineForms.IssueForm form,
                 BindingResult binding, Model model, RedirectAttributes flash) {
        try {
            TicketViews.Submitted submitted = frontLine.raise(viewer, id, form.draft());
            flash.addFlashAttribute("success", text("frontline.issue.registered", submitted.number()));
            return "redirect:/activities/" + id + "/issues";
        } catch (InvalidInput invalid) {
            return issuesPage(viewer, id, form, errors(invalid, ISSUE_FIELDS), model);
        } catch (RuleViolation violation) {
            return issuesPage(viewer, id, form, Map.of("form", text(violation.code(), violation.args())), model);
        }
    }

    private String issuesPage(Viewer viewer, long id, FrontLineForms.IssueForm form, Map<String, String> errors, Model model) {
        model.addAttribute("issues", frontLine.issues(viewer, id));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", Category.values());
        model.addAttribute("subcategories", Category.Subcategory.values());
        return "activities-frontline/issues";
    }

    // — helpers —

    /** The year asked for, or this year (with a note) when it is not one. */
    private int year(String year, Model model) {
        Long asked = FrontLineForms.number(year, "year", null);
        if (year != null && !year.isBlank() && (asked == null || asked < 2000 || asked > 2100)) {
            model.addAttribute("error", text("frontline.yearRange", "2000", "2100"));
        }
        return asked != null && asked >= 2000 && asked <= 2100 ? asked.intValue() : frontLine.currentYear();
    }

    private Map<String, String> errors(InvalidInput invalid, Set<String> fields) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (InvalidInput.Problem p : invalid.problems()) {
            errors.putIfAbsent(fields.contains(p.field()) ? p.field() : "form", text(p.code(), MessageArguments.plain(p.args())));
        }
        return errors;
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, MessageArguments.plain(args), LocaleContextHolder.getLocale());
    }
}
