package org.medunion.scheduling;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ContractId;
import org.medunion.residents.ResidentId;

/**
 * A booking of one slot.
 *
 * @param pool                the pool the slot was booked from
 * @param primaryCare         booked by primary care for a contracted resident (counts for I-9)
 * @param priority            优先就诊/检查/住院, or null
 * @param bookedByInstitution the caller's institution, or null
 * @param updatedAt           when it was booked or its status last changed (FHIR {@code meta.lastUpdated})
 */
public record BookingView(BookingId id, SlotId slotId, ScheduleId scheduleId, InstitutionId institutionId,
                          String department, ScheduleKind kind, Instant start, Instant end, SlotPool pool,
                          ResidentId residentId, String bookedBy, @Nullable InstitutionId bookedByInstitution,
                          boolean primaryCare, @Nullable Priority priority, @Nullable ContractId contractId, BookingStatus status,
                          Instant createdAt, Instant updatedAt) {
}
