package org.medunion.scheduling;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;

/**
 * One bookable unit.
 *
 * @param reserved   reserved for primary care at publication (counts for I-8 even after release)
 * @param pool       who may book it now
 * @param releaseAt  when a reserved slot still free goes public
 * @param releasedAt when it did, or null
 * @param updatedAt  when it was published or last booked, freed or released (FHIR {@code meta.lastUpdated})
 */
public record SlotView(SlotId id, ScheduleId scheduleId, InstitutionId institutionId, String department,
                       @Nullable String discipline, ScheduleKind kind, Instant start, Instant end, boolean reserved,
                       SlotPool pool, SlotStatus status, @Nullable Instant releaseAt, @Nullable Instant releasedAt, long version,
                       Instant updatedAt) {
}
