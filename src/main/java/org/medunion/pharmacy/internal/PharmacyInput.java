package org.medunion.pharmacy.internal;

import org.jspecify.annotations.Nullable;
import org.medunion.pharmacy.ReviewDecision;
import org.medunion.shared.Inputs;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.TextRules;

/** The pharmacy module's input checks: a missing or too long value is a 400 naming the field. */
final class PharmacyInput {

    private PharmacyInput() {
    }

    static String maskName(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        return name.charAt(0) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }

    static @Nullable String trim(@Nullable String s) {
        return Inputs.stripped(s);
    }

    static <T> T required(@Nullable T value, String field) {
        return Inputs.required(value, field);
    }

    /** Stripped; missing or blank is 400 {@code field.required}. */
    static String requiredText(@Nullable String value, String field, int max) {
        return Inputs.requiredText(value, field, max, PharmacyError.TEXT_TOO_LONG, TextRules.Kind.MULTILINE);
    }

    /** The reason a return, override or cancellation must give (400 {@code PHARMACY-0006} when missing). */
    static String reason(@Nullable ReviewDecision d) {
        String reason = d == null ? null : trim(d.reason());
        if (reason == null) {
            throw new InvalidInputException("reason", PharmacyError.REASON_REQUIRED);
        }
        optionalText(reason, "reason", 1000);
        return reason;
    }

    /** The optional note of an approval or a dispensing outcome, trimmed. */
    static @Nullable String note(@Nullable String note) {
        String trimmed = trim(note);
        optionalText(trimmed, "note", 1000);
        return trimmed;
    }

    static void optionalText(@Nullable String value, String field, int max) {
        Inputs.text(value, field, max, PharmacyError.TEXT_TOO_LONG, TextRules.Kind.MULTILINE);
    }

}
