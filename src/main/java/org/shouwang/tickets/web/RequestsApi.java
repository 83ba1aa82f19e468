package org.shouwang.tickets.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.shouwang.shared.IfMatch;
import org.shouwang.shared.InvalidInput;
import org.shouwang.shared.Page;
import org.shouwang.shared.Viewer;
import org.shouwang.tickets.Category;
import org.shouwang.tickets.Limits;
import org.shouwang.shared.Photo;
import org.shouwang.tickets.Responsibilities;
import org.shouwang.tickets.TicketNumber;
import org.shouwang.tickets.TicketQueries;
import org.shouwang.tickets.TicketState;
import org.shouwang.tickets.TicketViews;
import org.shouwang.tickets.Tickets;
import org.shouwang.tickets.web.RequestBodies.RequestDepartmentBody;
import org.shouwang.tickets.web.RequestBodies.RequestExtensionBody;
import org.shouwang.tickets.web.RequestBodies.RequestExtensionDecisionBody;
import org.shouwang.tickets.web.RequestBodies.RequestFollowUpBody;
import org.shouwang.tickets.web.RequestBodies.RequestOtherBody;
import org.shouwang.tickets.web.RequestBodies.RequestReasonBody;
import org.shouwang.tickets.web.RequestBodies.RequestRegisterBody;
import org.shouwang.tickets.web.RequestBodies.RequestReturnBody;
import org.shouwang.tickets.web.RequestBodies.RequestSubmitBody;
import org.shouwang.tickets.web.RequestBodies.RequestTextBody;
import org.shouwang.tickets.web.RequestBodies.RequestVersionBody;
import org.shouwang.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The request closed loop over HTTP: what the pages can do to a request, the API can do. Every
 * move answers 204 (GET the request for its new state, version and history); a request the caller
 * may not see answers 404 on every path; a move the state or the caller's role does not allow
 * answers 409 with the reason in the caller's language. A move sent with the version the caller
 * last read (body field {@code version} or header {@code If-Match}) is refused with 409 when the
 * request changed since.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Requests", description = "Students' requests (诉求): submit, dispatch, handle, resolve, follow up")
class RequestsApi {

    private static final String IF_MATCH_DOC = "The version last read (as the request's ETag); 409 when it changed since";

    private final Tickets tickets;
    private final TicketQueries queries;
    private final Responsibilities responsibilities;
    private final MessageSource messages;

    RequestsApi(Tickets tickets, TicketQueries queries, Responsibilities responsibilities, MessageSource messages) {
        this.tickets = tickets;
        this.queries = queries;
        this.responsibilities = responsibilities;
        this.messages = messages;
    }

    // — reading —

    @GetMapping("/requests")
    @Operation(summary = "Requests the caller may see, newest first (department and desk queues: by urgency and deadline)",
            description = "queue: MINE (own and merged-in), OWNED (as first-inquiry owner), DEPARTMENT (the caller's "
                    + "department's open requests), DESK (waiting for dispatch), DECISIONS (returned twice, for student "
                    + "affairs), VISIBLE (everything the caller may see). q: a request number or words of the text.")
    Page<TicketViews.Row> list(Viewer viewer,
                               @RequestParam(defaultValue = "VISIBLE") TicketViews.Queue queue,
                               @RequestParam(required = false) TicketState state,
                               @RequestParam(required = false) Category category,
                               @RequestParam(required = false) @Size(max = 100) String q,
                               @RequestParam(defaultValue = "false") boolean overdue,
                               @RequestParam(defaultValue = "false") boolean supervised,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "30") @Min(1) @Max(200) int size) {
        return queries.list(viewer, new TicketViews.Filter(queue, state, category, q, overdue, supervised), page, size);
    }

    @GetMapping("/requests/{id}")
    @Operation(summary = "One request: where it is, who holds it, its deadlines, its history and what the caller may do now",
            description = "Students see public steps only; staff also see internal notes and details. The ETag is the "
                    + "version to send back with a move. Every view of a psychology request is audited.")
    ResponseEntity<TicketViews.Detail> detail(Viewer viewer, @PathVariable long id) {
        TicketViews.Detail detail = queries.detail(viewer, id);
        return ResponseEntity.ok().eTag("\"" + detail.version() + "\"").body(detail);
    }

    @GetMapping("/requests/{id}/photos/{photoId}")
    @Operation(summary = "A photo attached to a request or one of its steps")
    ResponseEntity<byte[]> photo(Viewer viewer, @PathVariable long id, @PathVariable long photoId) {
        Photo photo = tickets.photo(viewer, id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(photo.data());
    }

    record CategoryView(Category value, String label, boolean urgencyAllowed, boolean confidential,
                        List<SubcategoryView> subcategories) {
    }

    record SubcategoryView(Category.Subcategory value, String label) {
    }

    @GetMapping("/requests/categories")
    @Operation(summary = "What a request can be about: categories, repair sub-categories and which may be urgent, "
            + "labelled in the caller's language")
    List<CategoryView> categories() {
        return Arrays.stream(Category.values())
                .map(c -> new CategoryView(c, label("ticket.category." + c.name()), c.allowsUrgency(), c.confidential(),
                        c.subcategories().stream().map(s -> new SubcategoryView(s, label("ticket.subcategory." + s.name())))
                                .toList()))
                .toList();
    }

    record PublishedList(int version, Instant publishedAt, String note, List<ClauseView> clauses) {
    }

    record ClauseView(String clause, Category category, String categoryLabel, Category.Subcategory subcategory,
                      String subcategoryLabel, Long buildingId, String building, long departmentId, String department,
                      String duty, Limits normal, Limits urgent) {
    }

    @GetMapping("/responsibilities")
    @Operation(summary = "The published responsibility list (部门责任清单): which department answers for which "
            + "requests, within how many hours to dispatch, respond and resolve (working hours; urgent: natural hours)")
    PublishedList responsibilities() {
        Responsibilities.Version published = responsibilities.published()
                .orElseThrow(() -> new NotFoundException("responsibilityList", "published"));
        return new PublishedList(published.version(), published.publishedAt(), published.note(),
                responsibilities.clauses(published.id()).stream()
                        .map(c -> new ClauseView(c.clause(), c.category(), label("ticket.category." + c.category().name()),
                                c.subcategory(), c.subcategory() == null ? null : label("ticket.subcategory." + c.subcategory().name()),
                                c.buildingId(), c.building(), c.departmentId(), c.department(), c.duty(), c.normal(), c.urgent()))
                        .toList());
    }

    // — submitting —

    @PostMapping(path = "/requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A student submits a request (without photos); the number is given at once",
            description = "Location: leave buildingId empty for the student's own room (location may add a detail), or "
                    + "give a building and the place in it for a public space. Urgency only where the category allows. "
                    + "When the text suggests a crisis, the answer carries the hotline to show at once.")
    ResponseEntity<TicketViews.Submitted> submit(Viewer viewer, @RequestBody RequestSubmitBody body) {
        return created(tickets.submit(viewer, body.submission(), List.of()));
    }

    @PostMapping(path = "/requests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "A student submits a request with up to 6 photos (JPEG, PNG, GIF or WebP, at most 5 MB each)")
    ResponseEntity<TicketViews.Submitted> submitWithPhotos(Viewer viewer, @ModelAttribute RequestSubmitBody body,
                                                           @RequestPart(name = "photos", required = false) List<MultipartFile> photos) {
        return created(tickets.submit(viewer, body.submission(), photos(photos)));
    }

    @PostMapping(path = "/requests/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Staff register a request a student told them in person or by phone; they become its "
            + "first-inquiry owner. solvedOnSpot with feedback closes it at once")
    ResponseEntity<TicketViews.Submitted> register(Viewer viewer, @RequestBody RequestRegisterBody body) {
        return created(tickets.register(viewer, body.registration(), List.of()));
    }

    @PostMapping(path = "/requests/register", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Staff register a request with photos")
    ResponseEntity<TicketViews.Submitted> registerWithPhotos(Viewer viewer, @ModelAttribute RequestRegisterBody body,
                                                             @RequestPart(name = "photos", required = false) List<MultipartFile> photos) {
        return created(tickets.register(viewer, body.registration(), photos(photos)));
    }

    // — moves —

    @PostMapping("/requests/{id}/accept")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The handling department accepts (签收) a dispatched or reopened request")
    void accept(Viewer viewer, @PathVariable long id, @RequestBody(required = false) RequestVersionBody body,
                @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        tickets.accept(viewer, id, IfMatch.version(ifMatch, body == null ? null : body.version()));
    }

    @PostMapping(path = "/requests/{id}/reply", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "A public reply: by the handler (the first is the first response), or by the student; a "
            + "student's reply to a question resumes the clock")
    void reply(Viewer viewer, @PathVariable long id, @RequestBody RequestTextBody body,
               @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        tickets.reply(viewer, id, body.text(), List.of(), IfMatch.version(ifMatch, body.version()));
    }

    @PostMapping(path = "/requests/{id}/reply", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "A public reply with photos")
    void replyWithPhotos(Viewer viewer, @PathVariable long id, @ModelAttribute RequestTextBody body,
                         @RequestPart(name = "photos", required = false) List<MultipartFile> photos,
                         @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        tickets.reply(viewer, id, body.text(), photos(photos), IfMatch.version(ifMatch, body.version()));
    }

    @PostMapping("/requests/{id}/notes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "An internal note, never shown to the student (staff who may see the request)")
    void note(Viewer viewer, @PathVariable long id, @RequestBody RequestTextBody body,
              @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        tickets.note(viewer, id, body.text(), IfMatch.version(ifMatch, body.version()));
    }

    @PostMapping("/requests/{id}/ask")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Ask the student for more; the clock stops until the student replies")
    void ask(Viewer viewer, @PathVariable long id, @RequestBody RequestTextBody body,
             @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        tickets.ask(viewer, id, body.text(), IfMatch.version(ifMatch, body.version()));
    }

    @PostMapping("/requests/{id}/extensions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The handler asks for more time to resolve (1–720 hours); the department head decides")
    void requestExtension(Viewer viewer, @PathVariable long id, @Valid @RequestBody RequestExtensionBody body,
                          @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        tickets.requestExtension(viewer, id, body.hours(), body.reason(), IfMatch.version(ifMatch, body.version()));
    }

    @PostMapping("/requests/{id}/extensions/decision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The department head approves or refuses the pending extension; the student is told of an approval")
    void decideExtension(Viewer viewer, @PathVariable long id, @Valid @RequestBody RequestExtensionDecisionBody body,
                         @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        tickets.decideExtension(viewer, id, body.approve(), body.note(), IfMatch.version(ifMatch, body.version()));
    }

    @PostMapping(path = "/requests/{id}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The handler resolves the request with feedback to the student; the follow-up is asked next")
    void resolve(Viewer viewer, @PathVariable long id, @RequestBody RequestTextBody body,
                 @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        tickets.resolve(viewer, id, body.text(), List.of(), IfMatch.version(ifMatch, body.version()));
    }

    @PostMapping(path = "/requests/{id}/resolve", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Resolve with feedback and photos of the result")
    void resolveWithPhotos(Viewer viewer, @PathVariable long id, @ModelAttribute RequestTextBody body,
                           @RequestPart(name = "photos", required = false) List<MultipartFile> photos,
                           @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        tickets.resolve(viewer, id, body.text(), photos(photos), IfMatch.version(ifMatch, body.version()));
    }

    @PostMapping("/requests/{id}/return")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The department returns a wrongly dispatched request to the desk, citing a clause of the "
            + "published list and a reason; returned twice, it waits for student affairs' decision")
    void returnToDispatch(Viewer viewer, @PathVariable long id, @RequestBody RequestReturnBody body,
                          @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        tickets.returnToDispatch(viewer, id, body.clause(), body.reason(), IfMatch.version(ifMatch, body.version()));
    }

    @PostMapping("/requests/{id}/dispatch")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The dispatch desk sends a request waiting for dispatch (or returned once) to a department")
    void dispatch(Viewer viewer, @PathVariable long id, @Valid @RequestBody RequestDepartmentBody body,
                  @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        tickets.dispatch(viewer, id, body.departmentId(), IfMatch.version(ifMatch, body.version()));
    }

    @PostMapping("/requests/{id}/transfer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The dispatch desk hands a request on to another department; the owner stays")
    void transfer(Viewer viewer, @PathVariable long id, @Valid @RequestBody RequestDepartmentBody body,
                  @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        tickets.transfer(viewer, id, body.departmentId(), body.reason(), IfMatch.version(ifMatch, body.version()));
    }

    @PostMapping("/requests/{id}/decision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Student affairs decides (审定) where a request returned twice goes; final: it cannot be returned again")
    void decide(Viewer viewer, @PathVariable long id, @Valid @RequestBody RequestDepartmentBody body,
                @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        tickets.decide(viewer, id, body.departmentId(), body.reason(), IfMatch.version(ifMatch, body.version()));
    }

    @PostMapping("/requests/{id}/follow-up")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The student answers the follow-up (contacted? solved? SATISFIED, BASICALLY or NOT); not solved "
            + "or not satisfied reopens it to the same department under supervision")
    void followUp(Viewer viewer, @PathVariable long id, @Valid @RequestBody RequestFollowUpBody body,
                  @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        tickets.followUp(viewer, id, body.answers(), IfMatch.version(ifMatch, body.version()));
    }

    @PostMapping("/requests/{id}/withdraw")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The student withdraws their open request")
    void withdraw(Viewer viewer, @PathVariable long id, @RequestBody(required = false) RequestReasonBody body,
                  @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        tickets.withdraw(viewer, id, body == null ? null : body.reason(), IfMatch.version(ifMatch, body == null ? null : body.version()));
    }

    @PostMapping("/requests/{id}/merge")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The dispatch desk merges this duplicate into another open request (by id or number); "
            + "both requesters follow that one and are told")
    void merge(Viewer viewer, @PathVariable long id, @RequestBody RequestOtherBody body,
               @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        tickets.merge(viewer, id, other(body), IfMatch.version(ifMatch, body.version()));
    }

    @PostMapping("/requests/{id}/links")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The dispatch desk links a related request (by id or number); the link shows on both")
    void link(Viewer viewer, @PathVariable long id, @RequestBody RequestOtherBody body,
              @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        tickets.link(viewer, id, other(body), IfMatch.version(ifMatch, body.version()));
    }

    // — helpers —

    private ResponseEntity<TicketViews.Submitted> created(TicketViews.Submitted submitted) {
        return ResponseEntity.created(URI.create("/api/v1/requests/" + submitted.id())).body(submitted);
    }

    private static List<Photo> photos(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().filter(f -> !f.isEmpty()).map(f -> {
            try {
                return Photo.of(f.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static long other(RequestOtherBody body) {
        if (body.id() != null) {
            return body.id();
        }
        if (body.number() == null || body.number().isBlank()) {
            throw new InvalidInput("id", "error.field.required");
        }
        return TicketNumber.idOf(body.number()).orElseThrow(() -> new InvalidInput("number", "error.field.type"));
    }

    private String label(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }
}
