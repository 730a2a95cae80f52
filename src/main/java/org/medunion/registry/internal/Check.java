package org.medunion.registry.internal;

import java.time.LocalDate;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.TextRules;

/** Input checks shared by the registry's commands; each failure names the field and the rule (400). */
final class Check {

    private Check() {
    }

    static <T> T required(@Nullable T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidInputException(field, "field.required");
        }
        return value;
    }

    /** A required text, trimmed, at most {@code max} characters; may span lines. */
    static String text(@Nullable String value, String field, int max) {
        return required(optionalText(value, field, max), field);
    }

    /** An optional text, trimmed (blank becomes null), at most {@code max} characters; may span lines. */
    static @Nullable String optionalText(@Nullable String value, String field, int max) {
        return checked(value, field, max, TextRules.Kind.MULTILINE);
    }

    /** A required name (institution, practitioner, consortium …): one line, no markup characters. */
    static String name(@Nullable String value, String field, int max) {
        return required(checked(value, field, max, TextRules.Kind.NAME), field);
    }

    /** A required single line of text (a code, a title). */
    static String line(@Nullable String value, String field, int max) {
        return required(optionalLine(value, field, max), field);
    }

    static @Nullable String optionalLine(@Nullable String value, String field, int max) {
        return checked(value, field, max, TextRules.Kind.LINE);
    }

    /** Length under the registry's own rule code (kept for its clients), characters under the shared rules. */
    private static @Nullable String checked(@Nullable String value, String field, int max, TextRules.Kind kind) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (s.length() > max) {
            throw new InvalidInputException(field, RegistryError.TOO_LONG, max);
        }
        return TextRules.characters(s, field, kind);
    }

    /** {@code end} (if given) must not lie before {@code start}. */
    static void notBefore(@Nullable LocalDate end, @Nullable LocalDate start, String field) {
        if (end != null && start != null && end.isBefore(start)) {
            throw new InvalidInputException(field, RegistryError.END_BEFORE_START, end, start);
        }
    }

    static void notAfter(@Nullable LocalDate day, LocalDate latest, String field) {
        if (day != null && day.isAfter(latest)) {
            throw new InvalidInputException(field, RegistryError.IN_FUTURE, day);
        }
    }

    static long range(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, RegistryError.OUT_OF_RANGE, value, min, max);
        }
        return value;
    }

    static double range(double value, double min, double max, String field) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new InvalidInputException(field, RegistryError.OUT_OF_RANGE, value, min, max);
        }
        return value;
    }

    static void maxSize(@Nullable Collection<?> values, int max, String field) {
        if (values != null && values.size() > max) {
            throw new InvalidInputException(field, RegistryError.TOO_MANY, max);
        }
    }

    static boolean flag(@Nullable Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
