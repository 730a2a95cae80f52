package org.medunion.diagnostics;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A sterilisation batch (lot) of one pack type (SC-7): quantity, load/cycle number, when it was sterilised and the
 * indicator results. The method defaults to the pack type's; the biological indicator to pending.
 */
public record RecordBatch(@Nullable UUID packTypeId, @Nullable Integer quantity, @Nullable String loadNumber,
                          @Nullable String method, @Nullable Instant sterilisedAt, @Nullable String chemicalIndicator,
                          @Nullable String biologicalIndicator) {
}
