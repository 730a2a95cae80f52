package org.medunion.consultation;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What happened at a session: the practitioners who attended (of either institution) and the residents seen — each one
 * the host institution has a care relationship with — and a note. Recording again replaces the lists.
 */
public record RecordSession(@Nullable List<UUID> attendeeIds, @Nullable List<UUID> residentIds, @Nullable String note) {
}
