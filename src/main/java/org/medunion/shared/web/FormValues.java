package org.medunion.shared.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.InvalidInputException;

/**
 * Reads the text a console form submits: blank means absent, anything else must parse or is refused with the
 * field it came from (so the page can show the message next to it). Shared by every module's console pages.
 */
public final class FormValues {

    private FormValues() {
    }

    public static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A UUID from a form or query value; null when blank or not a UUID (the service then names the field as missing). */
    public static @Nullable UUID uuidOrNull(@Nullable String value) {
        String t = blankToNull(value);
        try {
            return t == null ? null : UUID.fromString(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static <E extends Enum<E>> @Nullable E enumValue(Class<E> type, String field, @Nullable String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "request.unknownValue", v,
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    public static @Nullable LocalDate date(String field, @Nullable String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "request.wrongType", v, "yyyy-MM-dd");
        }
    }

    public static @Nullable Integer integer(String field, @Nullable String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "request.wrongType", v, "integer");
        }
    }

    public static @Nullable Double decimal(String field, @Nullable String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "request.wrongType", v, "number");
        }
    }
}
