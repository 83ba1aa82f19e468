package org.shouwang.people;

import java.util.Set;

/**
 * The students one viewer may see (DESIGN §6): everyone (admin), the students of some classes
 * (counsellor, head teacher), some residents (building manager, building/floor leader), themself.
 */
record StudentScope(boolean everyone, Set<Long> classIds, Set<Long> studentIds) {

    static final StudentScope NOBODY = new StudentScope(false, Set.of(), Set.of());

    boolean isEmpty() {
        return !everyone && classIds.isEmpty() && studentIds.isEmpty();
    }

    boolean includes(long classId, long studentId) {
        return everyone || classIds.contains(classId) || studentIds.contains(studentId);
    }

    Long[] classArray() {
        return classIds.toArray(Long[]::new);
    }

    Long[] studentArray() {
        return studentIds.toArray(Long[]::new);
    }
}
