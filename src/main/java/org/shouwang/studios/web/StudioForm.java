package org.shouwang.studios.web;

import java.util.ArrayList;
import java.util.List;

import org.shouwang.shared.FormValues;
import org.shouwang.shared.InvalidInput;
import org.shouwang.studios.StudioDraft;
import org.shouwang.studios.StudioType;
import org.shouwang.studios.StudioViews;

/** The administrator's studio form, kept as typed so that it can be shown again with each problem beside its field. */
record StudioForm(String name, String type, String buildingId, String venue, String leaderUsername, String partner,
                  String services, String openingHours, String description, String version) {

    static final java.util.Set<String> FIELDS = java.util.Set.of("name", "type", "buildingId", "venue", "leaderUsername",
            "partner", "services", "openingHours", "description");

    static StudioForm empty() {
        return new StudioForm("", "", "", "", "", "", "", "", "", "");
    }

    static StudioForm of(StudioViews.Studio s, String leaderUsername) {
        return new StudioForm(s.name(), s.type().name(), FormValues.text(s.buildingId()), s.venue(), leaderUsername,
                FormValues.text(s.partner()), s.services(), s.openingHours(), FormValues.text(s.description()),
                String.valueOf(s.version()));
    }

    /** The draft, or the problems of values that could not be read (the service is not asked then). */
    StudioDraft draft() {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        StudioType t = FormValues.choice(StudioType.class, "type", type, problems);
        Long building = FormValues.id("buildingId", buildingId, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new StudioDraft(name, t, building, venue, leaderUsername, partner, services, openingHours, description);
    }
}
