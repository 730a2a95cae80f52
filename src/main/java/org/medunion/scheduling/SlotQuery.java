package org.medunion.scheduling;

import java.time.Instant;

/**
 * A page of slots (FHIR {@code Slot} search); every criterion is optional (null = any).
 *
 * @param startFrom first start instant admitted (inclusive)
 * @param startTo   last start instant admitted (inclusive)
 * @param status    FREE also leaves out slots that have already begun (they cannot be booked)
 * @param limit     rows of the page (1–500)
 * @param offset    rows skipped (≥ 0)
 */
public record SlotQuery(ScheduleId schedule, SlotStatus status, Instant startFrom, Instant startTo, int limit, int offset) {
}
