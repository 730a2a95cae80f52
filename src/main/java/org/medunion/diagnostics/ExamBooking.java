package org.medunion.diagnostics;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The exam slot booked with an order (SC-4, SC-6, decision 0236): the scheduling booking and slot, the department and
 * period of the slot at the institution running the centre, whether it came from the share reserved for primary care,
 * whether the resident got 优先检查 (PRIORITY_EXAM), and when the booking was released (the order cancelled or rejected,
 * or the booking cancelled in scheduling); null while it holds the slot.
 */
public record ExamBooking(UUID bookingId, UUID slotId, String department, Instant start, Instant end, boolean reservedShare,
                          boolean priority, @Nullable Instant releasedAt) {

    /** Whether the booking still holds its slot. */
    public boolean active() {
        return releasedAt == null;
    }
}
