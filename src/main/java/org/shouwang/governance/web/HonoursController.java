package org.shouwang.governance.web;

import java.util.Map;

import org.shouwang.shared.FormValues;
import org.shouwang.governance.HonourHolderKind;
import org.shouwang.governance.HonourLevel;
import org.shouwang.governance.HonourViews;
import org.shouwang.governance.Honours;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The honour pages: the list with filters (level, holder kind, year) and counts by level and year,
 * one honour with its evidence, and for administrators and student affairs the form (404 for others).
 */
@Controller
class HonoursController {

    private final Honours honours;
    private final FormErrors errors;

    HonoursController(Honours honours, FormErrors errors) {
        this.honours = honours;
        this.errors = errors;
    }

    @GetMapping("/honours")
    String list(Viewer viewer, @RequestParam(required = false) String level, @RequestParam(required = false) String holder,
                @RequestParam(required = false) String year, Model model) {
        HonourViews.Filter filter = new HonourViews.Filter(FormValues.filter(HonourLevel.class, level),
                FormValues.filter(HonourHolderKind.class, holder), DocumentFormValues.filterYear(year));
        model.addAttribute("listing", honours.list(viewer, filter));
        model.addAttribute("filter", filter);
        model.addAttribute("levels", HonourLevel.values());
        model.addAttribute("holderKinds", HonourHolderKind.values());
        model.addAttribute("mayRecord", honours.mayRecord(viewer));
        return "honours/list";
    }

    @GetMapping("/honours/{id}")
    String honour(Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute("h", honours.honour(viewer, id));
        return "honours/detail";
    }

    @GetMapping("/honours/{id}/evidence")
    ResponseEntity<byte[]> evidence(Viewer viewer, @PathVariable long id) {
        return DocumentsController.download(honours.evidence(viewer, id));
    }

    @GetMapping("/honours/new")
    String newHonour(Viewer viewer, Model model) {
        requireRecorder(viewer);
        return form(viewer, HonourForm.empty(), null, Map.of(), model);
    }

    @PostMapping("/honours")
    String record(Viewer viewer, @ModelAttribute("form") HonourForm form, BindingResult binding,
                  @RequestParam(required = false) MultipartFile evidence, Model model, RedirectAttributes flash) {
        requireRecorder(viewer);
        try {
            long id = honours.record(viewer, form.draft(), DocumentFormValues.file(evidence));
            flash.addFlashAttribute("success", errors.text("honour.web.done.recorded"));
            return "redirect:/honours/" + id;
        } catch (InvalidInput invalid) {
            return form(viewer, form, null, errors.of(invalid, HonourForm.FIELDS), model);
        }
    }

    @GetMapping("/honours/{id}/edit")
    String edit(Viewer viewer, @PathVariable long id, Model model) {
        requireRecorder(viewer);
        HonourViews.Honour h = honours.honour(viewer, id);
        String number = h.holderKind() == HonourHolderKind.STUDENT && h.holderId() != null ? honours.studentNumberOf(h.holderId()) : "";
        return form(viewer, HonourForm.of(h, number), h, Map.of(), model);
    }

    @PostMapping("/honours/{id}")
    String revise(Viewer viewer, @PathVariable long id, @ModelAttribute("form") HonourForm form, BindingResult binding,
                  @RequestParam(required = false) MultipartFile evidence, Model model, RedirectAttributes flash) {
        requireRecorder(viewer);
        HonourViews.Honour h = honours.honour(viewer, id);
        try {
            honours.revise(viewer, id, form.draft(), DocumentFormValues.file(evidence));
            flash.addFlashAttribute("success", errors.text("honour.web.done.revised"));
            return "redirect:/honours/" + id;
        } catch (InvalidInput invalid) {
            return form(viewer, form, h, errors.of(invalid, HonourForm.FIELDS), model);
        }
    }

    @PostMapping("/honours/{id}/delete")
    String remove(Viewer viewer, @PathVariable long id, RedirectAttributes flash) {
        honours.remove(viewer, id);
        flash.addFlashAttribute("success", errors.text("honour.web.done.removed"));
        return "redirect:/honours";
    }

    private void requireRecorder(Viewer viewer) {
        if (!honours.mayRecord(viewer)) {
            throw new NotFoundException("page", "honours/edit");
        }
    }

    private String form(Viewer viewer, HonourForm form, HonourViews.Honour h, Map<String, String> fieldErrors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("h", h);
        model.addAttribute("errors", fieldErrors);
        model.addAttribute("levels", HonourLevel.values());
        model.addAttribute("choices", honours.holderChoices(viewer));
        return "honours/form";
    }
}
