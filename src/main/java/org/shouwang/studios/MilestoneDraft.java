package org.shouwang.studios;

import java.time.LocalDate;

/** A milestone of a project: what is to be done by when, with an optional note. */
public record MilestoneDraft(String title, LocalDate dueOn, String note) {
}
