package org.medunion.consultation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A live consultation session held (remote, inter-hospital, MDT): the practitioners present of both sides — the side
 * follows from where each is registered or dispatched — when it was held (default now) and a note (decision 0255).
 */
public record RecordLiveSession(@Nullable Instant heldAt, @Nullable List<UUID> participantIds, @Nullable String note) {
}
