package org.shouwang.party;

import java.time.LocalDate;
import java.util.List;

/** What student affairs or an administrator says about a partner; contacts in the order given (at most five). */
public record PartnerDraft(String name, PartnerKind kind, String address, String purpose, LocalDate agreementSignedOn,
                           LocalDate agreementEndsOn, List<Contact> contacts) {

    public PartnerDraft {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    public record Contact(String name, String role, String phone) {
    }
}
