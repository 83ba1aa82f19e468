package org.shouwang.shared;

import java.util.List;

/**
 * Input that a service found wrong after the form or JSON was bound (a photo that is not an
 * image, an unknown building…): each problem names its field and a message code. Answers 400 with
 * the translated field errors in the API; pages put each on its field.
 */
public class InvalidInput extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidInput(List<Problem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public InvalidInput(String field, String code, Object... args) {
        this(List.of(new Problem(field, code, args)));
    }

    public List<Problem> problems() {
        return problems;
    }

    public record Problem(String field, String code, Object... args) {
    }
}
