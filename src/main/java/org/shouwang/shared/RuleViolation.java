package org.shouwang.shared;

/**
 * A user action that breaks a domain rule (bed taken, gender mismatch…). Carries a message code
 * and arguments so the reason reaches the user in their language; answers 409 in the API.
 */
public class RuleViolation extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public RuleViolation(String code, Object... args) {
        super(code);
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
