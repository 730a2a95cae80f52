package org.medunion.referral.internal;

import java.util.List;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.TextRules;

/** The referral module's input checks: a missing or too long value is a 400 naming the field. */
final class ReferralInput {

    private ReferralInput() {
    }

    static void required(Object value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "field.required");
        }
    }

    static void requiredText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "field.required");
        }
        optionalText(value, field, max);
    }

    /** Length under the referral's own rule code; characters under the shared input-hygiene rules. */
    static void optionalText(String value, String field, int max) {
        if (value != null && value.trim().length() > max) {
            throw new InvalidInputException(field, ReferralError.TEXT_TOO_LONG, max);
        }
        TextRules.characters(value, field, TextRules.Kind.MULTILINE);
    }

    static boolean notEmpty(List<?> l) {
        return l != null && !l.isEmpty();
    }

    /** Trimmed, or null when blank. */
    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
