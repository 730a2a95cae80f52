package org.medunion.indicators;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A half-open period [start, end) of local days in the jurisdiction's time zone (Asia/Shanghai).
 *
 * @param label {@code 2026-03}, {@code 2026-Q1} or {@code 2026}
 */
public record Period(String label, LocalDate start, LocalDate end) {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** The period a label names, or empty when it names none. */
    public static Optional<Period> parse(String label) {
        String s = label.strip().toUpperCase(Locale.ROOT);
        try {
            if (MONTH.matcher(s).matches()) {
                return Optional.of(month(YearMonth.parse(s)));
            }
            if (QUARTER.matcher(s).matches()) {
                int year = Integer.parseInt(s.substring(0, 4));
                int q = s.charAt(6) - '0';
                LocalDate start = LocalDate.of(year, (q - 1) * 3 + 1, 1);
                return Optional.of(new Period(s, start, start.plusMonths(3)));
            }
            if (YEAR.matcher(s).matches()) {
                LocalDate start = LocalDate.of(Integer.parseInt(s), 1, 1);
                return Optional.of(new Period(s, start, start.plusYears(1)));
            }
        } catch (DateTimeException e) {
            // falls through to the error below
        }
        return Optional.empty();
    }

    public static Period month(YearMonth month) {
        return new Period(month.toString(), month.atDay(1), month.plusMonths(1).atDay(1));
    }
}
