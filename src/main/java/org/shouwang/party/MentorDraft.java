package org.shouwang.party;

import java.util.Set;

/** An off-campus mentor as student affairs or an administrator records them; the partner is optional. */
public record MentorDraft(String name, String affiliation, Long partnerId, Set<MentorExpertise> expertise, String title,
                          String bio, String phone) {

    public MentorDraft {
        expertise = expertise == null ? Set.of() : Set.copyOf(expertise);
    }
}
