package org.medunion.diagnostics;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member orders an item for a resident at a shared centre it is served by. */
public record PlaceOrder(@Nullable UUID residentId, @Nullable String itemCode, @Nullable UUID centreId,
                         @Nullable Boolean urgent) {
}
