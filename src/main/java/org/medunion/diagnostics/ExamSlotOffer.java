package org.medunion.diagnostics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The free exam slots an imaging order at a centre may book for a resident, as the caller would book them (SC-4,
 * SC-6): the reserved share first where the caller books for primary care, then the public pool; {@code priority} when
 * the booking would carry 优先检查. {@code refusal} is the error code when the scheduling rules let the caller book no
 * slot for this resident (a family doctor books only for residents contracted with their institution); the order can
 * still be placed without one.
 */
public record ExamSlotOffer(UUID centreId, UUID institutionId, boolean reservedShare, boolean priority, @Nullable String refusal,
                            List<Slot> slots) {

    /** One free slot of an EXAM schedule of the institution running the centre. */
    public record Slot(UUID id, String department, Instant start, Instant end, boolean reservedShare) {
    }
}
