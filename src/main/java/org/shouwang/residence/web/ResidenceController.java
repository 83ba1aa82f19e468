package org.shouwang.residence.web;

import java.util.function.Supplier;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.shouwang.people.People;
import org.shouwang.people.StudentSummary;
import org.shouwang.residence.Residence;
import org.shouwang.residence.ResidenceViews;
import org.shouwang.shared.RoomBadges;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the horizontal chain: communities → buildings (vacancy map) → rooms → beds, and bed assignment. */
@Controller
class ResidenceController {

    private final Residence residence;
    private final People people;
    private final MessageSource messages;
    private final java.util.List<RoomBadges> badges;

    ResidenceController(Residence residence, People people, MessageSource messages, java.util.List<RoomBadges> badges) {
        this.residence = residence;
        this.people = people;
        this.messages = messages;
        this.badges = badges;
    }

    /** Rooms of the building that are Party-member dorms (党员宿舍), as the party module tells. */
    private java.util.Set<Long> partyDorms(long buildingId) {
        java.util.Set<Long> rooms = new java.util.HashSet<>();
        badges.forEach(b -> rooms.addAll(b.partyMemberDorms(buildingId)));
        return rooms;
    }

    @GetMapping("/communities")
    String communities(Viewer viewer, Model model) {
        viewer.requireStaff();
        model.addAttribute("communities", residence.communities());
        return "residence/communities";
    }

    @GetMapping("/communities/{id}")
    String community(Viewer viewer, @PathVariable long id, Model model) {
        viewer.requireStaff();
        model.addAttribute("community", residence.community(id));
        model.addAttribute("buildings", residence.buildings(id));
        return "residence/community";
    }

    @GetMapping("/buildings/mine")
    String myBuildings(Viewer viewer, Model model) {
        var buildings = residence.buildingsServedBy(viewer);
        if (buildings.size() == 1) {
            return "redirect:/buildings/" + buildings.get(0).id();
        }
        model.addAttribute("buildings", buildings);
        return "residence/my-buildings";
    }

    @GetMapping("/buildings/{id}")
    String building(Viewer viewer, @PathVariable long id, Model model) {
        residence.requireVisible(viewer, id);
        model.addAttribute("building", residence.building(id));
        model.addAttribute("floors", residence.vacancyMap(id));
        model.addAttribute("partyDorms", partyDorms(id));
        model.addAttribute("mayAssign", residence.mayAssign(viewer, id));
        return "residence/building";
    }

    @GetMapping("/rooms/{id}")
    String room(Viewer viewer, @PathVariable long id, Model model) {
        ResidenceViews.RoomDetail room = residence.room(viewer, id);
        residence.requireVisible(viewer, room.buildingId());
        model.addAttribute("room", room);
        model.addAttribute("partyDorm", partyDorms(room.buildingId()).contains(room.id()));
        model.addAttribute("mayAssign", residence.mayAssign(viewer, room.buildingId()));
        return "residence/room";
    }

    @GetMapping("/students/{id}/stays")
    String stays(Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute("stays", residence.staysOf(viewer, id));
        return "residence/stays :: stays";
    }

    record AssignForm(@NotBlank @Size(max = 32) String studentNumber) {
    }

    @PostMapping("/beds/{bedId}/assign")
    String assign(Viewer viewer, @PathVariable long bedId, @RequestParam long roomId, @RequestParam String action,
                  @Validated AssignForm form, BindingResult errors, RedirectAttributes flash) {
        if (errors.hasErrors()) {
            flash.addFlashAttribute("error", text("bed.studentNumberRequired"));
            return "redirect:/rooms/" + roomId;
        }
        return attempt(flash, "/rooms/" + roomId, () -> {
            StudentSummary student = people.studentByNumber(form.studentNumber())
                    .orElseThrow(() -> new RuleViolation("student.unknown", form.studentNumber()));
            if ("move".equals(action)) {
                residence.move(viewer, student.id(), bedId);
                return text("bed.moved", student.name());
            }
            residence.checkIn(viewer, student.id(), bedId);
            return text("bed.checkedIn", student.name());
        });
    }

    @PostMapping("/students/{studentId}/check-out")
    String checkOut(Viewer viewer, @PathVariable long studentId, @RequestParam long roomId, RedirectAttributes flash) {
        return attempt(flash, "/rooms/" + roomId, () -> {
            residence.checkOut(viewer, studentId);
            return text("bed.checkedOut");
        });
    }

    @PostMapping("/beds/{bedId}/reserved")
    String reserve(Viewer viewer, @PathVariable long bedId, @RequestParam long roomId, @RequestParam boolean reserved,
                   RedirectAttributes flash) {
        return attempt(flash, "/rooms/" + roomId, () -> {
            residence.reserve(viewer, bedId, reserved);
            return null;
        });
    }

    @PostMapping("/admin/buildings/{id}/appointments")
    String appoint(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String managerNumber,
                   @RequestParam(defaultValue = "") String leaderNumber, RedirectAttributes flash) {
        return attempt(flash, "/buildings/" + id, () -> {
            residence.appoint(viewer, id, managerNumber, leaderNumber);
            return text("building.appointed");
        });
    }

    @PostMapping("/admin/floors/{id}/leader")
    String appointFloorLeader(Viewer viewer, @PathVariable long id, @RequestParam long buildingId,
                              @RequestParam(defaultValue = "") String leaderNumber, RedirectAttributes flash) {
        return attempt(flash, "/buildings/" + buildingId, () -> {
            residence.appointFloorLeader(viewer, id, leaderNumber);
            return text("building.appointed");
        });
    }

    /**
     * Runs a page action and redirects; the action's success message (null for none) or the
     * reason of the rule it broke is shown on the page it redirects to.
     */
    private String attempt(RedirectAttributes flash, String redirect, Supplier<String> action) {
        try {
            String success = action.get();
            if (success != null) {
                flash.addFlashAttribute("success", success);
            }
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("error", text(violation.code(), violation.args()));
        }
        return "redirect:" + redirect;
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
