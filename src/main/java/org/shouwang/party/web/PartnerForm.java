package org.shouwang.party.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.shouwang.shared.FormValues;
import org.shouwang.party.PartnerDraft;
import org.shouwang.party.PartnerKind;
import org.shouwang.party.PartnerViews;
import org.shouwang.shared.InvalidInput;

/** The partner form as typed, with up to three contacts, so that it can be shown again with each problem beside its field. */
record PartnerForm(String name, String kind, String address, String purpose, String agreementSignedOn, String agreementEndsOn,
                   String c0Name, String c0Role, String c0Phone, String c1Name, String c1Role, String c1Phone,
                   String c2Name, String c2Role, String c2Phone, String version) {

    static final Set<String> FIELDS = Set.of("name", "kind", "address", "purpose", "agreementSignedOn", "agreementEndsOn",
            "contacts[0].name", "contacts[0].role", "contacts[0].phone", "contacts[1].name", "contacts[1].role",
            "contacts[1].phone", "contacts[2].name", "contacts[2].role", "contacts[2].phone");

    static PartnerForm empty() {
        return new PartnerForm("", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "");
    }

    static PartnerForm of(PartnerViews.Partner p) {
        List<PartnerViews.Contact> c = p.contacts();
        String[] v = new String[9];
        for (int i = 0; i < 3; i++) {
            v[i * 3] = i < c.size() ? c.get(i).name() : "";
            v[i * 3 + 1] = i < c.size() ? c.get(i).role() : "";
            v[i * 3 + 2] = i < c.size() ? c.get(i).phone() : "";
        }
        return new PartnerForm(p.name(), p.kind().name(), p.address(), p.purpose(), FormValues.text(p.agreementSignedOn()),
                FormValues.text(p.agreementEndsOn()), v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8],
                String.valueOf(p.version()));
    }

    PartnerDraft draft() {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        PartnerKind k = FormValues.choice(PartnerKind.class, "kind", kind, problems);
        var signed = FormValues.date("agreementSignedOn", agreementSignedOn, problems);
        var ends = FormValues.date("agreementEndsOn", agreementEndsOn, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new PartnerDraft(name, k, address, purpose, signed, ends, List.of(new PartnerDraft.Contact(c0Name, c0Role, c0Phone),
                new PartnerDraft.Contact(c1Name, c1Role, c1Phone), new PartnerDraft.Contact(c2Name, c2Role, c2Phone)));
    }
}
