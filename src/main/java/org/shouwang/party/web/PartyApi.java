package org.shouwang.party.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.party.CommitteePosition;
import org.shouwang.party.PartyMemberStatus;
import org.shouwang.party.PartyMemberViews;
import org.shouwang.party.PartyMembers;
import org.shouwang.party.PartyOrganisations;
import org.shouwang.party.PartyViews;
import org.shouwang.shared.Fields;
import org.shouwang.shared.IfMatch;
import org.shouwang.shared.NotFoundException;
import org.shouwang.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Party organisation tree and members over HTTP, the same services as the pages. The tree and
 * member counts are for everyone signed in; members and their status only for Party roles,
 * administrators and the member themself (404 for anyone else); keeping a roster only for those
 * who manage the organisation (404 otherwise).
 */
@RestController
@RequestMapping("/api/v1/party")
@Tag(name = "Party organisation", description = "The university Party committee, the student-community working committee, "
        + "functional and college branches, their committees and members (正式党员, 预备党员, 积极分子, 入党申请人)")
class PartyApi {

    private final PartyOrganisations organisations;
    private final PartyMembers members;

    PartyApi(PartyOrganisations organisations, PartyMembers members) {
        this.organisations = organisations;
        this.members = members;
    }

    record TreeNode(PartyViews.Node node, List<PartyViews.CommitteeSeat> committee, PartyMemberViews.Counts counts) {
    }

    @GetMapping
    @Operation(summary = "The active tree, depth first, each node with its secretary, committee and member counts by status")
    List<TreeNode> tree(Viewer viewer) {
        Map<Long, PartyMemberViews.Counts> counts = members.counts();
        Map<Long, List<PartyViews.CommitteeSeat>> committees = organisations.committees();
        return organisations.tree().stream().map(n -> new TreeNode(n, committees.getOrDefault(n.id(), List.of()),
                counts.getOrDefault(n.id(), PartyMemberViews.Counts.NONE))).toList();
    }

    record OrganisationDetail(PartyViews.Organisation organisation, PartyMemberViews.Counts counts, boolean manageable) {
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organisation with its committee and member counts", description = "manageable: the caller may keep its roster.")
    OrganisationDetail organisation(Viewer viewer, @PathVariable long id) {
        return new OrganisationDetail(organisations.organisation(id), members.counts().getOrDefault(id, PartyMemberViews.Counts.NONE),
                organisations.manages(viewer, id));
    }

    record OrganisationBody(@Schema(description = "Unique, at most 100 characters") String name,
                            @Schema(description = "COMMITTEE, WORKING_COMMITTEE, GENERAL_BRANCH or BRANCH") String kind,
                            @Schema(description = "The organisation above", nullable = true) String parentId,
                            @Schema(description = "A functional branch of the community (功能型党支部)") Boolean functional,
                            @Schema(description = "The college a college branch belongs to", nullable = true) String collegeId,
                            @Schema(description = "The secretary's username", nullable = true) String secretaryUsername,
                            @Schema(description = "At most 2000 characters", nullable = true) String description,
                            @Schema(description = "YYYY-MM-DD, not in the future", nullable = true) String foundedOn,
                            @Schema(description = "For PUT: the version read; a stale one answers 409", nullable = true) Integer version) {
    }

    record Created(long id) {
    }

    @PostMapping
    @Operation(summary = "Create an organisation (administrators)")
    ResponseEntity<Created> create(Viewer viewer, @RequestBody OrganisationBody body) {
        if (!viewer.isAdmin()) {
            throw new NotFoundException("page", "party/new");
        }
        long id = organisations.create(viewer, draft(body));
        return ResponseEntity.created(URI.create("/api/v1/party/" + id)).body(new Created(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an organisation, its place in the tree or its secretary (administrators)")
    PartyViews.Organisation update(Viewer viewer, @PathVariable long id, @RequestBody OrganisationBody body,
                                   @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        if (!viewer.isAdmin()) {
            throw new NotFoundException("party-organisation", id);
        }
        organisations.update(viewer, id, draft(body), IfMatch.version(ifMatch, body.version()));
        return organisations.organisation(id);
    }

    record Version(Integer version) {
    }

    @PostMapping("/{id}/deactivate")
    @Operation(summary = "Take an organisation out of the tree (administrators; not while organisations below it are active)")
    PartyViews.Organisation deactivate(Viewer viewer, @PathVariable long id, @RequestBody(required = false) Version body) {
        organisations.deactivate(viewer, id, body == null ? null : body.version());
        return organisations.organisation(id);
    }

    record SeatBody(@Schema(description = "An enabled account's username") String username,
                    @Schema(description = "DEPUTY_SECRETARY, ORGANISATION, PROPAGANDA, DISCIPLINE or MEMBER") String position) {
    }

    @PostMapping("/{id}/committee")
    @Operation(summary = "Seat an account on the committee (those who manage the organisation)")
    PartyViews.Organisation seat(Viewer viewer, @PathVariable long id, @RequestBody SeatBody body) {
        Fields f = new Fields();
        CommitteePosition position = f.choice(CommitteePosition.class, body.position(), "position");
        if (!organisations.manages(viewer, id)) {
            throw new NotFoundException("party-organisation", id);
        }
        f.check();
        organisations.seat(viewer, id, body.username(), position);
        return organisations.organisation(id);
    }

    @GetMapping("/{id}/members")
    @Operation(summary = "The organisation's members with status and dates, and transfers in and out",
            description = "For Party roles and administrators; 404 for anyone else.")
    PartyMemberViews.Roster roster(Viewer viewer, @PathVariable long id) {
        return members.roster(viewer, id);
    }

    record MemberBody(@Schema(description = "A student number or staff number") String number,
                      @Schema(description = "APPLICANT, ACTIVIST, PROBATIONARY or FULL") String status,
                      @Schema(description = "YYYY-MM-DD", nullable = true) String appliedOn,
                      @Schema(description = "YYYY-MM-DD", nullable = true) String activistOn,
                      @Schema(description = "YYYY-MM-DD", nullable = true) String probationaryOn,
                      @Schema(description = "YYYY-MM-DD, a year or more after probationaryOn", nullable = true) String fullOn) {
    }

    @PostMapping("/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Put a student or staff member on the roster (those who manage the organisation)",
            description = "The date of the status is required; dates in order, none in the future.")
    PartyMemberViews.Detail add(Viewer viewer, @PathVariable long id, @RequestBody MemberBody body) {
        if (!organisations.manages(viewer, id)) {
            throw new NotFoundException("party-organisation", id);
        }
        long member = members.add(viewer, id, PartyInput.member(body.number(), body.status(), body.appliedOn(), body.activistOn(),
                body.probationaryOn(), body.fullOn()));
        return members.member(viewer, member);
    }

    @GetMapping("/members/{memberId}")
    @Operation(summary = "One member with their history (Party roles, administrators and the member)")
    PartyMemberViews.Detail member(Viewer viewer, @PathVariable long memberId) {
        return members.member(viewer, memberId);
    }

    record StatusBody(@Schema(description = "A later status: ACTIVIST, PROBATIONARY or FULL") String status,
                      @Schema(description = "YYYY-MM-DD: the date of the new status") String on, Integer version) {
    }

    @PostMapping("/members/{memberId}/status")
    @Operation(summary = "Move a member on to a later status as of a date (full no earlier than a year after probationary)")
    PartyMemberViews.Detail status(Viewer viewer, @PathVariable long memberId, @RequestBody StatusBody body,
                                   @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        members.member(viewer, memberId);
        Fields f = new Fields();
        PartyMemberStatus status = f.choice(PartyMemberStatus.class, body.status(), "status");
        LocalDate on = f.date(body.on(), "on");
        if (!f.ok()) {
            requireManaged(viewer, memberId);
        }
        f.check();
        members.changeStatus(viewer, memberId, status, on, IfMatch.version(ifMatch, body.version()));
        return members.member(viewer, memberId);
    }

    record TransferBody(@Schema(description = "The organisation that takes the member") String organisationId,
                        @Schema(description = "At most 500 characters", nullable = true) String note, Integer version) {
    }

    @PostMapping("/members/{memberId}/transfer")
    @Operation(summary = "Transfer a member to another organisation; both see the transfer")
    PartyMemberViews.Detail transfer(Viewer viewer, @PathVariable long memberId, @RequestBody TransferBody body,
                                     @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Fields f = new Fields();
        Long to = f.id(body.organisationId(), "organisationId");
        if (!f.ok()) {
            requireManaged(viewer, memberId);
        }
        f.check();
        members.transfer(viewer, memberId, to, body.note(), IfMatch.version(ifMatch, body.version()));
        return members.member(viewer, memberId);
    }

    record LeaveBody(@Schema(description = "YYYY-MM-DD") String on, @Schema(description = "Why; at most 500 characters") String reason,
                     Integer version) {
    }

    @PostMapping("/members/{memberId}/leave")
    @Operation(summary = "Record that a member left the roster; the record stays")
    PartyMemberViews.Detail leave(Viewer viewer, @PathVariable long memberId, @RequestBody LeaveBody body,
                                  @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Fields f = new Fields();
        LocalDate on = f.date(body.on(), "on");
        if (!f.ok()) {
            requireManaged(viewer, memberId);
        }
        f.check();
        members.leave(viewer, memberId, on, body.reason(), IfMatch.version(ifMatch, body.version()));
        return members.member(viewer, memberId);
    }

    record Me(boolean onRoster, PartyMemberViews.Detail membership) {
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's own place on a roster, with status, dates and history")
    Me me(Viewer viewer) {
        return members.mine(viewer).map(d -> new Me(true, d)).orElse(new Me(false, null));
    }

    private void requireManaged(Viewer viewer, long memberId) {
        PartyMemberViews.Detail d = members.member(viewer, memberId);
        if (!d.manageable()) {
            throw new NotFoundException("party-member", memberId);
        }
    }

    private static org.shouwang.party.PartyOrganisationDraft draft(OrganisationBody body) {
        return PartyInput.organisation(body.name(), body.kind(), body.parentId(), Boolean.TRUE.equals(body.functional()),
                body.collegeId(), body.secretaryUsername(), body.description(), body.foundedOn());
    }
}
