package org.medunion.diagnostics;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A consortium's shared centre (SC-1): the institution running it, the members it serves, turnaround targets (SC-2). */
public record CentreView(CentreId id, UUID consortiumId, UUID institutionId, String institutionName, CentreType type,
                         String name, List<UUID> members, Map<ItemKind, Integer> turnaroundHours) {
}
