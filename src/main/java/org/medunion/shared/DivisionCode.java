package org.medunion.shared;

import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A GB/T 2260 administrative division code: six digits, two for the province, two for the city, two for the
 * district or county ({@code 310105} 长宁区 lies in city {@code 310100} and province-level {@code 310000}). A
 * province code ({@code xx0000}) covers its cities and districts, a city code ({@code xxxx00}) its districts:
 * coverage is a prefix test on the code's significant digits, the one rule every module uses.
 *
 * @param value the six digits
 */
public record DivisionCode(String value) {

    /** Province-level codes in force (first two digits); a code outside them names no place. */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82");
    private static final Pattern FORMAT = Pattern.compile("[1-9]\\d{5}");

    public DivisionCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a GB/T 2260 division code: " + value);
        }
    }

    public static DivisionCode of(String value) {
        return new DivisionCode(value);
    }

    /** Six digits under a province-level code in force. */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches() && PROVINCES.contains(value.substring(0, 2));
    }

    /** Whether the first two digits are a province-level code in force (also the region of a resident ID). */
    public static boolean isKnownProvince(String code) {
        return code != null && code.length() >= 2 && PROVINCES.contains(code.substring(0, 2));
    }

    /**
     * The significant digits of a code: {@code 310000 → 31}, {@code 450100 → 4501}, {@code 310105 → 310105};
     * null gives the empty prefix (covers everything) and a code of another length is kept whole.
     */
    public static String significantPrefix(@Nullable String code) {
        if (code == null) {
            return "";
        }
        if (code.length() == 6 && code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.length() == 6 && code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }

    /** Whether {@code division} lies inside {@code jurisdiction} (or is it); false when either is null. */
    public static boolean covers(@Nullable String jurisdiction, @Nullable String division) {
        return jurisdiction != null && division != null && division.startsWith(significantPrefix(jurisdiction));
    }

    /** The province-level code of any code ({@code 310105 → 310000}). */
    public static String provinceOf(String code) {
        return code.substring(0, 2) + "0000";
    }

    public String significantPrefix() {
        return significantPrefix(value);
    }

    public boolean isProvince() {
        return value.endsWith("0000");
    }

    public boolean isCity() {
        return !isProvince() && value.endsWith("00");
    }

    public boolean isDistrict() {
        return !value.endsWith("00");
    }

    /** How specific the code is: 0 province, 1 city, 2 district. */
    public int depth() {
        return significantPrefix().length() / 2 - 1;
    }

    public DivisionCode province() {
        return new DivisionCode(provinceOf(value));
    }

    /** The division one level up: a district's city, a city's province; a province is its own parent. */
    public DivisionCode parent() {
        if (isDistrict()) {
            return new DivisionCode(value.substring(0, 4) + "00");
        }
        return province();
    }

    /** Whether {@code other} lies inside this division or is it. */
    public boolean contains(DivisionCode other) {
        return other != null && covers(value, other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
