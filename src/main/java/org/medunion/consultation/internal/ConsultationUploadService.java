package org.medunion.consultation.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.AttachmentView;
import org.medunion.consultation.ConsultationAttachments;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationManagement;
import org.medunion.consultation.ConsultationUploads;
import org.medunion.consultation.ConsultationView;
import org.medunion.consultation.MessageView;
import org.medunion.consultation.PostMessage;
import org.medunion.consultation.RequestConsultation;
import org.medunion.consultation.ResultAttachment;
import org.medunion.consultation.UploadDocument;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The facade's step and the attachment's upload joined in one transaction (decision 0254). */
@Service
@Transactional
class ConsultationUploadService implements ConsultationUploads {

    private final ConsultationManagement consultations;
    private final ConsultationAttachments attachments;

    ConsultationUploadService(ConsultationManagement consultations, ConsultationAttachments attachments) {
        this.consultations = consultations;
        this.attachments = attachments;
    }

    @Override
    public ConsultationView request(RequestConsultation command, @Nullable UploadDocument document) {
        ConsultationView created = consultations.request(command);
        if (document == null) {
            return created;
        }
        attachments.upload(new ConsultationId(created.id()), document);
        return consultations.get(new ConsultationId(created.id()));
    }

    @Override
    public MessageView post(ConsultationId id, PostMessage message, @Nullable UploadDocument document) {
        MessageView posted = consultations.postMessage(id, message);
        if (document == null) {
            return posted;
        }
        var with = new ArrayList<>(posted.attachments());
        with.add(upload(id, posted, document));
        return posted.withAttachments(with);
    }

    @Override
    public MessageView post(ConsultationId id, PostMessage message, List<UploadDocument> documents) {
        MessageView posted = consultations.postMessage(id, message);
        var with = new ArrayList<>(posted.attachments());
        for (int i = 0; i < documents.size(); i++) {
            try {
                with.add(upload(id, posted, ConsultationInput.required(documents.get(i), "file")));
            } catch (InvalidInputException e) {
                String field = e.field() == null || "file".equals(e.field()) ? "" : "." + e.field();
                var named = new InvalidInputException("files[" + i + "]" + field, e.code(), e.arguments().toArray());
                named.initCause(e);
                throw named;
            }
        }
        return posted.withAttachments(with);
    }

    private AttachmentView upload(ConsultationId id, MessageView posted, UploadDocument document) {
        return attachments.upload(id, new UploadDocument(document.title(), document.fileName(), document.declaredType(),
                document.content(), posted.id()));
    }

    @Override
    public List<AttachmentView> attach(ConsultationId id, List<ResultAttachment> results, @Nullable UploadDocument document) {
        var out = new ArrayList<>(attachments.attach(id, null, results));
        if (document != null) {
            out.add(attachments.upload(id, document));
        }
        return out;
    }
}
