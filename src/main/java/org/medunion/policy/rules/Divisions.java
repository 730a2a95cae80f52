package org.medunion.policy.rules;

/** GB/T 2260 helpers: a province code (xx0000) covers its cities and districts, a city code (xxxx00) its districts. */
public final class Divisions {

    private Divisions() {
    }

    public static boolean covers(String jurisdiction, String division) {
        if (jurisdiction == null || division == null) {
            return false;
        }
        return division.startsWith(prefix(jurisdiction));
    }

    /** How specific a code is: 0 province, 1 city, 2 district; used to let the most specific override win. */
    public static int depth(String code) {
        return prefix(code).length() / 2 - 1;
    }

    static String prefix(String code) {
        if (code.length() == 6 && code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.length() == 6 && code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }

    public static boolean valid(String code) {
        return code != null && code.matches("[1-8][0-9]{5}");
    }
}
