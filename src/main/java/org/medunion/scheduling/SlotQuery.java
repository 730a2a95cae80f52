package org.medunion.scheduling;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A page of slots (FHIR {@code Slot} search); every criterion is optional (null = any).
 *
 * @param startFrom first start instant admitted (inclusive)
 * @param startTo   last start instant admitted (inclusive)
 * @param updatedFrom first change instant admitted (inclusive; FHIR {@code _lastUpdated})
 * @param updatedTo   last change instant admitted (inclusive)
 * @param status    FREE also leaves out slots that have already begun (they cannot be booked)
 * @param limit     rows of the page (1–500)
 * @param offset    rows skipped (≥ 0)
 */
public record SlotQuery(@Nullable ScheduleId schedule, @Nullable SlotStatus status, @Nullable Instant startFrom,
                        @Nullable Instant startTo, @Nullable Instant updatedFrom, @Nullable Instant updatedTo, int limit,
                        int offset) {
}
