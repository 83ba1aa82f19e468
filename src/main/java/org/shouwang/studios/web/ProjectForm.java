package org.shouwang.studios.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.shouwang.shared.FormValues;
import org.shouwang.shared.InvalidInput;
import org.shouwang.studios.ProjectDraft;
import org.shouwang.studios.ProjectLevel;
import org.shouwang.studios.ProjectStatus;
import org.shouwang.studios.ProjectViews;

/** The project form, kept as typed so that it can be shown again with each problem beside its field. */
record ProjectForm(String name, String level, String studioId, String ownerUsername, String goals, String startsOn,
                   String endsOn, String status, String outcome, String version) {

    static final Set<String> FIELDS = Set.of("name", "level", "studioId", "ownerUsername", "goals", "startsOn", "endsOn",
            "status", "outcome");

    /** A new project: owned by whoever starts it, planned. */
    static ProjectForm empty(String ownerUsername, String studioId) {
        return new ProjectForm("", ProjectLevel.QUALITY.name(), studioId, ownerUsername, "", "", "", ProjectStatus.PLANNED.name(),
                "", "");
    }

    static ProjectForm of(ProjectViews.Project p) {
        return new ProjectForm(p.name(), p.level().name(), FormValues.text(p.studioId()), p.ownerUsername(), p.goals(),
                FormValues.text(p.startsOn()), FormValues.text(p.endsOn()), p.status().name(), FormValues.text(p.outcome()),
                String.valueOf(p.version()));
    }

    /** The draft, or the problems of values that could not be read (the service is not asked then). */
    ProjectDraft draft() {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        ProjectLevel l = FormValues.choice(ProjectLevel.class, "level", level, problems);
        ProjectStatus s = FormValues.choice(ProjectStatus.class, "status", status, problems);
        Long studio = FormValues.id("studioId", studioId, problems);
        var starts = FormValues.date("startsOn", startsOn, problems);
        var ends = FormValues.date("endsOn", endsOn, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new ProjectDraft(name, l, studio, ownerUsername, goals, starts, ends, s, outcome);
    }
}
