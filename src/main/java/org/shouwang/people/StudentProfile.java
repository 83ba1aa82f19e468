package org.shouwang.people;

import java.util.Optional;

/**
 * A student as one viewer may see them: {@code phone} and {@code idCard} are already masked when
 * the viewer does not need them.
 */
public record StudentProfile(long id, String studentNumber, String name, Gender gender, PoliticalStatus politicalStatus,
                             String phone, String idCard,
                             Structure.ClassGroup classGroup, Optional<Housing.Place> place) {
}
