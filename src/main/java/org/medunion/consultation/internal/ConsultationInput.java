package org.medunion.consultation.internal;

import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationError;
import org.medunion.shared.Inputs;
import org.medunion.shared.TextRules;

/** The consultation module's input checks, on the shared checker (decision 0090) with its own length rule. */
final class ConsultationInput {

    private ConsultationInput() {
    }

    static <T> T required(@Nullable T value, String field) {
        return Inputs.required(value, field);
    }

    static String requiredText(@Nullable String value, String field, int max) {
        return Inputs.requiredText(value, field, max, ConsultationError.TEXT_TOO_LONG, TextRules.Kind.MULTILINE);
    }

    /** Trimmed (null when blank), within {@code max} characters and the shared character rules. */
    static @Nullable String optionalText(@Nullable String value, String field, int max) {
        return Inputs.text(value, field, max, ConsultationError.TEXT_TOO_LONG, TextRules.Kind.MULTILINE);
    }
}
