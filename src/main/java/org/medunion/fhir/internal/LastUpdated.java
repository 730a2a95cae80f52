package org.medunion.fhir.internal;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DateTimeType;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.ChangeWindow;
import org.medunion.shared.InvalidInputException;

/**
 * A date search parameter ({@code _lastUpdated}, {@code Slot.start}, …) as an inclusive instant range for SQL,
 * per the R4 search rules: a value is the whole period of its precision ({@code 2026-12-03} is that day,
 * {@code 2026-12} that month), {@code ge}/{@code le}/{@code eq} include it, {@code gt}/{@code sa} start after it,
 * {@code lt}/{@code eb} end before it. A value without a zone is read in the platform's zone (Asia/Shanghai),
 * not the JVM's, so a day means the same day to a client in Shanghai whatever the server's settings.
 */
public final class LastUpdated {

    /** One microsecond: what an inclusive upper bound stops short of the next period by. */
    public static final Duration LAST = Duration.ofNanos(1_000);

    private static final Pattern MINUTE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2})(Z|[+-]\\d{2}:\\d{2})?$");

    private LastUpdated() {
    }

    /** {@code meta.lastUpdated} of a module's change time (null stays absent). */
    public static @Nullable Date date(@Nullable Instant at) {
        return at == null ? null : Date.from(at);
    }

    /** {@code _lastUpdated} as the window the modules filter on in SQL. */
    public static ChangeWindow window(@Nullable DateRangeParam range) {
        return new ChangeWindow(from(range), to(range));
    }

    /** Whether a change time matches {@code _lastUpdated} (no parameter admits everything, even no time). */
    public static boolean admits(@Nullable DateRangeParam range, @Nullable Instant at) {
        if (range == null || range.isEmpty()) {
            return true;
        }
        if (at == null) {
            return false;
        }
        var lower = from(range);
        var upper = to(range);
        return (lower == null || !at.isBefore(lower)) && (upper == null || !at.isAfter(upper));
    }

    /** The first instant admitted, or null when unbounded below. */
    public static @Nullable Instant from(@Nullable DateRangeParam range) {
        return from("_lastUpdated", range, Elements.CHINA);
    }

    /** The last instant admitted, or null when unbounded above. */
    public static @Nullable Instant to(@Nullable DateRangeParam range) {
        return to("_lastUpdated", range, Elements.CHINA);
    }

    /** The first instant admitted by the date parameter {@code name}, read in the platform's zone. */
    public static @Nullable Instant from(String name, @Nullable DateRangeParam range) {
        return from(name, range, Elements.CHINA);
    }

    /** The last instant admitted by the date parameter {@code name}, read in the platform's zone. */
    public static @Nullable Instant to(String name, @Nullable DateRangeParam range) {
        return to(name, range, Elements.CHINA);
    }

    public static @Nullable Instant from(String name, @Nullable DateRangeParam range, ZoneId zone) {
        DateParam p = range == null ? null : range.getLowerBound();
        if (p == null || p.isEmpty()) {
            return null;
        }
        return switch (prefix(name, p)) {
            case GREATERTHAN, STARTS_AFTER -> end(name, p, zone);
            default -> start(name, p, zone);
        };
    }

    public static @Nullable Instant to(String name, @Nullable DateRangeParam range, ZoneId zone) {
        DateParam p = range == null ? null : range.getUpperBound();
        if (p == null || p.isEmpty()) {
            return null;
        }
        // the last microsecond (the databases' precision) before the bound, so a change at 10:00:00.123456 is
        // still "le 10:00:00.123"
        return switch (prefix(name, p)) {
            case LESSTHAN, ENDS_BEFORE -> start(name, p, zone).minus(LAST);
            default -> end(name, p, zone).minus(LAST);
        };
    }

    private static ParamPrefixEnum prefix(String name, DateParam p) {
        ParamPrefixEnum prefix = p.getPrefix() == null ? ParamPrefixEnum.EQUAL : p.getPrefix();
        if (prefix == ParamPrefixEnum.NOT_EQUAL) {
            throw new InvalidInputException(name, "fhir.notSupported");
        }
        return prefix;
    }

    /** A search value and the precision it was written at. */
    private record Value(DateTimeType v, TemporalPrecisionEnum precision) {
    }

    /**
     * The value as an R4 dateTime and its precision; a time to the minute ({@code 2026-12-03T10:00}, which R4 search
     * allows but the dateTime type does not) is that minute; anything else unreadable is a 400 naming the parameter.
     */
    private static Value value(String name, DateParam p) {
        String raw = p.getValueAsString();
        try {
            var minute = MINUTE.matcher(raw);
            if (minute.matches()) {
                String zone = minute.group(2) == null ? "" : minute.group(2);
                return new Value(new DateTimeType(minute.group(1) + ":00" + zone), TemporalPrecisionEnum.MINUTE);
            }
            var v = new DateTimeType(raw);
            return new Value(v, v.getPrecision());
        } catch (RuntimeException e) {
            throw new InvalidInputException(name, "fhir.dateFormat", raw);
        }
    }

    /** The first instant of the value's period. */
    private static Instant start(String name, DateParam p, ZoneId zone) {
        Value value = value(name, p);
        DateTimeType v = value.v();
        TemporalPrecisionEnum precision = value.precision();
        if (precision.ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
            int month = precision == TemporalPrecisionEnum.YEAR ? 1 : v.getMonth() + 1;
            int day = precision == TemporalPrecisionEnum.DAY ? v.getDay() : 1;
            return LocalDate.of(v.getYear(), month, day).atStartOfDay(zone).toInstant();
        }
        if (v.getTimeZone() == null && !v.isTimeZoneZulu()) {
            return LocalDateTime.of(v.getYear(), v.getMonth() + 1, v.getDay(), v.getHour(), v.getMinute(), v.getSecond(),
                    v.getMillis() * 1_000_000).atZone(zone).toInstant();
        }
        return v.getValue().toInstant();
    }

    /** The first instant after the value's period. */
    private static Instant end(String name, DateParam p, ZoneId zone) {
        Instant start = start(name, p, zone);
        return switch (value(name, p).precision()) {
            case YEAR -> start.atZone(zone).plusYears(1).toInstant();
            case MONTH -> start.atZone(zone).plusMonths(1).toInstant();
            case DAY -> start.atZone(zone).plusDays(1).toInstant();
            case MINUTE -> start.plusSeconds(60);
            case SECOND -> start.plusSeconds(1);
            case MILLI -> start.plusMillis(1);
        };
    }
}
