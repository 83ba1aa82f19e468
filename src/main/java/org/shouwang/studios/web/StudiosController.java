package org.shouwang.studios.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.shouwang.shared.FormValues;
import org.shouwang.identity.Accounts;
import org.shouwang.residence.Residence;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.Projects;
import org.shouwang.studios.ProjectViews;
import org.shouwang.studios.StudioType;
import org.shouwang.studios.StudioViews;
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
 * The studio directory (phone first, for everyone signed in), one studio's page, and the
 * administrator's forms: set up, edit, deactivate, members. Anyone else asking for an
 * administrator's page gets 404.
 */
@Controller
class StudiosController {

    private final Studios studios;
    private final Projects projects;
    private final Accounts accounts;
    private final Residence residence;
    private final FormErrors errors;

    StudiosController(Studios studios, Projects projects, Accounts accounts, Residence residence, FormErrors errors) {
        this.studios = studios;
        this.projects = projects;
        this.accounts = accounts;
        this.residence = residence;
        this.errors = errors;
    }

    @GetMapping("/studios")
    String directory(Viewer viewer, @RequestParam(required = false) String type, @RequestParam(required = false) String building,
                     Model model) {
        StudioType chosenType = FormValues.filter(StudioType.class, type);
        Long chosenBuilding = FormValues.filterId(building);
        model.addAttribute("studios", studios.directory(chosenType, chosenBuilding));
        model.addAttribute("types", StudioType.values());
        model.addAttribute("buildings", studios.buildingsWithStudios());
        model.addAttribute("type", chosenType);
        model.addAttribute("building", chosenBuilding);
        model.addAttribute("admin", viewer.isAdmin());
        if (viewer.isAdmin()) {
            model.addAttribute("deactivated", studios.deactivated(viewer));
        }
        return "studios/list";
    }

    @GetMapping("/studios/{id}")
    String studio(Viewer viewer, @PathVariable long id, Model model) {
        StudioViews.Studio studio = visible(viewer, id);
        model.addAttribute("s", studio);
        model.addAttribute("admin", viewer.isAdmin());
        model.addAttribute("projects", projects.list(viewer, new ProjectViews.Filter(null, null, id, false)));
        if (viewer.isAdmin()) {
            Map<Long, String> usernames = new LinkedHashMap<>();
            studio.members().forEach(m -> usernames.put(m.accountId(), accounts.get(m.accountId()).username()));
            model.addAttribute("usernames", usernames);
        }
        return "studios/detail";
    }

    // — the administrator —

    @GetMapping("/studios/new")
    String newStudio(Viewer viewer, Model model) {
        requireAdmin(viewer);
        return form(StudioForm.empty(), null, Map.of(), model);
    }

    @PostMapping("/studios")
    String create(Viewer viewer, @ModelAttribute("form") StudioForm form, BindingResult binding, Model model,
                  RedirectAttributes flash) {
        requireAdmin(viewer);
        try {
            long id = studios.create(viewer, form.draft());
            flash.addFlashAttribute("success", errors.text("studio.web.done.created"));
            return "redirect:/studios/" + id;
        } catch (InvalidInput invalid) {
            return form(form, null, errors.of(invalid, StudioForm.FIELDS), model);
        }
    }

    @GetMapping("/studios/{id}/edit")
    String edit(Viewer viewer, @PathVariable long id, Model model) {
        requireAdmin(viewer);
        StudioViews.Studio s = studios.studio(id);
        return form(StudioForm.of(s, accounts.get(s.leaderAccountId()).username()), s, Map.of(), model);
    }

    @PostMapping("/studios/{id}")
    String update(Viewer viewer, @PathVariable long id, @ModelAttribute("form") StudioForm form, BindingResult binding,
                  Model model, RedirectAttributes flash) {
        requireAdmin(viewer);
        StudioViews.Studio s = studios.studio(id);
        try {
            studios.update(viewer, id, form.draft(), FormValues.version(form.version()));
            flash.addFlashAttribute("success", errors.text("studio.web.done.updated"));
            return "redirect:/studios/" + id;
        } catch (InvalidInput invalid) {
            return form(form, s, errors.of(invalid, StudioForm.FIELDS), model);
        } catch (RuleViolation violation) {
            return form(form, s, errors.of(violation), model);
        }
    }

    @PostMapping("/studios/{id}/deactivate")
    String deactivate(Viewer viewer, @PathVariable long id, RedirectAttributes flash) {
        studios.deactivate(viewer, id);
        flash.addFlashAttribute("success", errors.text("studio.web.done.deactivated"));
        return "redirect:/studios/" + id;
    }

    @PostMapping("/studios/{id}/reactivate")
    String reactivate(Viewer viewer, @PathVariable long id, RedirectAttributes flash) {
        studios.reactivate(viewer, id);
        flash.addFlashAttribute("success", errors.text("studio.web.done.reactivated"));
        return "redirect:/studios/" + id;
    }

    @PostMapping("/studios/{id}/members")
    String addMember(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String username,
                     RedirectAttributes flash) {
        return members(() -> studios.addMember(viewer, id, username), id, "studio.web.done.memberAdded", username, flash);
    }

    @PostMapping("/studios/{id}/members/remove")
    String removeMember(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String username,
                        RedirectAttributes flash) {
        return members(() -> studios.removeMember(viewer, id, username), id, "studio.web.done.memberRemoved", username, flash);
    }

    private String members(Runnable change, long id, String done, String username, RedirectAttributes flash) {
        try {
            change.run();
            flash.addFlashAttribute("success", errors.text(done, username.strip()));
        } catch (InvalidInput invalid) {
            flash.addFlashAttribute("error", errors.of(invalid, java.util.Set.of()).get(FormErrors.FORM));
            flash.addFlashAttribute("memberUsername", username);
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", errors.of(violation).get(FormErrors.FORM));
        }
        return "redirect:/studios/" + id + "#members";
    }

    // — helpers —

    /** An active studio for everyone signed in; a deactivated one for administrators only. */
    private StudioViews.Studio visible(Viewer viewer, long id) {
        StudioViews.Studio studio = studios.studio(id);
        if (!studio.active() && !viewer.isAdmin()) {
            throw new NotFoundException("studio", id);
        }
        return studio;
    }

    private static void requireAdmin(Viewer viewer) {
        if (!viewer.isAdmin()) {
            throw new NotFoundException("page", "studios/admin");
        }
    }

    private String form(StudioForm form, StudioViews.Studio studio, Map<String, String> fieldErrors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("s", studio);
        model.addAttribute("errors", fieldErrors);
        model.addAttribute("types", StudioType.values());
        model.addAttribute("buildings", residence.buildingNames());
        return "studios/form";
    }
}
