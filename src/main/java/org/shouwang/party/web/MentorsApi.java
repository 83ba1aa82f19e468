package org.shouwang.party.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.party.MentorDraft;
import org.shouwang.party.MentorExpertise;
import org.shouwang.party.MentorParticipationDraft;
import org.shouwang.party.MentorParticipationKind;
import org.shouwang.party.MentorViews;
import org.shouwang.party.Mentors;
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
 * Off-campus mentors over HTTP: the directory and a mentor (everyone signed in, phones masked as
 * on the pages), keeping mentors (administrators and student affairs), and their participation
 * (read by staff; logged by administrators, student affairs and studio staff).
 */
@RestController
@RequestMapping("/api/v1/mentors")
@Tag(name = "Mentors", description = "Off-campus mentors (校外育人力量): directory by expertise, participation and hours")
class MentorsApi {

    private final Mentors mentors;

    MentorsApi(Mentors mentors) {
        this.mentors = mentors;
    }

    record MentorBody(String name, String affiliation, Long partnerId, Set<MentorExpertise> expertise, String title, String bio,
                      String phone, Integer version) {

        MentorDraft draft() {
            return new MentorDraft(name, affiliation, partnerId, expertise, title, bio, phone);
        }
    }

    record ParticipationBody(LocalDate on, MentorParticipationKind kind, String what, Long activityId, Long studioId,
                             BigDecimal hours) {

        MentorParticipationDraft draft() {
            return new MentorParticipationDraft(on, kind, what, activityId, studioId, hours);
        }
    }

    record Created(long id) {
    }

    @GetMapping
    @Operation(summary = "The directory: active mentors by name, with expertise and this year's hours",
            description = "expertise narrows to one of the fixed list (an unknown value is a 400 field error); q searches name, "
                    + "affiliation and title.")
    List<MentorViews.Summary> directory(@RequestParam(required = false) MentorExpertise expertise,
                                        @RequestParam(required = false) String q) {
        return mentors.directory(expertise, q);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One mentor with yearly participation totals; ETag is its version")
    ResponseEntity<MentorViews.Mentor> mentor(Viewer viewer, @PathVariable long id) {
        MentorViews.Mentor m = mentors.mentor(viewer, id);
        return ResponseEntity.ok().eTag("\"" + m.version() + "\"").body(m);
    }

    @PostMapping
    @Operation(summary = "Administrators and student affairs record a mentor",
            description = "Field errors: required name, affiliation and expertise, an unknown partner, a phone of the wrong shape.")
    ResponseEntity<MentorViews.Mentor> create(Viewer viewer, @RequestBody MentorBody body) {
        long id = mentors.create(viewer, body.draft());
        return ResponseEntity.created(URI.create("/api/v1/mentors/" + id)).body(mentors.mentor(viewer, id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Administrators and student affairs change a mentor with the version last read (409 when it changed)")
    MentorViews.Mentor update(Viewer viewer, @PathVariable long id, @RequestBody MentorBody body,
            @Parameter(description = "The version last read") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        mentors.update(viewer, id, body.draft(), IfMatch.version(ifMatch, body.version()));
        return mentors.mentor(viewer, id);
    }

    @GetMapping("/{id}/participation")
    @Operation(summary = "A mentor's participation, newest first, optionally of one year: staff only (404 for students)")
    List<MentorViews.Participation> participation(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Integer year) {
        return mentors.participation(viewer, id, year);
    }

    @PostMapping("/{id}/participation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Administrators, student affairs and studio staff log what a mentor did",
            description = "Field errors: a day in the future, hours outside 0.5–24 or finer than tenths, an unknown activity or studio.")
    Created log(Viewer viewer, @PathVariable long id, @RequestBody ParticipationBody body) {
        return new Created(mentors.log(viewer, id, body.draft()));
    }

    @DeleteMapping("/{id}/participation/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Administrators, student affairs and studio staff remove a wrong entry")
    void remove(Viewer viewer, @PathVariable long id, @PathVariable long entryId) {
        mentors.remove(viewer, id, entryId);
    }
}
