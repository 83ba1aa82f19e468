package org.shouwang.activities.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.shouwang.activities.Activities;
import org.shouwang.activities.ActivitiesProperties;
import org.shouwang.activities.ActivityQueries;
import org.shouwang.activities.ActivityState;
import org.shouwang.activities.ActivityType;
import org.shouwang.activities.ActivityViews;
import org.shouwang.activities.Audience;
import org.shouwang.activities.FiveEducation;
import org.shouwang.activities.OrganiserKind;
import org.shouwang.identity.Accounts;
import org.shouwang.people.People;
import org.shouwang.residence.Residence;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.MessageArguments;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Page;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.spaces.Spaces;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of activities, phone first: the lists (public, mine, those I organise, those waiting
 * for approval) with their filters, the organiser's form, and one activity with what the viewer
 * may do there. Reads go through {@link ActivityQueries}, writes through {@link Activities}; the
 * moves on one activity are in {@link ActivityActionsController}.
 */
@Controller
class ActivitiesController {

    static final int PAGE_SIZE = 20;

    /** The form's fields; a problem about anything else is shown above the form. */
    private static final Set<String> FIELDS = Set.of("title", "description", "type", "series", "brand", "educations",
            "organiserKind", "organiser", "leaderAccountId", "buildingId", "venue", "startsAt", "endsAt", "audience",
            "audienceCollegeId", "audienceGrade", "audienceBuildingId", "capacity", "waitlistLimit", "registrationOpensAt",
            "registrationClosesAt", "cancelBy", "hours", "credits", "spaceId");

    private final Activities activities;
    private final ActivityQueries queries;
    private final People people;
    private final Residence residence;
    private final Accounts accounts;
    private final ActivitiesProperties properties;
    private final MessageSource messages;
    private final Clock clock;
    private final ActivityTimes times;
    private final Spaces spaces;

    ActivitiesController(Activities activities, ActivityQueries queries, People people, Residence residence, Accounts accounts,
                         ActivitiesProperties properties, MessageSource messages, Spaces spaces, Clock clock) {
        this.spaces = spaces;
        this.activities = activities;
        this.queries = queries;
        this.people = people;
        this.residence = residence;
        this.accounts = accounts;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
        this.times = new ActivityTimes(properties.zone());
    }

    // — lists —

    @GetMapping("/activities")
    String list(Viewer viewer, @RequestParam(required = false) String scope, @RequestParam(required = false) String education,
                @RequestParam(required = false) String type, @RequestParam(defaultValue = "") String series,
                @RequestParam(defaultValue = "") String brand, @RequestParam(defaultValue = "") String from,
                @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String building,
                @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response, Model model) {
        List<ActivityViews.Scope> scopes = scopesOf(viewer);
        ActivityViews.Scope chosen = scopes.stream().filter(s -> s.name().equals(scope)).findFirst().orElse(scopes.get(0));
        ActivityViews.Filter filter = new ActivityViews.Filter(chosen, parse(FiveEducation.class, education),
                parse(ActivityType.class, type), cut(series, 100), cut(brand, 100), date(from), date(to),
                viewer.studentId() != null && "true".equals(building), cut(q, 50));
        Page<ActivityViews.Row> rows = queries.list(viewer, filter, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("scopes", scopes);
        model.addAttribute("filter", filter);
        model.addAttribute("rows", rows);
        model.addAttribute("allEducations", FiveEducation.values());
        model.addAttribute("types", ActivityType.values());
        model.addAttribute("seriesInUse", queries.seriesInUse());
        model.addAttribute("brandsInUse", queries.brandsInUse());
        model.addAttribute("mayCreate", viewer.isStaff());
        model.addAttribute("isStudent", viewer.studentId() != null);
        model.addAttribute("approver", viewer.isAdmin() || viewer.has(Role.STUDENT_AFFAIRS));
        model.addAttribute("times", times);
        model.addAttribute("pageUrl", listUrl(filter));
        if (htmx != null) {
            // The address bar follows the filter, so that a reload or a shared link shows the same list.
            response.setHeader("HX-Push-Url", listUrl(filter) + rows.page());
            return "activities/list :: results";
        }
        return "activities/list";
    }

    /** The lists a viewer has: everyone the public one; students theirs; staff those they organise; approvers the waiting ones. */
    static List<ActivityViews.Scope> scopesOf(Viewer viewer) {
        List<ActivityViews.Scope> scopes = new ArrayList<>();
        scopes.add(ActivityViews.Scope.PUBLIC);
        if (viewer.studentId() != null) {
            scopes.add(ActivityViews.Scope.REGISTERED);
        }
        if (viewer.isStaff()) {
            scopes.add(ActivityViews.Scope.ORGANISED);
        }
        if (viewer.isAdmin() || viewer.has(Role.STUDENT_AFFAIRS)) {
            scopes.add(ActivityViews.Scope.PENDING);
        }
        return scopes;
    }

    // — the organiser's form —

    /** The empty form; {@code organiserKind} and {@code organiser} (e.g. from an organisation's page) fill the organiser in. */
    @GetMapping("/activities/new")
    String newActivity(Viewer viewer, @RequestParam(required = false) String organiserKind,
                       @RequestParam(required = false) String organiser, Model model) {
        requireStaff(viewer);
        OrganiserKind kind = parse(OrganiserKind.class, organiserKind);
        return form(ActivityForm.empty().organisedBy(kind == null ? "" : kind.name(), cut(organiser, 100)), null, Map.of(), model);
    }

    @PostMapping("/activities")
    String create(Viewer viewer, @ModelAttribute("form") ActivityForm form, BindingResult binding, Model model,
                  RedirectAttributes flash) {
        requireStaff(viewer);
        try {
            long id = activities.create(viewer, form.draft(times));
            flash.addFlashAttribute("success", text("activity.web.done.created"));
            return "redirect:/activities/" + id;
        } catch (InvalidInput invalid) {
            return form(form, null, fieldErrors(invalid), model);
        } catch (RuleViolation violation) {
            return form(form, null, Map.of("form", text(violation.code(), MessageArguments.plain(violation.args()))), model);
        }
    }

    @GetMapping("/activities/{id}/edit")
    String edit(Viewer viewer, @PathVariable long id, Model model, RedirectAttributes flash) {
        ActivityViews.Detail detail = editable(viewer, id);
        if (!detail.moves().edit()) {
            flash.addFlashAttribute("error", text("activity.illegalMove", text("activity.state." + detail.state())));
            return "redirect:/activities/" + id;
        }
        return form(ActivityForm.of(detail, times), detail, Map.of(), model);
    }

    @PostMapping("/activities/{id}")
    String revise(Viewer viewer, @PathVariable long id, @ModelAttribute("form") ActivityForm form, BindingResult binding,
                  Model model, RedirectAttributes flash) {
        ActivityViews.Detail detail = editable(viewer, id);
        try {
            activities.revise(viewer, id, form.draft(times), form.expectedVersion());
            flash.addFlashAttribute("success", text("activity.web.done.revised"));
            return "redirect:/activities/" + id;
        } catch (InvalidInput invalid) {
            return form(form, detail, fieldErrors(invalid), model);
        } catch (RuleViolation violation) {
            return form(form, detail, Map.of("form", text(violation.code(), readable(violation.args()))), model);
        }
    }

    // — one activity —

    @GetMapping("/activities/{id}")
    String detail(Viewer viewer, @PathVariable long id, Model model) {
        ActivityViews.Detail d = queries.detail(viewer, id);
        Instant now = clock.instant();
        model.addAttribute("d", d);
        model.addAttribute("times", times);
        model.addAttribute("allEducations", FiveEducation.values());
        model.addAttribute("isStudent", viewer.studentId() != null);
        model.addAttribute("registrationOpen", d.state() == ActivityState.PUBLISHED
                && !now.isBefore(d.plan().registrationOpensAt()) && now.isBefore(d.plan().registrationClosesAt()));
        model.addAttribute("registrationNotYetOpen", now.isBefore(d.plan().registrationOpensAt()));
        model.addAttribute("over", !now.isBefore(d.plan().endsAt()));
        Instant checkInFrom = d.plan().startsAt().minus(properties.checkInOpensBefore());
        model.addAttribute("checkInFrom", checkInFrom);
        model.addAttribute("checkInOpen", d.state() == ActivityState.PUBLISHED && !now.isBefore(checkInFrom)
                && !now.isAfter(d.plan().endsAt()));
        if (d.moves().manage()) {
            model.addAttribute("registrations", queries.registrations(viewer, id));
        }
        return "activities/detail";
    }

    // — helpers —

    private ActivityViews.Detail editable(Viewer viewer, long id) {
        ActivityViews.Detail detail = queries.detail(viewer, id);
        if (!detail.moves().manage()) {
            throw new NotFoundException("activity", id);
        }
        return detail;
    }

    private static void requireStaff(Viewer viewer) {
        if (!viewer.isStaff()) {
            throw new NotFoundException("page", "activities/new");
        }
    }

    private String form(ActivityForm form, ActivityViews.Detail detail, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("d", detail);
        model.addAttribute("errors", errors);
        model.addAttribute("types", ActivityType.values());
        model.addAttribute("allEducations", FiveEducation.values());
        model.addAttribute("organiserKinds", OrganiserKind.values());
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("seriesInUse", queries.seriesInUse());
        model.addAttribute("brandsInUse", queries.brandsInUse());
        model.addAttribute("buildings", residence.buildingNames());
        model.addAttribute("spaces", spaces.list(null, null));
        model.addAttribute("colleges", people.colleges());
        model.addAttribute("leaders", leaders());
        model.addAttribute("zone", properties.zone().getId());
        return "activities/form";
    }

    /** The university leaders an activity may be led by, by name. */
    private Map<Long, String> leaders() {
        Map<Long, String> leaders = new LinkedHashMap<>();
        accounts.holding(Role.LEADER, null).stream()
                .map(accounts::get)
                .sorted(Comparator.comparing(a -> a.displayName()))
                .forEach(a -> leaders.put(a.id(), a.displayName()));
        return leaders;
    }

    /** Each problem translated and put on its field (the first problem of a field wins), or above the form. */
    private Map<String, String> fieldErrors(InvalidInput invalid) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (InvalidInput.Problem p : invalid.problems()) {
            errors.putIfAbsent(FIELDS.contains(p.field()) ? p.field() : "form", text(p.code(), MessageArguments.plain(p.args())));
        }
        return errors;
    }

    private static String listUrl(ActivityViews.Filter f) {
        StringBuilder url = new StringBuilder("/activities?scope=").append(f.scope().name());
        if (f.education() != null) {
            url.append("&education=").append(f.education().name());
        }
        if (f.type() != null) {
            url.append("&type=").append(f.type().name());
        }
        append(url, "series", f.series());
        append(url, "brand", f.brand());
        if (f.from() != null) {
            url.append("&from=").append(f.from());
        }
        if (f.to() != null) {
            url.append("&to=").append(f.to());
        }
        if (f.inMyBuilding()) {
            url.append("&building=true");
        }
        append(url, "q", f.q());
        return url.append("&page=").toString();
    }

    private static void append(StringBuilder url, String name, String value) {
        if (value != null && !value.isEmpty()) {
            url.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String cut(String value, int max) {
        String v = value == null ? "" : value.strip();
        return v.length() > max ? v.substring(0, max) : v;
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A state named in a reason (not possible while the activity is SUBMITTED) in the reader's language. */
    Object[] readable(Object[] args) {
        Object[] words = MessageArguments.plain(args);
        for (int i = 0; i < words.length; i++) {
            if (words[i] instanceof String s && parse(ActivityState.class, s) != null) {
                words[i] = text("activity.state." + s);
            }
        }
        return words;
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
