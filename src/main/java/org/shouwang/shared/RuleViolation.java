package org.shouwang.shared;

/**
 * A user action that breaks a domain rule (bed taken, gender mismatch…). Carries a message code
 * and arguments so the reason reaches the user in their language; answers 409 in the API. An expected
 * answer, not a fault: it keeps no stack trace (a rush of "activity full" refusals pays none).
 */
public class RuleViolation extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public RuleViolation(String code, Object... args) {
        super(code, null, false, false);
        this.code = code;
        this.args = args;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
