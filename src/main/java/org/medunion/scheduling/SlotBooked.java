package org.medunion.scheduling;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ResidentId;

/** A slot was booked (after commit). */
public record SlotBooked(BookingId bookingId, SlotId slotId, InstitutionId institutionId, ScheduleKind kind,
                         ResidentId residentId, boolean primaryCare, @Nullable Priority priority, Instant start) {
}
