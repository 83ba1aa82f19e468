package org.shouwang.identity;

import java.util.Optional;

/**
 * Finds the person an account stands for, by student or staff number. Implemented by the people
 * module so that identity needs nothing of it.
 */
public interface PersonDirectory {

    Optional<Person> findByNumber(String number);

    record Person(Long studentId, Long staffId, String name, Long departmentId) {
    }
}
