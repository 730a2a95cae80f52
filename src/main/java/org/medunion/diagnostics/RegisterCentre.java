package org.medunion.diagnostics;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Registers a shared centre; turnaround hours per item kind override SC-2's defaults for this centre. */
public record RegisterCentre(@Nullable UUID consortiumId, @Nullable UUID institutionId, @Nullable String type,
                             @Nullable String name, @Nullable List<UUID> members,
                             @Nullable Map<ItemKind, Integer> turnaroundHours) {
}
