package org.medunion.consultation;

/** An uploaded document with its bytes, as read (and audited) for a download. */
public record AttachmentContent(AttachmentView attachment, byte[] content) {
}
