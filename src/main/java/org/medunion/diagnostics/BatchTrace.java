package org.medunion.diagnostics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where every pack of a batch went and what came back (SC-7). {@code holders} are the members still holding packs of
 * it (issued − returned in any condition &gt; 0): on a recall, the institutions to call.
 */
public record BatchTrace(BatchView batch, List<InventoryEntry> entries, List<Member> members, List<Member> holders) {

    /** One member's totals for the batch. */
    public record Member(UUID institutionId, String institutionName, int issued, int returnedUsed, int returnedUnused,
                         int returnedDamaged, int holding, Instant lastIssuedAt) {
    }
}
