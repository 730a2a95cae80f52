package org.medunion.shared;

import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * The one input-hygiene check for text that MedUnion stores (issue 10). Rejected everywhere: C0 and C1 control
 * characters (multi-line fields keep line feed and tab; a CR LF pair becomes LF), bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069: they make text display other than it reads), zero-width characters
 * (U+200B–U+200D, U+FEFF: invisible differences between look-alike names) and lone surrogates (not text at all).
 * Names also refuse {@code <} and {@code >}. Each failure is a 400 naming the field and the rule.
 */
public final class TextRules {

    /** What a field holds. */
    public enum Kind {
        /** A name of a person, institution, consortium …: one line, no markup characters. */
        NAME,
        /** One line of free text. */
        LINE,
        /** Free text over several lines: line feed and tab allowed. */
        MULTILINE
    }

    public static final String TOO_LONG = "text.tooLong";
    public static final String CONTROL = "text.controlCharacter";
    public static final String BIDI = "text.bidiControl";
    public static final String ZERO_WIDTH = "text.zeroWidth";
    public static final String SURROGATE = "text.loneSurrogate";
    public static final String MARKUP = "text.markup";
    public static final String TOO_MANY = "list.tooMany";

    private TextRules() {
    }

    /** A required text: stripped, then checked; blank is {@code field.required}. */
    public static String required(@Nullable String value, String field, Kind kind, int max) {
        String s = optional(value, field, kind, max);
        if (s == null) {
            throw new InvalidInputException(field, "field.required");
        }
        return s;
    }

    /** An optional text: stripped (blank becomes null), then checked for length and characters. */
    public static @Nullable String optional(@Nullable String value, String field, Kind kind, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = checked(value.strip(), field, kind);
        if (s.codePointCount(0, s.length()) > max) {
            throw new InvalidInputException(field, TOO_LONG, max);
        }
        return s;
    }

    /**
     * Checks the characters only, for callers that keep their own length rule; returns the text with CR LF
     * turned into LF in multi-line fields.
     */
    public static @Nullable String characters(@Nullable String value, String field, Kind kind) {
        return value == null ? null : checked(value, field, kind);
    }

    /**
     * The check every text gets where it enters (JSON bodies, console forms, FHIR resources), whatever the field:
     * the characters of a multi-line text and one cap, {@code medunion.input.max-text-length} (decision 0190).
     */
    public static String atTheDoor(String value, String field, int max) {
        String s = checked(value, field, Kind.MULTILINE);
        if (s.codePointCount(0, s.length()) > max) {
            throw new InvalidInputException(field, TOO_LONG, max);
        }
        return s;
    }

    private static String checked(String value, String field, Kind kind) {
        String s = kind == Kind.MULTILINE ? value.replace("\r\n", "\n") : value;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rule = rule(s, i, c, kind);
            if (rule != null) {
                throw new InvalidInputException(field, rule, i + 1, String.format("U+%04X", (int) c));
            }
            if (Character.isHighSurrogate(c)) {
                i++; // a valid pair (rule() refused a lone one)
            }
        }
        return s;
    }

    /** The rule the character at {@code i} breaks, or null. */
    private static @Nullable String rule(String s, int i, char c, Kind kind) {
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? null : SURROGATE;
        }
        if (Character.isLowSurrogate(c)) {
            return SURROGATE;
        }
        if (Character.isISOControl(c)) {
            return kind == Kind.MULTILINE && (c == '\n' || c == '\t') ? null : CONTROL;
        }
        if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
            return BIDI;
        }
        if ((c >= '\u200B' && c <= '\u200D') || c == '\uFEFF') {
            return ZERO_WIDTH;
        }
        if (kind == Kind.NAME && (c == '<' || c == '>')) {
            return MARKUP;
        }
        return null;
    }

    /** A list of at most {@code max} entries (null passes). */
    public static <T extends Collection<?>> T listSize(T values, String field, int max) {
        return checkedSize(values, field, max);
    }

    /** A list that may be absent: at most {@code max} entries when given. */
    public static <T extends Collection<?>> @Nullable T listSizeOrNull(@Nullable T values, String field, int max) {
        return values == null ? null : checkedSize(values, field, max);
    }

    private static <T extends Collection<?>> T checkedSize(T values, String field, int max) {
        // JSON may still bring null where a command's type says otherwise; it is not ours to refuse here
        if (values != null && values.size() > max) {
            throw new InvalidInputException(field, TOO_MANY, max);
        }
        return values;
    }
}
