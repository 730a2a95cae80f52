package org.medunion.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message of the conversation, visible to both sides only; {@code retainUntil} is the TM-9 process-record date, set
 * once the consultation has ended; {@code attachments}, the message's (decision 0254).
 */
public record MessageView(UUID id, @Nullable UUID inReplyTo, String author, UUID institutionId, String body,
                          Instant createdAt, @Nullable LocalDate retainUntil,
                          List<AttachmentView> attachments) {

    public MessageView {
        attachments = List.copyOf(attachments);
    }

    public MessageView withAttachments(List<AttachmentView> added) {
        return new MessageView(id, inReplyTo, author, institutionId, body, createdAt, retainUntil, added);
    }
}
