package org.medunion.demo.internal;

import org.medunion.registry.Ownership;
import org.medunion.shared.CreditCode;

/** Valid identifiers for generated institutions: check characters computed, never random strings. */
final class DemoCodes {

    private DemoCodes() {
    }

    /**
     * GB 32100: registration authority and entity type ({@code 12} public institution registered by the
     * establishment office, {@code 52} private non-enterprise unit, {@code 91} enterprise), the GB/T 2260
     * division, a GB 11714 organisation code with its own check character, and the MOD 31 check character.
     */
    static String creditCode(Ownership ownership, String divisionCode, int organisationNumber) {
        String prefix = switch (ownership) {
            case PUBLIC, MILITARY -> "12";
            case PRIVATE -> "52";
            case ENTERPRISE -> "91";
        };
        String first17 = prefix + divisionCode + organisationCode(organisationNumber);
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** GB 11714 organisation code: eight digits and a MOD 11 check character (10 → X, 11 → 0). */
    static String organisationCode(int n) {
        String body = String.format("4%07d", n % 10_000_000);
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        return body + (check == 10 ? "X" : check == 11 ? "0" : String.valueOf(check));
    }
}
