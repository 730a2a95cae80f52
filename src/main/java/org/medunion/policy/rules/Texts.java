package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Finding texts without a language: names, numbers and dates as they are, coded values and words as bundle keys
 * between {@code ⟦ ⟧} ({@code ⟦enum.ConsortiumForm.TELEMEDICINE_NETWORK⟧}, {@code ⟦policy.term.managers⟧}). Stored
 * evidence and message arguments keep the codes; the console, the API and the Excel export render them with the
 * reader's bundle ({@code PolicyMessages}), and the API also lists the codes as data (docs/decisions/0130).
 */
public final class Texts {

    /** One bundle key inside a text. */
    public static final Pattern TOKEN = Pattern.compile("⟦([^⟦⟧]+)⟧");

    private Texts() {
    }

    /** A coded value: {@code enum.<Type>.<VALUE>}, the key the console's labels use. */
    public static String code(Enum<?> value) {
        return code(value.getDeclaringClass().getSimpleName(), value.name());
    }

    /** A coded value given as type and value (registry centres are strings). */
    public static String code(String type, String value) {
        return "⟦enum." + type + "." + value + "⟧";
    }

    /** A word of the evidence language ({@code policy.term.<name>}). */
    public static String term(String name) {
        return "⟦policy.term." + name + "⟧";
    }

    /**
     * A word with the text shown when no bundle has it ({@code ⟦policy.term.source.CQ-4|indicators I-10⟧}): for texts
     * that rules added by other packs may not have translated yet.
     */
    public static String term(String name, String fallback) {
        return "⟦policy.term." + name + "|" + fallback.replace("⟦", "").replace("⟧", "").replace("|", "/") + "⟧";
    }

    /** One part of a text: null as "-", an enum as its code, a collection as its parts joined with ", ". */
    public static String of(@Nullable Object part) {
        if (part == null) {
            return "-";
        }
        if (part instanceof Enum<?> e) {
            return code(e);
        }
        if (part instanceof Collection<?> c) {
            return c.stream().map(Texts::of).collect(Collectors.joining(", "));
        }
        return String.valueOf(part);
    }

    /** The parts joined without separator. */
    public static String text(@Nullable Object... parts) {
        return Arrays.stream(parts).map(Texts::of).collect(Collectors.joining());
    }

    /** The bundle keys a text names, in order ({@code enum.ConsortiumForm.REGIONAL}, …). */
    public static List<String> keys(String text) {
        List<String> keys = new ArrayList<>();
        if (text != null) {
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                keys.add(key(m.group(1)));
            }
        }
        return keys;
    }

    /**
     * The text with every key replaced by {@code lookup.apply(key, fallback)}; the fallback is the text after {@code |}
     * in the token, else the value part of the key ({@code TELEMEDICINE_NETWORK}).
     */
    public static @Nullable String render(@Nullable String text, BinaryOperator<String> lookup) {
        if (text == null || text.indexOf('⟦') < 0) {
            return text;
        }
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group(1);
            int bar = token.indexOf('|');
            String fallback = bar >= 0 ? token.substring(bar + 1) : token.substring(token.lastIndexOf('.') + 1);
            m.appendReplacement(out, Matcher.quoteReplacement(lookup.apply(key(token), fallback)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String key(String token) {
        int bar = token.indexOf('|');
        return bar < 0 ? token : token.substring(0, bar);
    }
}
