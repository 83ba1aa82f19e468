package org.shouwang.party.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shouwang.party.PartyOrganisations;
import org.shouwang.party.ResponsibilityZones;
import org.shouwang.residence.Residence;
import org.shouwang.shared.FormErrors;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Responsibility zones (党员责任区): my zone, and a branch's zones for its managers. */
@Controller
class ResponsibilityZonesController {

    private static final Set<String> FIELDS = Set.of("memberId", "buildingId", "floors", "rooms", "note");

    private final ResponsibilityZones zones;
    private final PartyOrganisations organisations;
    private final Residence residence;
    private final FormErrors errors;

    ResponsibilityZonesController(ResponsibilityZones zones, PartyOrganisations organisations, Residence residence, FormErrors errors) {
        this.zones = zones;
        this.organisations = organisations;
        this.residence = residence;
        this.errors = errors;
    }

    /** The form as typed: floors and rooms as comma- or space-separated lists. */
    record ZoneForm(String memberId, String buildingId, String floors, String rooms, String note) {

        static ZoneForm empty() {
            return new ZoneForm("", "", "", "", "");
        }

        ResponsibilityZones.ZoneDraft draft() {
            List<InvalidInput.Problem> problems = new ArrayList<>();
            Long member = id(memberId, "memberId", "zone.unknownMember", problems);
            Long building = id(buildingId, "buildingId", "zone.unknownBuilding", problems);
            List<Integer> floorNumbers = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            for (String token : tokens(floors)) {
                if (token.matches("-?\\d{1,4}")) {
                    floorNumbers.add(Integer.parseInt(token));
                } else {
                    bad.add(token);
                }
            }
            if (!bad.isEmpty()) {
                problems.add(new InvalidInput.Problem("floors", "zone.unknownFloor", String.join(", ", bad)));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return new ResponsibilityZones.ZoneDraft(member, building, floorNumbers, tokens(rooms), note);
        }

        private static Long id(String value, String field, String code, List<InvalidInput.Problem> problems) {
            if (value == null || value.isBlank()) {
                return null;
            }
            if (!value.strip().matches("\\d{1,18}")) {
                problems.add(new InvalidInput.Problem(field, code));
                return null;
            }
            return Long.parseLong(value.strip());
        }

        private static List<String> tokens(String text) {
            if (text == null || text.isBlank()) {
                return List.of();
            }
            return List.of(text.strip().split("[\\s,，、;；]+")).stream().filter(t -> !t.isBlank()).toList();
        }
    }

    @GetMapping("/party/zone")
    String mine(Viewer viewer, Model model) {
        model.addAttribute("zones", zones.mine(viewer));
        return "party-dorms/zone";
    }

    @GetMapping("/party/{orgId}/zones")
    String zones(Viewer viewer, @PathVariable long orgId, Model model) {
        return page(viewer, orgId, ZoneForm.empty(), Map.of(), model);
    }

    @PostMapping("/party/{orgId}/zones")
    String assign(Viewer viewer, @PathVariable long orgId, ZoneForm form, Model model, RedirectAttributes flash) {
        zones.members(viewer, orgId);
        try {
            zones.assign(viewer, orgId, form.draft());
            flash.addFlashAttribute("success", errors.text("zone.assigned"));
            return "redirect:/party/" + orgId + "/zones";
        } catch (InvalidInput invalid) {
            return page(viewer, orgId, form, errors.of(invalid, FIELDS), model);
        }
    }

    @PostMapping("/party/{orgId}/zones/{zoneId}/remove")
    String remove(Viewer viewer, @PathVariable long orgId, @PathVariable long zoneId, RedirectAttributes flash) {
        zones.remove(viewer, orgId, zoneId);
        flash.addFlashAttribute("success", errors.text("zone.removed"));
        return "redirect:/party/" + orgId + "/zones";
    }

    private String page(Viewer viewer, long orgId, ZoneForm form, Map<String, String> problems, Model model) {
        model.addAttribute("members", zones.members(viewer, orgId));
        model.addAttribute("zones", zones.zones(viewer, orgId));
        model.addAttribute("organisation", organisations.organisation(orgId));
        model.addAttribute("buildings", residence.buildingNames());
        model.addAttribute("form", form);
        model.addAttribute("errors", problems);
        return "party-dorms/zones";
    }
}
