package org.medunion.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One attachment of a consultation (its request when {@code messageId} is null, else that message of the
 * conversation). A result or imaging study carries its {@code reportId} and what it showed when attached (item name as
 * {@code title}, result date, performer); an uploaded document its content type, size and SHA-256 (hex). Who attached
 * it and from which side, when, and the TM-9 date it is kept until once the consultation has ended.
 */
public record AttachmentView(UUID id, UUID consultationId, @Nullable UUID messageId, AttachmentKind kind, String title,
                             @Nullable UUID reportId, @Nullable LocalDate resultDate, @Nullable String performerName,
                             @Nullable String contentType, @Nullable Long size, @Nullable String sha256, String addedBy,
                             UUID institutionId, Instant addedAt, @Nullable LocalDate retainUntil) {
}
