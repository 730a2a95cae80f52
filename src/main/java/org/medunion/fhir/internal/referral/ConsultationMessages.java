package org.medunion.fhir.internal.referral;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.AttachmentKind;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationView;
import org.medunion.consultation.PostMessage;
import org.medunion.consultation.ResultAttachment;
import org.medunion.consultation.UploadDocument;
import org.medunion.fhir.internal.Base64Paths;
import org.medunion.fhir.internal.References;
import org.medunion.shared.InvalidInputException;

/**
 * Reads a posted Communication as a message of a consultation's conversation, naming the offending element on bad
 * input: one {@code basedOn} (the consultation's ServiceRequest), status completed (or absent), one text payload and
 * any number of documents ({@code contentAttachment}: {@code data} in base64 with its {@code contentType}, a
 * {@code title}; {@code size} and {@code hash}, if sent, must match the data) and results by reference
 * ({@code contentReference} DiagnosticReport or ImagingStudy; decision 0259), at most one {@code inResponseTo} (an
 * earlier message), a {@code subject} (if any) that is the consultation's patient. Everything else — type, size and
 * title of a document, whether a result may be attached — the consultation module checks as on the REST side; its
 * field names are translated back to the payload they came from ({@link Message#paths()}).
 */
final class ConsultationMessages {

    /** A posted message: the consultation it is on, the module's command, its documents, the module's fields as FHIR. */
    record Message(ConsultationId consultation, PostMessage command, List<UploadDocument> documents,
                   Map<String, String> paths) {
    }

    private static final String PAYLOAD = "Communication.payload";

    private ConsultationMessages() {
    }

    static Message message(Communication posted) {
        if (posted.getBasedOn().size() != 1) {
            throw new InvalidInputException("Communication.basedOn", "fhir.notSupported");
        }
        UUID consultation = References.uuid(posted.getBasedOnFirstRep().getReference(), "ServiceRequest",
                "Communication.basedOn");
        if (posted.hasStatus() && posted.getStatus() != Communication.CommunicationStatus.COMPLETED) {
            throw new InvalidInputException("Communication.status", "request.unknownValue", posted.getStatus().toCode(),
                    "completed");
        }
        var paths = new HashMap<String, String>(Map.of("inReplyTo", "Communication.inResponseTo",
                "id", "Communication.basedOn", "body", PAYLOAD));
        String text = null;
        var documents = new ArrayList<UploadDocument>();
        var results = new ArrayList<ResultAttachment>();
        var payloads = posted.getPayload();
        for (int i = 0; i < payloads.size(); i++) {
            String at = PAYLOAD + "[" + i + "]";
            var content = payloads.get(i).getContent();
            if (content instanceof StringType s) {
                if (text != null) {
                    throw new InvalidInputException(at, "fhir.notSupported");
                }
                text = s.getValue() == null ? "" : s.getValue();
                paths.put("body", at + ".contentString");
            } else if (content instanceof Attachment a) {
                paths.put("files[" + documents.size() + "]", at + ".contentAttachment");
                paths.put("files[" + documents.size() + "].title", at + ".contentAttachment.title");
                documents.add(document(a, at + ".contentAttachment"));
            } else if (content instanceof Reference r) {
                String key = "attachments[" + results.size() + "]";
                Stream.of("", ".reportId", ".kind").forEach(k -> paths.put(key + k, at + ".contentReference"));
                results.add(result(r, at + ".contentReference"));
            } else {
                throw new InvalidInputException(at + ".content[x]", "fhir.wrongType", "string");
            }
        }
        if (text == null) {
            throw new InvalidInputException(PAYLOAD, "field.required");
        }
        paths.put("attachments", PAYLOAD);
        var command = new PostMessage(text, replyTo(posted), results.isEmpty() ? null : results);
        return new Message(new ConsultationId(consultation), command, documents, paths);
    }

    /** A document sent inline: base64 data (a url to fetch is not followed) with its content type, checked here. */
    private static UploadDocument document(Attachment a, String at) {
        if (!a.hasData()) {
            throw new InvalidInputException(at + ".data", "field.required");
        }
        if (!a.hasContentType()) {
            throw new InvalidInputException(at + ".contentType", "field.required"); // R4 att-1
        }
        byte[] data;
        try {
            data = Base64Paths.decode(a.getDataElement().getValueAsString());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(at + ".data", "fhir.base64");
        }
        if (a.hasSize() && a.getSize() != data.length) {
            throw new InvalidInputException(at + ".size", "fhir.attachmentMismatch", a.getSize() + " ≠ " + data.length);
        }
        if (a.hasHash() && !Arrays.equals(a.getHash(), sha1(data))) {
            throw new InvalidInputException(at + ".hash", "fhir.attachmentMismatch", "SHA-1");
        }
        return new UploadDocument(a.getTitle(), null, a.getContentType(), data, null);
    }

    /** A result attached by reference, as the consultation's request takes them. */
    private static ResultAttachment result(Reference r, String at) {
        String ref = r.getReference();
        if (ref != null && ref.startsWith("ImagingStudy/")) {
            return new ResultAttachment(AttachmentKind.IMAGING_STUDY, References.uuid(ref, "ImagingStudy", at));
        }
        return new ResultAttachment(AttachmentKind.RESULT, References.uuid(ref, "DiagnosticReport", at));
    }

    static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable UUID replyTo(Communication posted) {
        if (!posted.hasInResponseTo()) {
            return null;
        }
        if (posted.getInResponseTo().size() > 1) {
            throw new InvalidInputException("Communication.inResponseTo", "fhir.notSupported");
        }
        String reference = posted.getInResponseToFirstRep().getReference();
        String prefix = "Communication/" + ConsultationCommunications.PREFIX;
        if (reference == null || !reference.startsWith(prefix)) {
            throw new InvalidInputException("Communication.inResponseTo", "fhir.reference", reference,
                    prefix.substring(0, prefix.length() - 1));
        }
        return References.uuid(reference.substring(prefix.length()), null, "Communication.inResponseTo");
    }

    /** A subject, if sent, must be the consultation's patient: a message cannot be filed about someone else. */
    static void checkSubject(Communication posted, ConsultationView c) {
        if (posted.hasSubject() && !("Patient/" + c.residentId()).equals(posted.getSubject().getReference())) {
            throw new InvalidInputException("Communication.subject", "fhir.reference", posted.getSubject().getReference(),
                    "Patient");
        }
    }
}
