package org.shouwang.governance.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.shouwang.shared.FormValues;
import org.shouwang.governance.DocumentDraft;
import org.shouwang.governance.DocumentFile;
import org.shouwang.governance.DocumentFormat;
import org.shouwang.governance.DocumentKind;
import org.shouwang.governance.DocumentVersionDraft;
import org.shouwang.shared.InvalidInput;

/** The new-document form and the draft form (the latter without title, kind and department), kept as typed. */
record DocumentForm(String title, String kind, String departmentId, String text, String format, String changeNote) {

    static final Set<String> FIELDS = Set.of("title", "kind", "departmentId", "text", "format", "changeNote", "file");

    static DocumentForm empty() {
        return new DocumentForm("", DocumentKind.IMPLEMENTATION_PLAN.name(), "", "", DocumentFormat.MARKDOWN.name(), "");
    }

    DocumentDraft document() {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        DocumentKind k = FormValues.choice(DocumentKind.class, "kind", kind, problems);
        Long department = FormValues.id("departmentId", departmentId, problems);
        version(null, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new DocumentDraft(title, k, department);
    }

    DocumentVersionDraft version(DocumentFile file) {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        DocumentVersionDraft v = version(file, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return v;
    }

    private DocumentVersionDraft version(DocumentFile file, List<InvalidInput.Problem> problems) {
        DocumentFormat f = FormValues.choice(DocumentFormat.class, "format", format, problems);
        return new DocumentVersionDraft(text, f, changeNote, file);
    }
}
