package org.shouwang.governance;

/** What a document is, apart from its versions: title, kind and the department that owns it (may be null). */
public record DocumentDraft(String title, DocumentKind kind, Long departmentId) {
}
