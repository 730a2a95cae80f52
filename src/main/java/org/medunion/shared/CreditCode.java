package org.medunion.shared;

import org.jspecify.annotations.Nullable;

/**
 * Unified social credit code (统一社会信用代码) per GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and capitals without I, O, Z, S, V); position 1 registration authority, 2 entity
 * type, 3–8 administrative division, 9–17 organisation code, 18 a MOD 31 check character.
 */
public final class CreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Validates, throwing {@link InvalidInputException} naming {@code field}; returns the normalised code. */
    public static String requireValid(@Nullable String raw, String field) {
        String problem = problemWith(raw);
        if (problem != null || raw == null) {
            throw new InvalidInputException(field, problem == null ? "GB32100.required" : problem, raw);
        }
        return raw.trim().toUpperCase();
    }

    public static boolean isValid(@Nullable String raw) {
        return problemWith(raw) == null;
    }

    static @Nullable String problemWith(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return "GB32100.required";
        }
        String s = raw.trim().toUpperCase();
        if (s.length() != 18) {
            return "GB32100.format";
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return "GB32100.format";
            }
        }
        if (!s.substring(2, 8).matches("\\d{6}")) {
            return "GB32100.region";
        }
        if (s.charAt(17) != checkCharacter(s.substring(0, 17))) {
            return "GB32100.checksum";
        }
        return null;
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }
}
