package org.shouwang.studios.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.shouwang.shared.FormValues;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.ProjectLevel;
import org.shouwang.studios.ProjectStatus;
import org.shouwang.studios.ProjectViews;
import org.shouwang.studios.Projects;
import org.shouwang.studios.Studios;
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
 * The pages of education projects: the list with its filters (overdue milestones shown as a
 * badge), one project with its milestones (overdue ones highlighted), and the forms. Who may not
 * change a project gets 404 on its forms and moves.
 */
@Controller
class ProjectsController {

    private final Projects projects;
    private final Studios studios;
    private final FormErrors errors;
    private final Clock clock;

    ProjectsController(Projects projects, Studios studios, FormErrors errors, Clock clock) {
        this.projects = projects;
        this.studios = studios;
        this.errors = errors;
        this.clock = clock;
    }

    @GetMapping("/projects")
    String list(Viewer viewer, @RequestParam(required = false) String level, @RequestParam(required = false) String status,
                @RequestParam(required = false) String studio, @RequestParam(defaultValue = "false") String overdue, Model model) {
        ProjectViews.Filter filter = new ProjectViews.Filter(FormValues.filter(ProjectLevel.class, level),
                FormValues.filter(ProjectStatus.class, status), FormValues.filterId(studio), "true".equals(overdue));
        model.addAttribute("rows", projects.list(viewer, filter));
        model.addAttribute("filter", filter);
        model.addAttribute("levels", ProjectLevel.values());
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("studios", studios.names());
        model.addAttribute("mayCreate", viewer.isStaff());
        return "studios-projects/list";
    }

    @GetMapping("/projects/{id}")
    String project(Viewer viewer, @PathVariable long id, Model model) {
        return detail(viewer, id, MilestoneForm.empty(), Map.of(), model);
    }

    // — the project form —

    @GetMapping("/projects/new")
    String newProject(Viewer viewer, @RequestParam(required = false) String studio, Model model) {
        requireStaff(viewer);
        Long studioId = FormValues.filterId(studio);
        return form(ProjectForm.empty(viewer.username(), studioId == null ? "" : studioId.toString()), null, Map.of(), model);
    }

    @PostMapping("/projects")
    String create(Viewer viewer, @ModelAttribute("form") ProjectForm form, BindingResult binding, Model model,
                  RedirectAttributes flash) {
        requireStaff(viewer);
        try {
            long id = projects.create(viewer, form.draft());
            flash.addFlashAttribute("success", errors.text("project.web.done.created"));
            return "redirect:/projects/" + id;
        } catch (InvalidInput invalid) {
            return form(form, null, errors.of(invalid, ProjectForm.FIELDS), model);
        }
    }

    @GetMapping("/projects/{id}/edit")
    String edit(Viewer viewer, @PathVariable long id, Model model) {
        ProjectViews.Project p = editable(viewer, id);
        return form(ProjectForm.of(p), p, Map.of(), model);
    }

    @PostMapping("/projects/{id}")
    String update(Viewer viewer, @PathVariable long id, @ModelAttribute("form") ProjectForm form, BindingResult binding,
                  Model model, RedirectAttributes flash) {
        ProjectViews.Project p = editable(viewer, id);
        try {
            projects.update(viewer, id, form.draft(), FormValues.version(form.version()));
            flash.addFlashAttribute("success", errors.text("project.web.done.updated"));
            return "redirect:/projects/" + id;
        } catch (InvalidInput invalid) {
            return form(form, p, errors.of(invalid, ProjectForm.FIELDS), model);
        } catch (RuleViolation violation) {
            return form(form, p, errors.of(violation), model);
        }
    }

    // — milestones —

    @PostMapping("/projects/{id}/milestones")
    String addMilestone(Viewer viewer, @PathVariable long id, @ModelAttribute("milestone") MilestoneForm form,
                        BindingResult binding, Model model, RedirectAttributes flash) {
        editable(viewer, id);
        try {
            projects.addMilestone(viewer, id, form.draft());
            flash.addFlashAttribute("success", errors.text("project.web.done.milestoneAdded"));
            return "redirect:/projects/" + id + "#milestones";
        } catch (InvalidInput invalid) {
            return detail(viewer, id, form, errors.of(invalid, MilestoneForm.FIELDS), model);
        }
    }

    @PostMapping("/projects/{id}/milestones/{milestoneId}/done")
    String done(Viewer viewer, @PathVariable long id, @PathVariable long milestoneId,
                @RequestParam(required = false) String doneOn, @RequestParam(required = false) String note,
                RedirectAttributes flash) {
        editable(viewer, id);
        try {
            java.util.List<InvalidInput.Problem> problems = new java.util.ArrayList<>();
            var day = FormValues.date("doneOn", doneOn, problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            projects.markDone(viewer, id, milestoneId, day, note);
            flash.addFlashAttribute("success", errors.text("project.web.done.milestoneDone"));
        } catch (InvalidInput invalid) {
            flash.addFlashAttribute("error", errors.of(invalid, java.util.Set.of()).get(FormErrors.FORM));
        }
        return "redirect:/projects/" + id + "#milestone-" + milestoneId;
    }

    @PostMapping("/projects/{id}/milestones/{milestoneId}/reopen")
    String reopen(Viewer viewer, @PathVariable long id, @PathVariable long milestoneId, RedirectAttributes flash) {
        projects.reopenMilestone(viewer, id, milestoneId);
        flash.addFlashAttribute("success", errors.text("project.web.done.milestoneReopened"));
        return "redirect:/projects/" + id + "#milestone-" + milestoneId;
    }

    @PostMapping("/projects/{id}/milestones/{milestoneId}/delete")
    String remove(Viewer viewer, @PathVariable long id, @PathVariable long milestoneId, RedirectAttributes flash) {
        projects.removeMilestone(viewer, id, milestoneId);
        flash.addFlashAttribute("success", errors.text("project.web.done.milestoneRemoved"));
        return "redirect:/projects/" + id + "#milestones";
    }

    // — helpers —

    private String detail(Viewer viewer, long id, MilestoneForm milestone, Map<String, String> milestoneErrors, Model model) {
        model.addAttribute("p", projects.project(viewer, id));
        model.addAttribute("milestone", milestone);
        model.addAttribute("errors", milestoneErrors);
        model.addAttribute("today", CampusTime.today(clock));
        return "studios-projects/detail";
    }

    private ProjectViews.Project editable(Viewer viewer, long id) {
        ProjectViews.Project p = projects.project(viewer, id);
        if (!p.mayEdit()) {
            throw new NotFoundException("project", id);
        }
        return p;
    }

    private static void requireStaff(Viewer viewer) {
        if (!viewer.isStaff()) {
            throw new NotFoundException("page", "projects/new");
        }
    }

    private String form(ProjectForm form, ProjectViews.Project p, Map<String, String> fieldErrors, Model model) {
        Map<Long, String> choices = new LinkedHashMap<>(studios.names());
        if (p != null && p.studioId() != null) {
            choices.putIfAbsent(p.studioId(), p.studioName());
        }
        model.addAttribute("form", form);
        model.addAttribute("p", p);
        model.addAttribute("errors", fieldErrors);
        model.addAttribute("levels", ProjectLevel.values());
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("studios", choices);
        return "studios-projects/form";
    }
}
