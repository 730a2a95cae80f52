package org.medunion.consultation;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A message in the consultation's conversation, optionally answering an earlier one (threads). */
public record PostMessage(@Nullable String body, @Nullable UUID inReplyTo) {
}
