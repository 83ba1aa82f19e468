package org.shouwang.party.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.shouwang.shared.FormValues;
import org.shouwang.party.MentorDraft;
import org.shouwang.party.MentorExpertise;
import org.shouwang.party.MentorViews;
import org.shouwang.shared.InvalidInput;

/** The mentor form as typed; expertise as the ticked boxes. */
record MentorForm(String name, String affiliation, String partnerId, List<String> expertise, String title, String bio,
                  String phone, String version) {

    static final Set<String> FIELDS = Set.of("name", "affiliation", "partnerId", "expertise", "title", "bio", "phone");

    MentorForm {
        expertise = expertise == null ? List.of() : List.copyOf(expertise);
    }

    static MentorForm empty() {
        return new MentorForm("", "", "", List.of(), "", "", "", "");
    }

    static MentorForm of(MentorViews.Mentor m) {
        return new MentorForm(m.name(), m.affiliation(), FormValues.text(m.partnerId()),
                m.expertise().stream().map(Enum::name).toList(), m.title(), m.bio(), FormValues.text(m.phone()),
                String.valueOf(m.version()));
    }

    MentorDraft draft() {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        Long partner = FormValues.id("partnerId", partnerId, problems);
        Set<MentorExpertise> chosen = EnumSet.noneOf(MentorExpertise.class);
        for (String e : expertise) {
            MentorExpertise value = FormValues.choice(MentorExpertise.class, "expertise", e, problems);
            if (value != null) {
                chosen.add(value);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new MentorDraft(name, affiliation, partner, chosen, title, bio, phone);
    }
}
