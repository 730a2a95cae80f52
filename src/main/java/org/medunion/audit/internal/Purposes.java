package org.medunion.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.Role;

/**
 * Purpose of use (HL7 v3 ActReason style codes). The platform decides it from the role and, when the caller passes
 * one, the care relationship; what a client claims in {@code X-Purpose-Of-Use} is only recorded beside it.
 */
final class Purposes {

    static final String CLAIM_HEADER = "X-Purpose-Of-Use";

    private Purposes() {
    }

    static String of(@Nullable Role role) {
        if (role == null) {
            return "SYSTEM";
        }
        return switch (role) {
            case GP, SPECIALIST, PHARMACIST, CENTRE_STAFF -> "TREATMENT";
            case INTEGRATOR -> "INTEGRATION";
            case AUDITOR -> "AUDIT";
            default -> "OPERATIONS";
        };
    }

    /** The role an explicitly named actor had, if it is one of ours. */
    static @Nullable Role role(@Nullable String name) {
        for (Role r : Role.values()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** A relationship purpose passed by the module that granted the access, normalised to a code. */
    static String code(String purpose) {
        String upper = purpose.trim().toUpperCase(Locale.ROOT);
        return upper.matches("[A-Z_-]{1,40}") ? upper : "INVALID";
    }

    /** The caller's claim, kept verbatim when it is a plain code, else marked unreadable (it is not trusted text). */
    static @Nullable String claimed(@Nullable HttpServletRequest request) {
        String claim = request == null ? null : request.getHeader(CLAIM_HEADER);
        if (claim == null || claim.isBlank()) {
            return null;
        }
        String upper = claim.trim().toUpperCase(Locale.ROOT);
        return upper.matches("[A-Z_-]{1,40}") ? upper : "UNREADABLE";
    }
}
