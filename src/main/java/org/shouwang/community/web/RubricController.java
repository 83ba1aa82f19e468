package org.shouwang.community.web;

import java.util.Map;
import java.util.Set;

import org.shouwang.community.DefectKind;
import org.shouwang.community.InspectionArea;
import org.shouwang.community.InspectionViews;
import org.shouwang.community.Rubric;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's rubric page: every item, a form to add one, and editing, retiring and restoring items. */
@Controller
class RubricController {

    private static final Set<String> FIELDS = Set.of("area", "text", "maxDeduction", "kind", "repairSubcategory");

    private final Rubric rubric;
    private final org.shouwang.community.Inspections inspections;
    private final FormErrors formErrors;

    RubricController(Rubric rubric, org.shouwang.community.Inspections inspections, FormErrors formErrors) {
        this.rubric = rubric;
        this.inspections = inspections;
        this.formErrors = formErrors;
    }

    @ModelAttribute
    void tabs(Viewer viewer, Model model) {
        model.addAttribute("tabRoom", viewer.studentId() != null);
        model.addAttribute("tabWork", inspections.worksOnInspections(viewer));
    }

    @GetMapping("/inspections/rubric")
    String list(Viewer viewer, @RequestParam(required = false) Long edit, Model model) {
        InspectionViews.ItemDraft form = new InspectionViews.ItemDraft("HYGIENE", "", "5", "ORDINARY", "");
        if (edit != null && viewer.isAdmin()) {
            InspectionViews.Item item = rubric.item(edit);
            form = new InspectionViews.ItemDraft(item.area().name(), item.text(), String.valueOf(item.maxDeduction()),
                    item.kind().name(), item.repairSubcategory() == null ? "" : item.repairSubcategory());
        }
        return page(viewer, edit, form, Map.of(), model);
    }

    private String page(Viewer viewer, Long editing, InspectionViews.ItemDraft form, Map<String, String> errors, Model model) {
        model.addAttribute("items", rubric.items(viewer, false));
        model.addAttribute("isAdmin", viewer.isAdmin());
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("areas", InspectionArea.values());
        model.addAttribute("kinds", DefectKind.values());
        model.addAttribute("subcategories", Category.Subcategory.values());
        return "community-inspections/rubric";
    }

    @PostMapping("/inspections/rubric")
    String add(Viewer viewer, @RequestParam(required = false) Long id, @RequestParam(required = false) String area,
               @RequestParam(required = false) String text, @RequestParam(required = false) String maxDeduction,
               @RequestParam(required = false) String kind, @RequestParam(required = false) String repairSubcategory,
               Model model, RedirectAttributes flash) {
        if (!viewer.isAdmin()) {
            throw new NotFoundException("page", "inspections/rubric");
        }
        InspectionViews.ItemDraft draft = new InspectionViews.ItemDraft(area, text, maxDeduction, kind, repairSubcategory);
        try {
            if (id == null) {
                rubric.add(viewer, draft);
            } else {
                rubric.edit(viewer, id, draft);
            }
            flash.addFlashAttribute("success", formErrors.text("inspection.item.saved"));
            return "redirect:/inspections/rubric";
        } catch (InvalidInput invalid) {
            return page(viewer, id, draft, formErrors.of(invalid, FIELDS), model);
        }
    }

    @PostMapping("/inspections/rubric/{id}/retire")
    String retire(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "true") boolean retired, RedirectAttributes flash) {
        try {
            rubric.retire(viewer, id, retired);
            flash.addFlashAttribute("success", formErrors.text(retired ? "inspection.item.retired" : "inspection.item.restored"));
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", formErrors.text(violation.code(), violation.args()));
        }
        return "redirect:/inspections/rubric";
    }
}
