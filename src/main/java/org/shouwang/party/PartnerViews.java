package org.shouwang.party;

import java.time.LocalDate;
import java.util.List;

/** What the partner pages and API show. Phones are masked unless the viewer may see them ({@code phonesShown}). */
public final class PartnerViews {

    private PartnerViews() {
    }

    public record Summary(long id, String name, PartnerKind kind, String address, String purpose, LocalDate agreementEndsOn,
                          boolean expiringSoon, boolean expired, boolean active) {
    }

    public record Contact(String name, String role, String phone) {
    }

    public record Partner(long id, int version, String name, PartnerKind kind, String address, String purpose,
                          LocalDate agreementSignedOn, LocalDate agreementEndsOn, boolean expiringSoon, boolean expired,
                          boolean active, LocalDate endedOn, List<Contact> contacts, boolean phonesShown) {
    }

    /** A studio co-built with the partner (its {@code partner} is the partner's name). */
    public record Studio(long id, String name, String venue, String services) {
    }
}
