package org.medunion.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one input checker (decision 0090): modules check their commands with it where they handle them, so REST,
 * FHIR, console and demo input meet the same rules. Each failure is a 400 naming the field and the rule;
 * {@link TextRules} checks the characters of texts.
 */
public final class Inputs {

    public static final String REQUIRED = "field.required";
    public static final String UNKNOWN_VALUE = "request.unknownValue";

    private Inputs() {
    }

    /** A value that must be there; a blank text counts as missing. */
    public static <T> T required(@Nullable T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidInputException(field, REQUIRED);
        }
        return value;
    }

    /** Stripped, or null when blank. */
    public static @Nullable String stripped(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * An optional text: stripped (null when blank), at most {@code max} characters — longer is the module's own
     * {@code tooLong} rule with the limit as its argument — and within the shared character rules of its kind.
     */
    public static @Nullable String text(@Nullable String value, String field, int max, ErrorCode tooLong,
                                        TextRules.Kind kind) {
        String s = stripped(value);
        if (s == null) {
            return null;
        }
        if (s.length() > max) {
            throw new InvalidInputException(field, tooLong, max);
        }
        TextRules.characters(s, field, kind);
        return s;
    }

    /** A text that must be there, checked as {@link #text}. */
    public static String requiredText(@Nullable String value, String field, int max, ErrorCode tooLong,
                                      TextRules.Kind kind) {
        return required(text(value, field, max, tooLong, kind), field);
    }

    /** A stripped text that must match {@code pattern}, else the module's {@code rule}; null stays null. */
    public static @Nullable String matching(@Nullable String value, String field, Pattern pattern, ErrorCode rule,
                                            Object... arguments) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        if (!pattern.matcher(s).matches()) {
            throw new InvalidInputException(field, rule, arguments);
        }
        return s;
    }

    /** One enum constant by name, case-insensitive; an unknown one is refused listing the allowed names. */
    public static <E extends Enum<E>> E enumValue(String value, Class<E> type, String field) {
        String name = required(value, field).strip();
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, UNKNOWN_VALUE, name.length() > 40 ? name.substring(0, 40) : name,
                    String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    /** A list of enum names (null is empty), duplicates dropped; an entry's field is {@code field[i]}. */
    public static <E extends Enum<E>> List<E> enumList(@Nullable List<String> values, Class<E> type, String field) {
        if (values == null) {
            return List.of();
        }
        var out = new LinkedHashSet<E>();
        for (int i = 0; i < values.size(); i++) {
            out.add(enumValue(values.get(i), type, field + "[" + i + "]"));
        }
        return new ArrayList<>(out);
    }
}
