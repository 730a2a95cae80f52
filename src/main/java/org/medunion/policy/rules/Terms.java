package org.medunion.policy.rules;

import java.time.LocalDate;
import java.time.Period;
import org.jspecify.annotations.Nullable;

/**
 * The one date convention of the policy module (rules.md, interpretation notes): calendar dates, and every end
 * date is <em>inclusive</em> — a term from 2026-11-22 to 2028-11-21 lasts exactly two years, because agreements,
 * work logs and the demo data name the last day worked, not the first day after. Every rule compares dates
 * through these methods so that no rule drifts back to an exclusive end.
 */
public final class Terms {

    private Terms() {
    }

    /** The first day after an inclusive term; null (open-ended) stays null. */
    public static @Nullable LocalDate dayAfter(@Nullable LocalDate inclusiveEnd) {
        return inclusiveEnd == null ? null : inclusiveEnd.plusDays(1);
    }

    /** Whether {@code start..end} (end inclusive) lasts at least {@code length}; an open end lasts forever. */
    public static boolean lastsAtLeast(LocalDate start, LocalDate inclusiveEnd, Period length) {
        if (start == null) {
            return false;
        }
        return inclusiveEnd == null || !start.plus(length).isAfter(inclusiveEnd.plusDays(1));
    }

    /** Whether {@code start..end} (end inclusive) lasts at most {@code length}. */
    public static boolean lastsAtMost(LocalDate start, LocalDate inclusiveEnd, Period length) {
        return start != null && inclusiveEnd != null && !inclusiveEnd.plusDays(1).isAfter(start.plus(length));
    }

    /** Whether {@code day} lies within {@code start..end}, both inclusive; a null start or end is open. */
    public static boolean covers(LocalDate start, @Nullable LocalDate inclusiveEnd, @Nullable LocalDate day) {
        return (start == null || !start.isAfter(day)) && (inclusiveEnd == null || !inclusiveEnd.isBefore(day));
    }

    /** Whether a term has ended before {@code day} (its last day is earlier). */
    public static boolean endedBefore(@Nullable LocalDate inclusiveEnd, LocalDate day) {
        return inclusiveEnd != null && inclusiveEnd.isBefore(day);
    }

    /** Whether something held since {@code since} has been held for at least {@code length} on {@code day}. */
    public static boolean heldFor(@Nullable LocalDate since, LocalDate day, Period length) {
        return since != null && !since.plus(length).isAfter(day);
    }
}
