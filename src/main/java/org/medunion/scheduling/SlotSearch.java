package org.medunion.scheduling;

import java.time.LocalDate;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.InstitutionId;

/**
 * Slot search; every criterion is optional.
 *
 * @param department matches department or discipline, case-insensitive, partial
 * @param date       day in the jurisdiction's time zone
 * @param freeOnly   only FREE slots
 * @param limit      at most this many (capped at 500)
 * @param after      the page starts after this slot (keyset paging); null = the first page
 */
public record SlotSearch(InstitutionId institution, ConsortiumId consortium, ScheduleId schedule, String department,
                         ScheduleKind kind, LocalDate date, SlotPool pool, boolean freeOnly, int limit, SlotCursor after) {

    /** The first page. */
    public SlotSearch(InstitutionId institution, ConsortiumId consortium, ScheduleId schedule, String department,
                      ScheduleKind kind, LocalDate date, SlotPool pool, boolean freeOnly, int limit) {
        this(institution, consortium, schedule, department, kind, date, pool, freeOnly, limit, null);
    }

    public static SlotSearch ofSchedule(ScheduleId schedule) {
        return new SlotSearch(null, null, schedule, null, null, null, null, false, 500);
    }
}
