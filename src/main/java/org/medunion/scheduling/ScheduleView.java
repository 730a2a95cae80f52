package org.medunion.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;

/** A published schedule with its slot counts. */
public record ScheduleView(ScheduleId id, InstitutionId institutionId, String department, @Nullable String discipline,
                           @Nullable PractitionerId practitionerId, ScheduleKind kind, LocalDate periodStart, LocalDate periodEnd,
                           ReservedShare reservedShare, Duration releaseLeadTime, int slotCount, int reservedCount,
                           Instant createdAt, String createdBy) {
}
