package org.medunion.consultation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step and the document uploaded with it, in one transaction (the console's forms send both at once): a refused
 * document leaves no request, message or result attached, a refused request no document (decision 0254).
 */
public interface ConsultationUploads {

    ConsultationView request(RequestConsultation command, @Nullable UploadDocument document);

    MessageView post(ConsultationId id, PostMessage message, @Nullable UploadDocument document);

    /**
     * A message and several documents uploaded with it (a FHIR Communication with attachments, decision 0259), each
     * checked like {@link ConsultationAttachments#upload}; a refused one is a 400 naming {@code files[i]} (or
     * {@code files[i].title}) and leaves neither the message nor any document.
     */
    MessageView post(ConsultationId id, PostMessage message, List<UploadDocument> documents);

    /** Results and a document attached to the request; the attachments written, oldest first. */
    List<AttachmentView> attach(ConsultationId id, List<ResultAttachment> results, @Nullable UploadDocument document);
}
