package org.medunion.policy.rules;

import org.jspecify.annotations.Nullable;
import org.medunion.shared.DivisionCode;

/** GB/T 2260 helpers for rule texts (the code rules themselves live in {@link DivisionCode}): a province code (xx0000) covers its cities and districts, a city code (xxxx00) its districts. */
public final class Divisions {

    private Divisions() {
    }

    public static boolean covers(@Nullable String jurisdiction, @Nullable String division) {
        return DivisionCode.covers(jurisdiction, division);
    }

    /** How specific a code is: 0 province, 1 city, 2 district; used to let the most specific override win. */
    public static int depth(String code) {
        return prefix(code).length() / 2 - 1;
    }

    static String prefix(String code) {
        return DivisionCode.significantPrefix(code);
    }

    public static boolean valid(@Nullable String code) {
        return code != null && code.matches("[1-8][0-9]{5}");
    }
}
