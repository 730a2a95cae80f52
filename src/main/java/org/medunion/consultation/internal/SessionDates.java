package org.medunion.consultation.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.medunion.consultation.SessionRecurrence;

/**
 * The days a series meets, from its first to its last day, both inclusive: every week or every other week on the
 * weekday (counting from the first such day), or on the first such weekday of each month that falls in the range.
 */
final class SessionDates {

    private SessionDates() {
    }

    static List<LocalDate> days(SessionRecurrence recurrence, DayOfWeek weekday, LocalDate first, LocalDate last) {
        List<LocalDate> out = new ArrayList<>();
        if (recurrence == SessionRecurrence.MONTHLY) {
            for (LocalDate month = first.withDayOfMonth(1); !month.isAfter(last); month = month.plusMonths(1)) {
                LocalDate day = month.with(TemporalAdjusters.firstInMonth(weekday));
                if (!day.isBefore(first) && !day.isAfter(last)) {
                    out.add(day);
                }
            }
            return out;
        }
        int step = recurrence == SessionRecurrence.FORTNIGHTLY ? 2 : 1;
        for (LocalDate day = first.with(TemporalAdjusters.nextOrSame(weekday)); !day.isAfter(last); day = day.plusWeeks(step)) {
            out.add(day);
        }
        return out;
    }
}
