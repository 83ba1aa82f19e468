package org.shouwang.identity;

import java.util.List;
import java.util.Optional;

/**
 * Finds the people accounts stand for: by student or staff number, every student (to open their
 * accounts) and the departments an account may belong to. Implemented by the people module so
 * that identity needs nothing of it.
 */
public interface PersonDirectory {

    Optional<Person> findByNumber(String number);

    /** Every student, as the login each of them gets: username = student number. */
    List<Accounts.StudentLogin> studentLogins();

    /** The departments an account may belong to, in the order to offer them. */
    List<Department> accountDepartments();

    record Person(Long studentId, Long staffId, String name, Long departmentId) {
    }

    record Department(long id, String name) {
    }
}
