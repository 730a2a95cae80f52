package org.medunion.consultation;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A result attached by reference: {@code reportId} is a diagnostics report of the consultation's resident that the
 * caller may read; {@code kind} is {@link AttachmentKind#RESULT} (the report) or {@link AttachmentKind#IMAGING_STUDY}
 * (the imaging study the report describes), {@code RESULT} when absent.
 */
public record ResultAttachment(@Nullable AttachmentKind kind, @Nullable UUID reportId) {
}
