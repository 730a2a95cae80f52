package org.medunion.diagnostics;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member orders an item for a resident at a shared centre it is served by; an imaging order may book an exam slot of
 * the institution running the centre with it ({@code examSlot}, SC-4), in the same transaction.
 */
public record PlaceOrder(@Nullable UUID residentId, @Nullable String itemCode, @Nullable UUID centreId,
                         @Nullable Boolean urgent, @Nullable ExamSlotChoice examSlot) {

    /** An order without an exam slot. */
    public PlaceOrder(@Nullable UUID residentId, @Nullable String itemCode, @Nullable UUID centreId, @Nullable Boolean urgent) {
        this(residentId, itemCode, centreId, urgent, null);
    }
}
