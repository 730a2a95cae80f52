package org.medunion.diagnostics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One entry of the inventory log (SC-7), with the batch facts a member needs to act on a recall. */
public record InventoryEntry(UUID id, UUID batchId, String loadNumber, String packTypeName, UUID centreId, String centreName,
                             UUID institutionId, String institutionName, InventoryMove move, int quantity,
                             @Nullable PackCondition condition, LocalDate expiresOn, boolean recalled, String recordedBy,
                             Instant recordedAt) {
}
