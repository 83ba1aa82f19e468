package org.shouwang.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the honour pages and API show. */
public final class HonourViews {

    private HonourViews() {
    }

    /** Which honours to list; every part may be null. */
    public record Filter(HonourLevel level, HonourHolderKind holderKind, Integer year) {

        public static Filter everything() {
            return new Filter(null, null, null);
        }
    }

    /** An honour; {@code holderName} is the department, studio, project, organisation or student by name, or the text given. */
    public record Honour(long id, String title, String awardingBody, HonourLevel level, LocalDate awardedOn,
                         HonourHolderKind holderKind, Long holderId, String holderName, String holderLink, String evidenceLink,
                         String evidenceName, String evidenceType, boolean mayEdit) {

        public boolean hasEvidenceFile() {
            return evidenceName != null;
        }

        public boolean evidenceIsImage() {
            return evidenceType != null && evidenceType.startsWith("image/");
        }
    }

    /** How many honours at each level and in each year (newest year first), over all honours. */
    public record Counts(Map<HonourLevel, Long> byLevel, Map<Integer, Long> byYear, long total) {
    }

    /** The list as a page shows it: the honours the filter asks for and the counts of all. */
    public record Listing(List<Honour> honours, Counts counts) {
    }
}
