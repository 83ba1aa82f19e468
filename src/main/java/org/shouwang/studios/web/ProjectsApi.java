package org.shouwang.studios.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.shouwang.shared.IfMatch;
import org.shouwang.shared.Viewer;
import org.shouwang.studios.MilestoneDraft;
import org.shouwang.studios.ProjectDraft;
import org.shouwang.studios.ProjectLevel;
import org.shouwang.studios.ProjectStatus;
import org.shouwang.studios.ProjectViews;
import org.shouwang.studios.Projects;
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
 * Education projects over HTTP, through the same service as the pages. Everyone signed in reads
 * them; an administrator, the owner and the leader of the project's studio change them and tick
 * milestones (404 for anyone else). Dates are ISO (2026-09-01), campus dates.
 */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Projects", description = "Education projects (育人项目): featured and quality projects with milestones; overdue milestones flagged")
class ProjectsApi {

    private final Projects projects;

    ProjectsApi(Projects projects) {
        this.projects = projects;
    }

    /** A project as sent; owner named by username; {@code version} for PUT (If-Match wins). */
    record ProjectBody(String name, ProjectLevel level, Long studioId, String ownerUsername, String goals, LocalDate startsOn,
                       LocalDate endsOn, ProjectStatus status, String outcome, Integer version) {

        ProjectDraft draft() {
            return new ProjectDraft(name, level, studioId, ownerUsername, goals, startsOn, endsOn, status, outcome);
        }
    }

    record MilestoneBody(String title, LocalDate dueOn, String note) {

        MilestoneDraft draft() {
            return new MilestoneDraft(title, dueOn, note);
        }
    }

    /** doneOn: the day it was done (today when left out); note: replaces the milestone's note when given. */
    record DoneBody(LocalDate doneOn, String note) {
    }

    @GetMapping
    @Operation(summary = "Projects, featured first then by name, with milestones done, of all and overdue",
            description = "level, status and studioId narrow the list; overdue=true keeps those with a milestone due before "
                    + "today and not done.")
    List<ProjectViews.Row> list(Viewer viewer, @RequestParam(required = false) ProjectLevel level,
                                @RequestParam(required = false) ProjectStatus status,
                                @RequestParam(required = false) Long studioId,
                                @RequestParam(defaultValue = "false") boolean overdue) {
        return projects.list(viewer, new ProjectViews.Filter(level, status, studioId, overdue));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One project with its milestones by due date (overdue ones flagged) and whether the caller may edit it",
            description = "The ETag is its version.")
    ResponseEntity<ProjectViews.Project> project(Viewer viewer, @PathVariable long id) {
        ProjectViews.Project p = projects.project(viewer, id);
        return ResponseEntity.ok().eTag("\"" + p.version() + "\"").body(p);
    }

    @PostMapping
    @Operation(summary = "Starts a project: administrators any, other staff one they own or one of a studio they lead",
            description = "201 with the project. Every problem is a field error (required fields, end before start, an unknown "
                    + "studio or owner, a student owner, a name taken) and nothing is written then; students get 404.")
    ResponseEntity<ProjectViews.Project> create(Viewer viewer, @RequestBody ProjectBody body) {
        long id = projects.create(viewer, body.draft());
        ProjectViews.Project p = projects.project(viewer, id);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id)).eTag("\"" + p.version() + "\"").body(p);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Changes a project (all its fields) with the version last read; 409 when it changed since")
    ResponseEntity<ProjectViews.Project> update(Viewer viewer, @PathVariable long id, @RequestBody ProjectBody body,
            @Parameter(description = "The version last read; 409 when it changed since")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        projects.update(viewer, id, body.draft(), IfMatch.version(ifMatch, body.version()));
        ProjectViews.Project p = projects.project(viewer, id);
        return ResponseEntity.ok().eTag("\"" + p.version() + "\"").body(p);
    }

    @PostMapping("/{id}/milestones")
    @Operation(summary = "Adds a milestone due within the project's dates; answers the project")
    ResponseEntity<ProjectViews.Project> addMilestone(Viewer viewer, @PathVariable long id, @RequestBody MilestoneBody body) {
        long milestone = projects.addMilestone(viewer, id, body.draft());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/milestones/" + milestone))
                .body(projects.project(viewer, id));
    }

    @PutMapping("/{id}/milestones/{milestoneId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Changes a milestone's title, due date and note")
    void changeMilestone(Viewer viewer, @PathVariable long id, @PathVariable long milestoneId, @RequestBody MilestoneBody body) {
        projects.changeMilestone(viewer, id, milestoneId, body.draft());
    }

    @DeleteMapping("/{id}/milestones/{milestoneId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Removes a milestone")
    void removeMilestone(Viewer viewer, @PathVariable long id, @PathVariable long milestoneId) {
        projects.removeMilestone(viewer, id, milestoneId);
    }

    @PostMapping("/{id}/milestones/{milestoneId}/done")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Ticks a milestone done (today unless doneOn says otherwise; not in the future)")
    void done(Viewer viewer, @PathVariable long id, @PathVariable long milestoneId,
              @RequestBody(required = false) DoneBody body) {
        projects.markDone(viewer, id, milestoneId, body == null ? null : body.doneOn(), body == null ? null : body.note());
    }

    @DeleteMapping("/{id}/milestones/{milestoneId}/done")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Takes the tick off a milestone ticked by mistake")
    void reopen(Viewer viewer, @PathVariable long id, @PathVariable long milestoneId) {
        projects.reopenMilestone(viewer, id, milestoneId);
    }

}
