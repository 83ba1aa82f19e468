package org.shouwang.party.web;

import java.util.List;

import org.shouwang.party.PartyDorms;
import org.shouwang.party.PartyOrganisationKind;
import org.shouwang.party.PartyOrganisations;
import org.shouwang.party.PartyViews;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Party-member dorms page (党员宿舍): a branch's managers mark and unmark the rooms where its members live. */
@Controller
class PartyDormsController {

    private final PartyDorms dorms;
    private final PartyOrganisations organisations;
    private final FormErrors errors;

    PartyDormsController(PartyDorms dorms, PartyOrganisations organisations, FormErrors errors) {
        this.dorms = dorms;
        this.organisations = organisations;
        this.errors = errors;
    }

    @GetMapping("/party/dorms")
    String dorms(Viewer viewer, @RequestParam(required = false) String org, Model model) {
        List<PartyViews.Node> managed = managed(viewer, organisations);
        if (managed.isEmpty()) {
            throw new NotFoundException("page", "party/dorms");
        }
        long chosen = managed.stream().filter(n -> org != null && String.valueOf(n.id()).equals(org.strip())).findFirst()
                .or(() -> managed.stream().filter(n -> n.kind() == PartyOrganisationKind.BRANCH).findFirst())
                .orElse(managed.get(0)).id();
        model.addAttribute("branches", managed);
        model.addAttribute("chosen", chosen);
        model.addAttribute("rooms", dorms.candidates(viewer, chosen));
        return "party-dorms/dorms";
    }

    @PostMapping("/party/{orgId}/dorms")
    String mark(Viewer viewer, @PathVariable long orgId, @RequestParam(required = false) String roomId, RedirectAttributes flash) {
        try {
            if (roomId == null || !roomId.strip().matches("\\d{1,18}")) {
                throw new RuleViolation("partyDorm.noMember");
            }
            dorms.mark(viewer, orgId, Long.parseLong(roomId.strip()));
            flash.addFlashAttribute("success", errors.text("partyDorm.marked"));
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", errors.text(violation.code(), violation.args()));
        }
        return "redirect:/party/dorms?org=" + orgId;
    }

    @PostMapping("/party/{orgId}/dorms/{roomId}/remove")
    String unmark(Viewer viewer, @PathVariable long orgId, @PathVariable long roomId, RedirectAttributes flash) {
        dorms.unmark(viewer, orgId, roomId);
        flash.addFlashAttribute("success", errors.text("partyDorm.unmarked"));
        return "redirect:/party/dorms?org=" + orgId;
    }

    /** The organisations the viewer manages, in tree order. */
    static List<PartyViews.Node> managed(Viewer viewer, PartyOrganisations organisations) {
        java.util.Set<Long> ids = organisations.managedBy(viewer);
        return organisations.tree().stream().filter(n -> ids.contains(n.id())).toList();
    }
}
