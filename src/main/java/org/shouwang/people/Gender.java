package org.shouwang.people;

public enum Gender {
    M, F;

    public static Gender of(String code) {
        return valueOf(code.trim());
    }
}
