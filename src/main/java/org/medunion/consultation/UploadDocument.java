package org.medunion.consultation;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A document uploaded to a consultation, or to one message of its conversation ({@code messageId}): PDF, JPEG or PNG
 * as its first bytes show ({@code declaredType}, the type the client sent, must agree when it names one), at most
 * {@link ConsultationAttachments#MAX_UPLOAD_BYTES}. The title defaults to the file name.
 */
public record UploadDocument(@Nullable String title, @Nullable String fileName, @Nullable String declaredType,
                             byte @Nullable [] content, @Nullable UUID messageId) {
}
