package org.shouwang.residence;

import org.shouwang.people.Gender;
import org.shouwang.people.StudentSummary;
import org.shouwang.shared.RuleViolation;

/**
 * A bed with what the check-in rules need of its room and building. The rules are checked here;
 * the conditional update in {@link BedStore#occupy} makes them hold when two staff act at once.
 */
record Bed(long id, String label, boolean reserved, Long occupantId, long roomId, String room, Gender roomGender,
           int floor, long buildingId, String building) {

    BedStatus status() {
        return BedStatus.of(occupantId, reserved);
    }

    /** Refuses, with the reason, a student who may not sleep here now. */
    void admit(StudentSummary student) {
        if (student.id() == (occupantId == null ? -1 : occupantId)) {
            throw new RuleViolation("bed.alreadyThere", student.name(), describe());
        }
        if (occupantId != null) {
            throw new RuleViolation("bed.occupied", describe());
        }
        if (reserved) {
            throw new RuleViolation("bed.reserved", describe());
        }
        if (student.gender() != roomGender) {
            throw new RuleViolation("bed.genderMismatch", student.name(), describe());
        }
    }

    String describe() {
        return building + " " + room + "-" + label;
    }
}
