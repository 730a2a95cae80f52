package org.medunion.scheduling;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
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
public record SlotSearch(@Nullable InstitutionId institution, @Nullable ConsortiumId consortium,
                         @Nullable ScheduleId schedule, @Nullable String department, @Nullable ScheduleKind kind,
                         @Nullable LocalDate date, @Nullable SlotPool pool, boolean freeOnly, int limit,
                         @Nullable SlotCursor after) {

    /** The first page. */
    public SlotSearch(@Nullable InstitutionId institution, @Nullable ConsortiumId consortium, @Nullable ScheduleId schedule,
                      @Nullable String department, @Nullable ScheduleKind kind, @Nullable LocalDate date,
                      @Nullable SlotPool pool, boolean freeOnly, int limit) {
        this(institution, consortium, schedule, department, kind, date, pool, freeOnly, limit, null);
    }

    public static SlotSearch ofSchedule(ScheduleId schedule) {
        return new SlotSearch(null, null, schedule, null, null, null, null, false, 500);
    }
}
