package org.shouwang.party.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.activities.ActivityViews;
import org.shouwang.party.MentorViews;
import org.shouwang.party.Mentors;
import org.shouwang.party.PartnerDraft;
import org.shouwang.party.PartnerKind;
import org.shouwang.party.PartnerViews;
import org.shouwang.party.Partners;
import org.shouwang.shared.IfMatch;
import org.shouwang.shared.Viewer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partners over HTTP, through the same service as the pages. Reading is for everyone signed in
 * (phones masked except for administrators, student affairs and leaders); keeping partners is for
 * administrators and student affairs (404 for anyone else).
 */
@RestController
@RequestMapping("/api/v1/partners")
@Tag(name = "Partners", description = "Partners (共建单位): agreements, contacts, co-built studios and joint activities")
class PartnersApi {

    private final Partners partners;
    private final Mentors mentors;

    PartnersApi(Partners partners, Mentors mentors) {
        this.partners = partners;
        this.mentors = mentors;
    }

    record PartnerBody(String name, PartnerKind kind, String address, String purpose, LocalDate agreementSignedOn,
                       LocalDate agreementEndsOn, List<PartnerDraft.Contact> contacts, Integer version) {

        PartnerDraft draft() {
            return new PartnerDraft(name, kind, address, purpose, agreementSignedOn, agreementEndsOn, contacts);
        }
    }

    /** A partner with what it does with the community. */
    record PartnerPage(PartnerViews.Partner partner, List<PartnerViews.Studio> studios, List<ActivityViews.Row> activities,
                       List<MentorViews.Summary> mentors) {
    }

    @GetMapping
    @Operation(summary = "Active partners by kind then name (ended ones with ended=true, administrators and student affairs only)",
            description = "expiringSoon flags an agreement ending within 60 days.")
    List<PartnerViews.Summary> list(Viewer viewer, @RequestParam(required = false) PartnerKind kind,
                                    @RequestParam(defaultValue = "false") boolean ended) {
        return partners.list(viewer, kind, ended);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One partner with its co-built studios, joint activities and mentors; ETag is its version",
            description = "Contacts' phones are masked unless the viewer is an administrator, student affairs or a leader.")
    ResponseEntity<PartnerPage> partner(Viewer viewer, @PathVariable long id) {
        return ResponseEntity.ok().eTag("\"" + partners.partner(viewer, id).version() + "\"").body(page(viewer, id));
    }

    @PostMapping
    @Operation(summary = "Administrators and student affairs set up a partner",
            description = "201 with the partner. Every problem is a field error (required fields, dates out of order, a name "
                    + "taken, a phone of the wrong shape as contacts[i].phone) and nothing is written then.")
    ResponseEntity<PartnerPage> create(Viewer viewer, @RequestBody PartnerBody body) {
        long id = partners.create(viewer, body.draft());
        return ResponseEntity.created(URI.create("/api/v1/partners/" + id)).body(page(viewer, id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Administrators and student affairs change a partner with the version last read (409 when it changed)")
    ResponseEntity<PartnerPage> update(Viewer viewer, @PathVariable long id, @RequestBody PartnerBody body,
            @Parameter(description = "The version last read") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        partners.update(viewer, id, body.draft(), IfMatch.version(ifMatch, body.version()));
        return ResponseEntity.ok(page(viewer, id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Administrators and student affairs end a partnership: it leaves the public list, its history stays",
            description = "409 when it has ended already.")
    void end(Viewer viewer, @PathVariable long id) {
        partners.end(viewer, id);
    }

    private PartnerPage page(Viewer viewer, long id) {
        PartnerViews.Partner p = partners.partner(viewer, id);
        return new PartnerPage(p, partners.studios(p), partners.activities(viewer, p, 20), mentors.ofPartner(id));
    }
}
