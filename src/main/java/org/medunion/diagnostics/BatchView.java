package org.medunion.diagnostics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A sterilisation batch with its stock derived from the inventory log: {@code inStock} = quantity − issued + returned
 * unused. {@code expiresOn} is the last day a pack may be issued; {@code usable} = not expired, no failed indicator,
 * not recalled.
 */
public record BatchView(UUID id, UUID centreId, String centreName, UUID packTypeId, String packTypeName, String loadNumber,
                        int quantity, SterilisationMethod method, Instant sterilisedAt, LocalDate expiresOn,
                        IndicatorResult chemicalIndicator, IndicatorResult biologicalIndicator, @Nullable Instant recalledAt,
                        @Nullable String recallReason, int issued, int returnedUnused, int inStock, boolean expired,
                        boolean usable) {
}
