package org.shouwang.activities.web;

import java.util.stream.Collectors;

import org.shouwang.activities.ActivitiesProperties;
import org.shouwang.activities.AttendanceQueries;
import org.shouwang.activities.AttendanceViews.CodePurpose;
import org.shouwang.activities.AttendanceViews;
import org.shouwang.activities.CheckIns;
import org.shouwang.activities.PersonalCodes;
import org.shouwang.shared.QrCode;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.MessageArguments;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Check-in pages: the organiser's screen with the rotating QR code and live counts (refreshed by
 * htmx), the page a student's phone opens from that code (one button), staff scanning personal
 * codes or typing student numbers at the door, and the student's own personal code.
 */
@Controller
class CheckInController {

    private final CheckIns checkIns;
    private final PersonalCodes codes;
    private final AttendanceQueries queries;
    private final ActivitiesProperties properties;
    private final MessageSource messages;

    CheckInController(CheckIns checkIns, PersonalCodes codes, AttendanceQueries queries, ActivitiesProperties properties,
                      MessageSource messages) {
        this.checkIns = checkIns;
        this.codes = codes;
        this.queries = queries;
        this.properties = properties;
        this.messages = messages;
    }

    // — the organiser's screen —

    @GetMapping("/activities/{id}/check-in/display")
    String display(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "in") String mode, Model model) {
        code(viewer, id, mode, model);
        return "activities-checkin/display";
    }

    /** The QR code and counts, polled by the screen every few seconds. */
    @GetMapping("/activities/{id}/check-in/display/live")
    String displayLive(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "in") String mode, Model model) {
        code(viewer, id, mode, model);
        return "activities-checkin/display :: live";
    }

    private void code(Viewer viewer, long id, String mode, Model model) {
        AttendanceViews.CheckInCode code;
        try {
            code = checkIns.code(viewer, id, purpose(mode));
        } catch (RuleViolation notOffered) {
            code = checkIns.code(viewer, id, CodePurpose.CHECK_IN);
        }
        model.addAttribute("code", code);
        model.addAttribute("mode", code.purpose() == CodePurpose.CHECK_IN ? "in" : "out");
        if (code.token() != null) {
            String url = absolute(code.path());
            model.addAttribute("url", url);
            model.addAttribute("qr", QrCode.svg(url, text(code.purpose() == CodePurpose.CHECK_IN ? "checkIn.qrLabel" : "checkOut.qrLabel")));
        }
    }

    // — the student who scanned it —

    @GetMapping("/activities/{id}/check-in")
    String scannedIn(Viewer viewer, @PathVariable long id, @RequestParam(name = "t", defaultValue = "") String token, Model model) {
        return scanned(viewer, id, CodePurpose.CHECK_IN, token, model);
    }

    @GetMapping("/activities/{id}/check-out")
    String scannedOut(Viewer viewer, @PathVariable long id, @RequestParam(name = "t", defaultValue = "") String token, Model model) {
        return scanned(viewer, id, CodePurpose.CHECK_OUT, token, model);
    }

    @PostMapping("/activities/{id}/check-in")
    String checkIn(Viewer viewer, @PathVariable long id, @RequestParam(name = "t", defaultValue = "") String token,
                   Model model, RedirectAttributes flash) {
        try {
            AttendanceViews.CheckedIn done = checkIns.checkIn(viewer, id, token);
            flash.addFlashAttribute("success", text(done.recorded() ? "checkIn.done" : "checkIn.already", CheckInFormats.time(done.at(), properties.zone())));
            return "redirect:/activities/" + id + "/recap";
        } catch (RuleViolation violation) {
            return refused(viewer, id, CodePurpose.CHECK_IN, text(violation.code(), violation.args()), model);
        } catch (InvalidInput invalid) {
            return refused(viewer, id, CodePurpose.CHECK_IN, problems(invalid), model);
        }
    }

    @PostMapping("/activities/{id}/check-out")
    String checkOut(Viewer viewer, @PathVariable long id, @RequestParam(name = "t", defaultValue = "") String token,
                    Model model, RedirectAttributes flash) {
        try {
            AttendanceViews.CheckedOut done = checkIns.checkOut(viewer, id, token);
            flash.addFlashAttribute("success", text(done.recorded() ? "checkOut.done" : "checkOut.already",
                    CheckInFormats.time(done.checkedOutAt(), properties.zone()), done.hours().toPlainString()));
            return "redirect:/activities/" + id + "/recap";
        } catch (RuleViolation violation) {
            return refused(viewer, id, CodePurpose.CHECK_OUT, text(violation.code(), violation.args()), model);
        } catch (InvalidInput invalid) {
            return refused(viewer, id, CodePurpose.CHECK_OUT, problems(invalid), model);
        }
    }

    private String scanned(Viewer viewer, long id, CodePurpose purpose, String token, Model model) {
        try {
            model.addAttribute("scanned", checkIns.scanned(viewer, id, purpose, token));
        } catch (RuleViolation violation) {
            return refused(viewer, id, purpose, text(violation.code(), violation.args()), model);
        }
        model.addAttribute("activity", queries.recap(viewer, id));
        model.addAttribute("purpose", purpose);
        return "activities-checkin/scanned";
    }

    private String refused(Viewer viewer, long id, CodePurpose purpose, String reason, Model model) {
        model.addAttribute("activity", queries.recap(viewer, id));
        model.addAttribute("purpose", purpose);
        model.addAttribute("refused", reason);
        return "activities-checkin/scanned";
    }

    // — staff at the door —

    @GetMapping("/activities/{id}/check-in/scan")
    String scanPage(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "in") String mode, Model model) {
        code(viewer, id, mode, model);
        return "activities-checkin/scan";
    }

    @PostMapping("/activities/{id}/check-in/scan")
    String scan(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "in") String mode,
                @RequestParam(defaultValue = "") String code, @RequestHeader(name = "HX-Request", required = false) String htmx,
                Model model) {
        CodePurpose purpose = purpose(mode);
        try {
            model.addAttribute("result", checkIns.scan(viewer, id, purpose, code));
        } catch (RuleViolation violation) {
            model.addAttribute("scanError", text(violation.code(), violation.args()));
            model.addAttribute("typed", code);
        } catch (InvalidInput invalid) {
            model.addAttribute("scanError", problems(invalid));
            model.addAttribute("typed", code);
        }
        if (htmx != null) {
            model.addAttribute("counts", checkIns.counts(viewer, id));
            model.addAttribute("mode", purpose == CodePurpose.CHECK_IN ? "in" : "out");
            return "activities-checkin/scan :: result";
        }
        this.code(viewer, id, mode, model);
        return "activities-checkin/scan";
    }

    // — the student's personal code —

    @GetMapping("/me/code")
    String myCode(Viewer viewer, Model model) {
        personalCode(viewer, model);
        return "activities-checkin/my-code";
    }

    @GetMapping("/me/code/live")
    String myCodeLive(Viewer viewer, Model model) {
        personalCode(viewer, model);
        return "activities-checkin/my-code :: live";
    }

    private void personalCode(Viewer viewer, Model model) {
        if (viewer.studentId() == null) {
            throw new NotFoundException("page", "me/code");
        }
        AttendanceViews.PersonalCode code = codes.current(viewer);
        model.addAttribute("code", code);
        model.addAttribute("qr", QrCode.svg(code.token(), text("checkIn.myCode.qrLabel")));
    }

    // — helpers —

    static CodePurpose purpose(String mode) {
        return "out".equals(mode) ? CodePurpose.CHECK_OUT : CodePurpose.CHECK_IN;
    }

    private static String absolute(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() + path;
    }

    private String problems(InvalidInput invalid) {
        return invalid.problems().stream().map(p -> text(p.code(), p.args())).collect(Collectors.joining(" "));
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, MessageArguments.plain(args), LocaleContextHolder.getLocale());
    }
}
