package org.shouwang.governance;

import java.time.LocalDate;

/** A decision of a meeting, to be carried out by a department (people's department id) by a day. */
public record ActionItemDraft(String decision, Long departmentId, LocalDate deadline) {
}
