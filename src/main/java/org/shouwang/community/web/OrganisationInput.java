package org.shouwang.community.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.shouwang.community.OrganisationDraft;
import org.shouwang.community.OrganisationKind;
import org.shouwang.community.Position;
import org.shouwang.shared.CampusTime;
import org.shouwang.shared.Fields;

/**
 * What pages and API clients type, read as the service's values: a value that is not one of those
 * offered or not a date is a field error (collected in {@link Fields}), never a 500.
 */
final class OrganisationInput {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private OrganisationInput() {
    }

    /** The draft, or every problem of the values that could not be read (with the required ones left empty). */
    static OrganisationDraft draft(String name, String kind, String advisorUsername, String description, String foundedOn) {
        Fields f = new Fields();
        OrganisationKind k = f.choice(OrganisationKind.class, kind, "kind");
        LocalDate founded = f.date(foundedOn, "foundedOn");
        if (!f.ok()) {
            f.text(name, "name", Integer.MAX_VALUE, true);
            f.text(advisorUsername, "advisorUsername", Integer.MAX_VALUE, true);
            f.check();
        }
        return new OrganisationDraft(name, k, advisorUsername, description, founded);
    }

    static Position position(String value, String field, Fields f) {
        return f.choice(Position.class, value, field);
    }

    /** Campus time for the pages (templates call {@code times.at(...)}). */
    public static final class Times {
        public String at(Instant at) {
            return at == null ? "" : SHOWN.format(at.atZone(CampusTime.ZONE));
        }
    }
}
