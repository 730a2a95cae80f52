package org.medunion.consultation.internal;

import org.jspecify.annotations.Nullable;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.TextRules;

/** The consultation module's input checks: a missing or too long value is a 400 naming the field. */
final class ConsultationInput {

    private ConsultationInput() {
    }

    static <T> T required(@Nullable T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidInputException(field, "field.required");
        }
        return value;
    }

    static String requiredText(@Nullable String value, String field, int max) {
        return required(optionalText(value, field, max), field);
    }

    /** Trimmed (null when blank), within {@code max} characters and the shared character rules. */
    static @Nullable String optionalText(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (s.length() > max) {
            throw new InvalidInputException(field, ConsultationError.TEXT_TOO_LONG, max);
        }
        TextRules.characters(s, field, TextRules.Kind.MULTILINE);
        return s;
    }
}
