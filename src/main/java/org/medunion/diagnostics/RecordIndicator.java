package org.medunion.diagnostics;

import org.jspecify.annotations.Nullable;

/** A later indicator result for a batch (the biological one is read after incubation); a failure recalls the batch. */
public record RecordIndicator(@Nullable String chemicalIndicator, @Nullable String biologicalIndicator) {
}
