package org.medunion.diagnostics;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Packs of a batch issued to a member institution, or returned by it with their condition (SC-7). */
public record MovePacks(@Nullable UUID batchId, @Nullable UUID institutionId, @Nullable Integer quantity,
                        @Nullable String condition) {
}
