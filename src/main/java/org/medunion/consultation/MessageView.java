package org.medunion.consultation;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One message of the conversation, visible to both sides only. */
public record MessageView(UUID id, @Nullable UUID inReplyTo, String author, UUID institutionId, String body,
                          Instant createdAt) {
}
