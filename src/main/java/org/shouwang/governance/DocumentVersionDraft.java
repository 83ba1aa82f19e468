package org.shouwang.governance;

/** A version being drafted: its text, how it is written, what changed, and an attached file (null: none, or keep the draft's). */
public record DocumentVersionDraft(String text, DocumentFormat format, String changeNote, DocumentFile file) {
}
