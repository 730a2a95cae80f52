package org.medunion.shared;

import org.jspecify.annotations.Nullable;

/** Masks personal identifiers for display, logs and exports (quality.md S-3). */
public final class Masking {

    private Masking() {
    }

    /** 110101199001011234 → 110101********1234; anything shorter is masked whole. */
    public static @Nullable String residentId(@Nullable String id) {
        if (id == null) {
            return null;
        }
        String s = id.trim();
        if (s.length() < 11) {
            return "*".repeat(s.length());
        }
        return s.substring(0, 6) + "*".repeat(s.length() - 10) + s.substring(s.length() - 4);
    }

    /** 13812345678 → 138****5678. */
    public static @Nullable String phone(@Nullable String phone) {
        if (phone == null) {
            return null;
        }
        String s = phone.trim();
        if (s.length() < 8) {
            return "*".repeat(s.length());
        }
        return s.substring(0, 3) + "*".repeat(s.length() - 7) + s.substring(s.length() - 4);
    }
}
