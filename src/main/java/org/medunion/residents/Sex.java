package org.medunion.residents;

import org.jspecify.annotations.Nullable;

/** GB/T 2261.1 sex codes: 0 unknown, 1 male, 2 female, 9 not stated. */
public enum Sex {

    UNKNOWN("0"), MALE("1"), FEMALE("2"), NOT_STATED("9");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The sex for a GB/T 2261.1 code or enum name, or null when there is none. */
    public static @Nullable Sex fromCode(@Nullable String code) {
        if (code == null) {
            return null;
        }
        String c = code.trim();
        for (Sex s : values()) {
            if (s.code.equals(c) || s.name().equalsIgnoreCase(c)) {
                return s;
            }
        }
        return null;
    }
}
