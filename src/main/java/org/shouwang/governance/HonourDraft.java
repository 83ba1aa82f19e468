package org.shouwang.governance;

import java.time.LocalDate;

/**
 * An honour as recorded. The holder: {@code holderId} names the department, studio, project or
 * organisation; {@code studentNumber} the student; {@code holderText} may name the university (or
 * a part of it) in words. Evidence: a link here, or a file sent beside the draft.
 */
public record HonourDraft(String title, String awardingBody, HonourLevel level, LocalDate awardedOn, HonourHolderKind holderKind,
                          Long holderId, String studentNumber, String holderText, String evidenceLink) {
}
