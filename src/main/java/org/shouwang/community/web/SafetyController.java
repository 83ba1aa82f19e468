package org.shouwang.community.web;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.shouwang.community.IncidentCategory;
import org.shouwang.community.IncidentFilter;
import org.shouwang.community.IncidentRole;
import org.shouwang.community.IncidentStatus;
import org.shouwang.community.IncidentViews;
import org.shouwang.community.SafetyLog;
import org.shouwang.residence.Residence;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
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
 * The pages of the safety log (安全日志): the list with filters, one incident with its people and
 * actions, the new-incident form, adding an action and closing. Who sees and does what is decided
 * by {@link SafetyLog}; this class only translates HTTP.
 */
@Controller
class SafetyController {

    private static final Set<String> INCIDENT_FIELDS = Set.of("category", "occurredAt", "buildingId", "place", "description",
            "students", "named");
    private static final Set<String> ACTION_FIELDS = Set.of("takenAt", "text");
    private static final Set<String> CLOSE_FIELDS = Set.of("note");
    private static final int PAGE_SIZE = 20;

    private final SafetyLog safety;
    private final Residence residence;
    private final FormErrors errors;
    private final Clock clock;

    SafetyController(SafetyLog safety, Residence residence, FormErrors errors, Clock clock) {
        this.safety = safety;
        this.residence = residence;
        this.errors = errors;
        this.clock = clock;
    }

    @GetMapping("/safety")
    String log(Viewer viewer, @RequestParam(required = false) String category, @RequestParam(required = false) String status,
               @RequestParam(required = false) String building, @RequestParam(required = false) String from,
               @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") String page, Model model) {
        IncidentFilter filter = SafetyForms.filter(category, status, building, from, to);
        int pageNumber = page.matches("\\d{1,6}") ? Integer.parseInt(page) : 0;
        IncidentViews.Log log = safety.log(viewer, filter, pageNumber, PAGE_SIZE);
        model.addAttribute("log", log);
        model.addAttribute("filter", filter);
        model.addAttribute("pages", (int) ((log.total() + log.size() - 1) / log.size()));
        model.addAttribute("query", query(filter));
        options(model);
        return "community-safety/list";
    }

    @GetMapping("/safety/new")
    String form(Viewer viewer, Model model) {
        if (!safety.mayRecord(viewer)) {
            throw new NotFoundException("page", "safety/new");
        }
        return formPage(SafetyForms.IncidentForm.empty(CampusTime.now(clock).toLocalDateTime()), Map.of(), model);
    }

    @PostMapping("/safety")
    String record(Viewer viewer, @ModelAttribute("form") SafetyForms.IncidentForm form, BindingResult binding, Model model,
                  RedirectAttributes flash) {
        if (!safety.mayRecord(viewer)) {
            throw new NotFoundException("page", "safety/new");
        }
        try {
            IncidentViews.Incident incident = safety.record(viewer, form.draft());
            flash.addFlashAttribute("success", errors.text("safety.recorded", incident.number()));
            return "redirect:/safety/" + incident.id();
        } catch (InvalidInput invalid) {
            return formPage(form, errors.of(invalid, INCIDENT_FIELDS), model);
        }
    }

    @GetMapping("/safety/{id}")
    String incident(Viewer viewer, @PathVariable long id, Model model) {
        return incidentPage(safety.incident(viewer, id), SafetyForms.ActionForm.empty(), "", Map.of(), model);
    }

    @PostMapping("/safety/{id}/actions")
    String addAction(Viewer viewer, @PathVariable long id, @ModelAttribute("actionForm") SafetyForms.ActionForm form,
                     BindingResult binding, Model model, RedirectAttributes flash) {
        if (!safety.mayRecord(viewer)) {
            throw new NotFoundException("incident", id);
        }
        try {
            safety.addAction(viewer, id, form.action());
            flash.addFlashAttribute("success", errors.text("safety.actionAdded"));
            return "redirect:/safety/" + id;
        } catch (InvalidInput invalid) {
            return incidentPage(safety.incident(viewer, id), form, "", errors.of(invalid, ACTION_FIELDS), model);
        } catch (RuleViolation violation) {
            return incidentPage(safety.incident(viewer, id), form, "", errors.of(violation), model);
        }
    }

    @PostMapping("/safety/{id}/close")
    String close(Viewer viewer, @PathVariable long id, @ModelAttribute SafetyForms.CloseForm form, BindingResult binding,
                 Model model, RedirectAttributes flash) {
        try {
            IncidentViews.Incident incident = safety.close(viewer, id, form.note());
            flash.addFlashAttribute("success", errors.text("safety.closedNow", incident.number()));
            return "redirect:/safety/" + id;
        } catch (InvalidInput invalid) {
            return incidentPage(safety.incident(viewer, id), SafetyForms.ActionForm.empty(), form.note(),
                    errors.of(invalid, CLOSE_FIELDS), model);
        } catch (RuleViolation violation) {
            return incidentPage(safety.incident(viewer, id), SafetyForms.ActionForm.empty(), form.note(),
                    errors.of(violation), model);
        }
    }

    private String incidentPage(IncidentViews.Incident incident, SafetyForms.ActionForm actionForm, String note,
                                Map<String, String> problems, Model model) {
        model.addAttribute("incident", incident);
        model.addAttribute("actionForm", actionForm);
        model.addAttribute("note", note == null ? "" : note);
        model.addAttribute("errors", problems);
        return "community-safety/detail";
    }

    private String formPage(SafetyForms.IncidentForm form, Map<String, String> problems, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("rows", form.rows());
        model.addAttribute("errors", problems);
        options(model);
        return "community-safety/new";
    }

    private void options(Model model) {
        model.addAttribute("categories", IncidentCategory.values());
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("roles", IncidentRole.values());
        model.addAttribute("buildings", residence.buildingNames());
    }

    /** The filter as query parameters, for the pager's links. */
    private static String query(IncidentFilter f) {
        StringBuilder q = new StringBuilder();
        if (f.category() != null) {
            q.append("&category=").append(f.category());
        }
        if (f.status() != null) {
            q.append("&status=").append(f.status());
        }
        if (f.buildingId() != null) {
            q.append("&building=").append(f.buildingId());
        }
        if (f.from() != null) {
            q.append("&from=").append(f.from());
        }
        if (f.to() != null) {
            q.append("&to=").append(f.to());
        }
        return q.toString();
    }
}
