package org.medunion.consultation;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Attachments of a consultation's request and of the messages of its conversation (issue 14, decision 0254). Results
 * and imaging studies are attached by reference, read through the diagnostics module as the caller (a report the caller
 * may not read is 404 as there; one of another resident is 400 naming the field); documents are uploaded and kept in the
 * consultation's own tables. The two sides attach; the two sides and the consortium office read the request's
 * attachments, the two sides alone those of the conversation (as the conversation itself). Every attachment and every
 * read is audited with the resident as subject; nothing is ever deleted (TM-9: kept with the record, a message's with
 * the conversation).
 */
public interface ConsultationAttachments {

    /** The largest document accepted (4 MiB, decision 0254). */
    int MAX_UPLOAD_BYTES = 4 * 1024 * 1024;

    /** Results attached to the request, or to one message ({@code messageId}); all or none. */
    List<AttachmentView> attach(ConsultationId id, @Nullable UUID messageId, List<ResultAttachment> results);

    AttachmentView upload(ConsultationId id, UploadDocument document);

    /** Audited: the request's attachments and, for the two sides, those of the conversation; oldest first. */
    List<AttachmentView> attachments(ConsultationId id);

    /** Audited read of an uploaded document; a result attached by reference has no content here (404). */
    AttachmentContent download(ConsultationId id, UUID attachment);
}
