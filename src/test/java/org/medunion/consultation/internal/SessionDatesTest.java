package org.medunion.consultation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.medunion.consultation.SessionRecurrence;

/** The days a series meets: both ends inclusive, the first weekday on or after the first day, months by first weekday. */
class SessionDatesTest {

    @Test
    void weeklyIncludesBothEnds() {
        LocalDate mon = LocalDate.of(2026, 12, 7);
        assertThat(SessionDates.days(SessionRecurrence.WEEKLY, DayOfWeek.MONDAY, mon, mon.plusWeeks(2)))
                .containsExactly(mon, mon.plusWeeks(1), mon.plusWeeks(2));
        assertThat(SessionDates.days(SessionRecurrence.WEEKLY, DayOfWeek.MONDAY, mon, mon)).containsExactly(mon);
        assertThat(SessionDates.days(SessionRecurrence.WEEKLY, DayOfWeek.MONDAY, mon.plusDays(1), mon.plusWeeks(1).minusDays(1))).isEmpty();
    }

    @Test
    void fortnightlyCountsFromTheFirstMeetingDay() {
        LocalDate tue = LocalDate.of(2026, 12, 1);
        assertThat(SessionDates.days(SessionRecurrence.FORTNIGHTLY, DayOfWeek.THURSDAY, tue, LocalDate.of(2026, 12, 31)))
                .containsExactly(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 17), LocalDate.of(2026, 12, 31));
    }

    @Test
    void monthlyOnTheFirstWeekdayInRange() {
        assertThat(SessionDates.days(SessionRecurrence.MONTHLY, DayOfWeek.WEDNESDAY, LocalDate.of(2026, 12, 3),
                LocalDate.of(2027, 2, 3))).containsExactly(LocalDate.of(2027, 1, 6), LocalDate.of(2027, 2, 3));
    }
}
