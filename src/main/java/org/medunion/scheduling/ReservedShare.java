package org.medunion.scheduling;

import org.medunion.shared.InvalidInputException;

/**
 * A share written as a fraction, e.g. {@code 1/3} (NN-4). Kept as numerator and denominator so the
 * reserved count is exact: {@code ceil(total × numerator / denominator)}.
 */
public record ReservedShare(int numerator, int denominator) {

    public ReservedShare {
        if (denominator <= 0 || numerator < 0 || numerator > denominator) {
            throw new InvalidInputException("reservedShare", SchedulingError.INVALID_SHARE, numerator + "/" + denominator);
        }
    }

    /** Parses {@code "1/3"}; a bad value is a 400 naming {@code field}. */
    public static ReservedShare parse(String text, String field) {
        if (text == null || !text.trim().matches("\\d{1,4}\\s*/\\s*\\d{1,4}")) {
            throw new InvalidInputException(field, SchedulingError.INVALID_SHARE, text);
        }
        String[] parts = text.split("/");
        int n = Integer.parseInt(parts[0].trim());
        int d = Integer.parseInt(parts[1].trim());
        if (d <= 0 || n > d) {
            throw new InvalidInputException(field, SchedulingError.INVALID_SHARE, text);
        }
        return new ReservedShare(n, d);
    }

    /** Reserved slots out of {@code total}: rounded up, so the share is never below the fraction. */
    public int reservedOf(int total) {
        return (int) (((long) total * numerator + denominator - 1) / denominator);
    }

    /** Whether {@code reserved / total} is at least this share. */
    public boolean isMetBy(long reserved, long total) {
        return reserved * denominator >= total * numerator;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
