package org.medunion.diagnostics.internal;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.Inputs;
import org.medunion.shared.InvalidInputException;

/** Null-checked input and SQL parameter helpers for this NullMarked package. */
final class Required {

    private Required() {
    }

    /** A value that must be there (a blank text counts as missing): 400 {@code field.required} naming the field. */
    static <T> T of(@Nullable T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidInputException(field, Inputs.REQUIRED);
        }
        return value;
    }

    /** SQL parameters, some of which may be null. */
    static List<@Nullable Object> args(@Nullable Object... values) {
        return Arrays.asList(values);
    }
}
