package org.medunion.scheduling.internal;

import org.jspecify.annotations.Nullable;
import org.medunion.scheduling.SchedulingError;
import org.medunion.shared.Inputs;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.TextRules;

/** The input checks the scheduling use cases share: required values and short single-line texts. */
final class SchedulingInput {

    private static final int MAX_TEXT = 100;

    private SchedulingInput() {
    }

    static <T> T require(@Nullable T value, String field) {
        return Inputs.required(value, field);
    }

    /** A stripped line of at most 100 characters; blank is null unless required. */
    static @Nullable String text(@Nullable String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "field.required");
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > MAX_TEXT) {
            throw new InvalidInputException(field, SchedulingError.VALUE_OUT_OF_RANGE, v.length(), 1, MAX_TEXT);
        }
        return TextRules.characters(v, field, TextRules.Kind.LINE);
    }
}
