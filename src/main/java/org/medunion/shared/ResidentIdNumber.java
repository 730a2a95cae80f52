package org.medunion.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A mainland resident identity number (居民身份证号) per GB 11643-1999: six digits of administrative
 * division (GB/T 2260), eight of birth date, three of sequence (odd = male), one ISO 7064 MOD 11-2
 * check character. Instances are always valid; {@link #toString()} is masked so that a full number
 * never reaches a log by accident — call {@link #value()} where the full number is really needed.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1880, 1, 1);

    private final String value;

    private ResidentIdNumber(String value) {
        this.value = value;
    }

    /** Parses and validates; throws {@link InvalidInputException} naming {@code field} and the broken rule. */
    public static ResidentIdNumber parse(@Nullable String raw, String field) {
        String problem = problemWith(raw);
        if (problem != null) {
            throw new InvalidInputException(field, problem, raw == null ? null : Masking.residentId(raw));
        }
        // problemWith() refuses null, so a number that passed it is there
        return new ResidentIdNumber(Objects.requireNonNull(raw, "validated above").trim().toUpperCase());
    }

    public static boolean isValid(@Nullable String raw) {
        return problemWith(raw) == null;
    }

    /** Returns the message code of the first rule the number breaks, or null when it is valid. */
    static @Nullable String problemWith(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return "GB11643.required";
        }
        String s = raw.trim().toUpperCase();
        if (!s.matches("\\d{17}[\\dX]")) {
            return "GB11643.format";
        }
        if (s.charAt(0) == '0' || s.startsWith("00", 2) && s.startsWith("0000", 2)) {
            return "GB11643.region";
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            return "GB11643.birthDate";
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(LocalDate.now().plusDays(1))) {
            return "GB11643.birthDate";
        }
        if (s.charAt(17) != checkCharacter(s.substring(0, 17))) {
            return "GB11643.checksum";
        }
        return null;
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public String value() {
        return value;
    }

    public String regionCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    /** GB/T 2261.1: 1 male, 2 female — the 17th digit is odd for men. */
    public int sexCode() {
        return (value.charAt(16) - '0') % 2 == 1 ? 1 : 2;
    }

    public String masked() {
        return Objects.requireNonNull(Masking.residentId(value), "masking keeps a present number present");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentIdNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
