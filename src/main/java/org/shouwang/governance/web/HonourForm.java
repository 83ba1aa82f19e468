package org.shouwang.governance.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.shouwang.shared.FormValues;
import org.shouwang.governance.HonourDraft;
import org.shouwang.governance.HonourHolderKind;
import org.shouwang.governance.HonourLevel;
import org.shouwang.governance.HonourViews;
import org.shouwang.shared.InvalidInput;

/** The honour form, kept as typed so that it can be shown again with each problem beside its field. */
record HonourForm(String title, String awardingBody, String level, String awardedOn, String holder, String studentNumber,
                  String holderText, String evidenceLink) {

    static final Set<String> FIELDS = Set.of("title", "awardingBody", "level", "awardedOn", "holderKind", "holderId",
            "studentNumber", "holderText", "evidenceLink", "evidence");

    static HonourForm empty() {
        return new HonourForm("", "", HonourLevel.UNIVERSITY.name(), "", HonourHolderKind.UNIVERSITY.name(), "", "", "");
    }

    static HonourForm of(HonourViews.Honour h, String studentNumber) {
        boolean student = h.holderKind() == HonourHolderKind.STUDENT;
        String holder = h.holderId() == null || student ? h.holderKind().name() : h.holderKind().name() + ":" + h.holderId();
        return new HonourForm(h.title(), h.awardingBody(), h.level().name(), h.awardedOn().toString(), holder,
                student ? studentNumber : "",
                h.holderKind() == HonourHolderKind.UNIVERSITY ? FormValues.text(h.holderName()) : "",
                FormValues.text(h.evidenceLink()));
    }

    /** The draft, or the problems of values that could not be read (the service is not asked then). */
    HonourDraft draft() {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        HonourLevel l = FormValues.choice(HonourLevel.class, "level", level, problems);
        // the holder is chosen as KIND or KIND:id (a department, studio, project or organisation)
        String h = FormValues.blank(holder) ? "" : holder.strip();
        int colon = h.indexOf(':');
        HonourHolderKind k = FormValues.choice(HonourHolderKind.class, "holderKind", colon < 0 ? h : h.substring(0, colon),
                problems);
        Long id = colon < 0 ? null : FormValues.id("holderId", h.substring(colon + 1), problems);
        var on = FormValues.date("awardedOn", awardedOn, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new HonourDraft(title, awardingBody, l, on, k, id, studentNumber, holderText, evidenceLink);
    }
}
