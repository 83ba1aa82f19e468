package org.shouwang.party.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.shouwang.shared.FormValues;
import org.shouwang.party.MentorParticipationDraft;
import org.shouwang.party.MentorParticipationKind;
import org.shouwang.shared.InvalidInput;

/** One entry of a mentor's participation as typed on the mentor's page. */
record MentorParticipationForm(String on, String kind, String what, String activityId, String studioId, String hours) {

    static final Set<String> FIELDS = Set.of("on", "kind", "what", "activityId", "studioId", "hours");

    static MentorParticipationForm empty(String today) {
        return new MentorParticipationForm(today, "", "", "", "", "");
    }

    MentorParticipationDraft draft() {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        var day = FormValues.date("on", on, problems);
        var k = FormValues.choice(MentorParticipationKind.class, "kind", kind, problems);
        var activity = FormValues.id("activityId", activityId, problems);
        var studio = FormValues.id("studioId", studioId, problems);
        var h = FormValues.number("hours", hours, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new MentorParticipationDraft(day, k, what, activity, studio, h);
    }
}
