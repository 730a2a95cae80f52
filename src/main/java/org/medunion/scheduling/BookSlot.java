package org.medunion.scheduling;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.medunion.residents.ResidentId;

/**
 * Book a slot for a resident: either the given {@code slotId}, or the first free slot of {@code scheduleId}
 * (on {@code date} if given) — reserved capacity first for primary-care callers, then the public pool.
 */
public record BookSlot(@Nullable SlotId slotId, @Nullable ScheduleId scheduleId, @Nullable LocalDate date,
                       @Nullable ResidentId residentId) {

    public static BookSlot slot(SlotId slotId, ResidentId residentId) {
        return new BookSlot(slotId, null, null, residentId);
    }
}
