package org.medunion.consultation;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message in the consultation's conversation, optionally answering an earlier one (threads), with results attached by
 * reference (decision 0254; documents are uploaded to the message after).
 */
public record PostMessage(@Nullable String body, @Nullable UUID inReplyTo, @Nullable List<ResultAttachment> attachments) {
}
