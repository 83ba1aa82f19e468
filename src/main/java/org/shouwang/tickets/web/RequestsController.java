package org.shouwang.tickets.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.shouwang.people.People;
import org.shouwang.residence.Residence;
import org.shouwang.residence.ResidenceViews;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.MessageArguments;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Page;
import org.shouwang.shared.Role;
import org.shouwang.shared.RuleViolation;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Channel;
import org.shouwang.shared.Photo;
import org.shouwang.tickets.Responsibilities;
import org.shouwang.tickets.Satisfaction;
import org.shouwang.tickets.TicketQueries;
import org.shouwang.tickets.TicketState;
import org.shouwang.tickets.TicketViews;
import org.shouwang.tickets.Tickets;
import org.shouwang.tickets.TicketsProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of requests (诉求), phone first: the signed-in user's lists, the student's submit form,
 * staff registering a request they heard, one request with its history, and the dispatch desk.
 * Every read and every move goes through {@link Tickets} and {@link TicketQueries}; the moves on
 * one request are in {@link RequestActionsController}.
 */
@Controller
class RequestsController {

    static final int PAGE_SIZE = 20;

    /** The fields the forms show an error beside. */
    private static final java.util.Set<String> FIELDS = java.util.Set.of("category", "subcategory", "urgent", "text",
            "roomDetail", "buildingId", "location", "photos", "studentNumber", "channel", "feedback");

    private final Tickets tickets;
    private final TicketQueries queries;
    private final Responsibilities responsibilities;
    private final People people;
    private final Residence residence;
    private final TicketsProperties properties;
    private final MessageSource messages;
    private final long maxUploadBytes;
    private final long maxUploadMb;

    RequestsController(Tickets tickets, TicketQueries queries, Responsibilities responsibilities, People people,
                       Residence residence, TicketsProperties properties, MessageSource messages,
                       @Value("${spring.servlet.multipart.max-request-size:20MB}") DataSize maxUpload) {
        this.tickets = tickets;
        this.queries = queries;
        this.responsibilities = responsibilities;
        this.people = people;
        this.residence = residence;
        this.properties = properties;
        this.messages = messages;
        // What one form may upload in all, less room for its text fields.
        this.maxUploadBytes = Math.max(maxUpload.toBytes() - 64 * 1024, 0);
        this.maxUploadMb = maxUpload.toMegabytes();
    }

    // — lists —

    @GetMapping("/requests")
    String list(Viewer viewer, @RequestParam(required = false) String queue, @RequestParam(required = false) String state,
                @RequestParam(required = false) String category, @RequestParam(defaultValue = "false") boolean overdue,
                @RequestParam(defaultValue = "false") boolean supervised, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response,
                Model model) {
        List<TicketViews.Queue> queues = TicketViews.Queue.listedFor(viewer);
        TicketViews.Queue chosen = queues.stream().filter(x -> x.name().equals(queue)).findFirst().orElse(queues.get(0));
        String text = q.strip().length() > 50 ? q.strip().substring(0, 50) : q.strip();
        TicketViews.Filter filter = new TicketViews.Filter(chosen, parse(TicketState.class, state),
                parse(Category.class, category), text, overdue, supervised);
        Page<TicketViews.Row> rows = queries.list(viewer, filter, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("queues", queues);
        model.addAttribute("filter", filter);
        model.addAttribute("rows", rows);
        model.addAttribute("states", TicketState.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("mayRegister", mayRegister(viewer));
        model.addAttribute("maySubmit", viewer.studentId() != null);
        model.addAttribute("pageUrl", listUrl(filter));
        if (htmx != null) {
            // The address bar follows the filter, so that a reload or a shared link shows the same list.
            response.setHeader("HX-Push-Url", listUrl(filter) + rows.page());
            return "tickets/list :: results";
        }
        return "tickets/list";
    }

    /** The desk's queue of requests to dispatch and, for student affairs, those returned twice that wait for a decision. */
    @GetMapping("/requests/desk")
    String desk(Viewer viewer, @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                Model model) {
        boolean desk = viewer.has(Role.DISPATCH_DESK);
        boolean affairs = viewer.has(Role.STUDENT_AFFAIRS);
        if (!desk && !affairs) {
            throw new NotFoundException("page", "desk");
        }
        String text = q.strip().length() > 50 ? q.strip().substring(0, 50) : q.strip();
        if (desk) {
            model.addAttribute("waiting", queries.list(viewer, queue(TicketViews.Queue.DESK, text), Math.max(page, 0), PAGE_SIZE));
        }
        if (affairs) {
            model.addAttribute("decisions", queries.list(viewer, queue(TicketViews.Queue.DECISIONS, text), 0, PAGE_SIZE));
        }
        model.addAttribute("q", text);
        model.addAttribute("pageUrl", "/requests/desk?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&page=");
        model.addAttribute("departments", people.departments());
        return "tickets/desk";
    }

    private static TicketViews.Filter queue(TicketViews.Queue queue, String q) {
        return new TicketViews.Filter(queue, null, null, q, false, false);
    }

    // — submitting and registering —

    @GetMapping("/requests/new")
    String newRequest(Viewer viewer, Model model) {
        requireStudent(viewer);
        return submitForm(viewer, RequestForm.empty(), Map.of(), false, model);
    }

    @PostMapping("/requests")
    String submit(Viewer viewer, @ModelAttribute("form") RequestForm form, BindingResult binding,
                  @RequestParam(name = "photos", required = false) List<MultipartFile> files, Model model,
                  RedirectAttributes flash) {
        requireStudent(viewer);
        List<Photo> photos = photos(files);
        try {
            TicketViews.Submitted submitted = tickets.submit(viewer, form.submission(), photos);
            submittedFlash(flash, submitted, "request.submitted");
            return "redirect:/requests/" + submitted.id();
        } catch (InvalidInput invalid) {
            return submitForm(viewer, form, fieldErrors(form, invalid), !photos.isEmpty(), model);
        } catch (RuleViolation violation) {
            return submitForm(viewer, form, formError(violation), !photos.isEmpty(), model);
        }
    }

    @GetMapping("/requests/register")
    String registerForm(Viewer viewer, Model model) {
        requireRegistrar(viewer);
        return registerForm(RequestForm.empty(), Map.of(), false, model);
    }

    @PostMapping("/requests/register")
    String register(Viewer viewer, @ModelAttribute("form") RequestForm form, BindingResult binding,
                    @RequestParam(name = "photos", required = false) List<MultipartFile> files, Model model,
                    RedirectAttributes flash) {
        requireRegistrar(viewer);
        List<Photo> photos = photos(files);
        try {
            TicketViews.Submitted submitted = tickets.register(viewer, form.registration(), photos);
            submittedFlash(flash, submitted, "request.registered");
            return "redirect:/requests/" + submitted.id();
        } catch (InvalidInput invalid) {
            return registerForm(form, fieldErrors(form, invalid), !photos.isEmpty(), model);
        } catch (RuleViolation violation) {
            return registerForm(form, formError(violation), !photos.isEmpty(), model);
        }
    }

    // — one request —

    @GetMapping("/requests/{id}")
    String detail(Viewer viewer, @PathVariable long id, Model model) {
        TicketViews.Detail detail = queries.detail(viewer, id);
        boolean requester = viewer.studentId() != null && viewer.studentId() == detail.studentId();
        model.addAttribute("d", detail);
        model.addAttribute("requester", requester);
        model.addAttribute("staffView", !requester && viewer.isStaff());
        model.addAttribute("timeline", RequestTimeline.of(detail.history(), people.departments()));
        model.addAttribute("hotline", properties.hotline());
        model.addAttribute("maxPhotos", properties.maxPhotos());
        model.addAttribute("maxPhotoMb", properties.maxPhotoBytes() / (1024 * 1024));
        model.addAttribute("maxPhotoBytes", properties.maxPhotoBytes());
        model.addAttribute("maxUploadBytes", maxUploadBytes);
        model.addAttribute("maxUploadMb", maxUploadMb);
        model.addAttribute("satisfactions", Satisfaction.values());
        if (detail.may("DISPATCH") || detail.may("TRANSFER") || detail.may("DECIDE")) {
            model.addAttribute("departments", people.departments());
        }
        if (detail.may("RETURN")) {
            model.addAttribute("clauses", responsibilities.publishedClauses());
        }
        return "tickets/detail";
    }

    @GetMapping("/requests/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(Viewer viewer, @PathVariable long id, @PathVariable long photoId) {
        Photo photo = tickets.photo(viewer, id, photoId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .header("Content-Disposition", "inline")
                .body(photo.data());
    }

    // — helpers —

    static boolean mayRegister(Viewer viewer) {
        return Tickets.mayRegister(viewer);
    }

    private static void requireStudent(Viewer viewer) {
        if (viewer.studentId() == null) {
            throw new NotFoundException("page", "submit");
        }
    }

    private static void requireRegistrar(Viewer viewer) {
        if (!mayRegister(viewer)) {
            throw new NotFoundException("page", "register");
        }
    }

    private String submitForm(Viewer viewer, RequestForm form, Map<String, String> errors, boolean photosLost, Model model) {
        model.addAttribute("room", residence.placeOf(viewer.studentId()).orElse(null));
        return form("tickets/new", form, errors, photosLost, model);
    }

    private String registerForm(RequestForm form, Map<String, String> errors, boolean photosLost, Model model) {
        model.addAttribute("channels", List.of(Channel.IN_PERSON, Channel.PHONE));
        return form("tickets/register", form, errors, photosLost, model);
    }

    private String form(String view, RequestForm form, Map<String, String> errors, boolean photosLost, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("photosLost", photosLost);
        model.addAttribute("categories", Category.values());
        model.addAttribute("subcategories", Category.Subcategory.values());
        model.addAttribute("buildings", buildings());
        model.addAttribute("maxPhotos", properties.maxPhotos());
        model.addAttribute("maxPhotoMb", properties.maxPhotoBytes() / (1024 * 1024));
        model.addAttribute("maxPhotoBytes", properties.maxPhotoBytes());
        model.addAttribute("maxUploadBytes", maxUploadBytes);
        model.addAttribute("maxUploadMb", maxUploadMb);
        return view;
    }

    private List<ResidenceViews.Building> buildings() {
        List<ResidenceViews.Building> all = new ArrayList<>();
        residence.communities().forEach(c -> all.addAll(residence.buildings(c.id())));
        return all;
    }

    /** Each problem translated and put on its field (the first problem of a field wins), or on the form. */
    private Map<String, String> fieldErrors(RequestForm form, InvalidInput invalid) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (InvalidInput.Problem p : invalid.problems()) {
            String field = form.fieldOf(p.field());
            errors.putIfAbsent(FIELDS.contains(field) ? field : "form", text(p.code(), MessageArguments.plain(p.args())));
        }
        return errors;
    }

    private Map<String, String> formError(RuleViolation violation) {
        return Map.of("form", text(violation.code(), MessageArguments.plain(violation.args())));
    }

    private void submittedFlash(RedirectAttributes flash, TicketViews.Submitted submitted, String code) {
        String message = text(code, submitted.number());
        if (submitted.department() != null && !submitted.crisis()) {
            message += " " + text("request.submittedTo", submitted.department());
        }
        flash.addFlashAttribute("success", message);
        if (submitted.crisis()) {
            flash.addFlashAttribute("crisisHotline", submitted.hotline());
        }
    }

    /** The uploaded files that carry something (a form with no file chosen sends one empty part). */
    static List<Photo> photos(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        List<Photo> photos = new ArrayList<>();
        for (MultipartFile file : files) {
            if (file == null || file.isEmpty()) {
                continue;
            }
            try {
                photos.add(Photo.of(file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return photos;
    }

    private static String listUrl(TicketViews.Filter f) {
        StringBuilder url = new StringBuilder("/requests?queue=").append(f.queue().name());
        if (f.state() != null) {
            url.append("&state=").append(f.state().name());
        }
        if (f.category() != null) {
            url.append("&category=").append(f.category().name());
        }
        if (f.overdue()) {
            url.append("&overdue=true");
        }
        if (f.supervised()) {
            url.append("&supervised=true");
        }
        if (f.q() != null && !f.q().isEmpty()) {
            url.append("&q=").append(URLEncoder.encode(f.q(), StandardCharsets.UTF_8));
        }
        return url.append("&page=").toString();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
