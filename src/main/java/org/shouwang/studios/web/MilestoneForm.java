package org.shouwang.studios.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.shouwang.shared.FormValues;
import org.shouwang.shared.InvalidInput;
import org.shouwang.studios.MilestoneDraft;

/** A milestone added on the project's page. */
record MilestoneForm(String title, String dueOn, String note) {

    static final Set<String> FIELDS = Set.of("title", "dueOn", "note");

    static MilestoneForm empty() {
        return new MilestoneForm("", "", "");
    }

    MilestoneDraft draft() {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        var due = FormValues.date("dueOn", dueOn, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new MilestoneDraft(title, due, note);
    }
}
