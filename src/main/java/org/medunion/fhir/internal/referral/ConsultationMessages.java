package org.medunion.fhir.internal.referral;

import java.util.UUID;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationView;
import org.medunion.consultation.PostMessage;
import org.medunion.fhir.internal.References;
import org.medunion.shared.InvalidInputException;

/**
 * Reads a posted Communication as a message of a consultation's conversation, naming the offending element on bad
 * input: one {@code basedOn} (the consultation's ServiceRequest), status completed (or absent), one text
 * {@code payload}, at most one {@code inResponseTo} (an earlier message), a {@code subject} (if any) that is the
 * consultation's patient. Everything else the consultation module checks as on the REST side.
 */
final class ConsultationMessages {

    /** A posted message: the consultation it is on and the module's command. */
    record Message(ConsultationId consultation, PostMessage command) {
    }

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
        if (posted.getPayload().isEmpty()) {
            throw new InvalidInputException("Communication.payload", "field.required");
        }
        if (posted.getPayload().size() > 1) {
            throw new InvalidInputException("Communication.payload", "fhir.notSupported");
        }
        if (!(posted.getPayloadFirstRep().getContent() instanceof StringType text)) {
            throw new InvalidInputException("Communication.payload[0].content[x]", "fhir.wrongType", "string");
        }
        return new Message(new ConsultationId(consultation), new PostMessage(text.getValue(), replyTo(posted), null));
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
