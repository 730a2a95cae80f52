package org.medunion.fhir.internal.referral;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationManagement;
import org.medunion.consultation.ConsultationSearch;
import org.medunion.consultation.ConsultationUploads;
import org.medunion.consultation.ConsultationView;
import org.medunion.consultation.MessageView;
import org.medunion.fhir.internal.FieldPaths;
import org.medunion.fhir.internal.References;
import org.medunion.fhir.internal.diagnostics.CommunicationKind;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The conversation of a consultation (questions and answers of the two sides, threaded) as FHIR Communication
 * {@code consultation-<message>} (consultation.md "FHIR R4 mapping", decision 0245): {@code basedOn} the consultation's
 * ServiceRequest, {@code inResponseTo} the message it answers, sent by one side's Organization to the other's, the
 * text as payload. A message never changes, so its version is 1 and {@code meta.lastUpdated} its sending time. Reads,
 * searches and posts go through the consultation module: the two sides only (the office and anyone else: 404 or an
 * empty search, as on the REST side), every read audited with the resident.
 */
@Component
class ConsultationCommunications implements CommunicationKind {

    static final String PREFIX = "consultation-";
    /** The most consultations of one resident a patient search reads conversations of. */
    private static final int MAX_CONSULTATIONS = 500;

    private final ConsultationManagement consultations;
    private final ConsultationUploads uploads;

    ConsultationCommunications(ConsultationManagement consultations, ConsultationUploads uploads) {
        this.consultations = consultations;
        this.uploads = uploads;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Optional<Communication> read(String rest) {
        Optional<UUID> parsed = CommunicationKind.uuid(rest);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        UUID message = parsed.get();
        ConsultationId id = consultations.conversationOf(message);
        ConsultationView c = consultations.get(id);
        return consultations.messages(id).stream().filter(m -> m.id().equals(message)).findFirst()
                .map(m -> communication(c, m));
    }

    @Override
    public List<Communication> ofPatient(UUID resident) {
        var seen = consultations.search(new ConsultationSearch(null, null, null, resident, null, null, null,
                MAX_CONSULTATIONS, 0));
        List<Communication> out = new ArrayList<>();
        seen.items().forEach(c -> out.addAll(conversation(c)));
        out.sort(Comparator.comparing(Communication::getSent).reversed());
        return out;
    }

    @Override
    public List<Communication> basedOn(String reference) {
        ConsultationView c;
        try {
            c = consultations.get(new ConsultationId(References.uuid(reference, "ServiceRequest", "based-on")));
        } catch (NotFoundException e) {
            return List.of(); // a referral, or a consultation the caller may not see: no conversation for them
        }
        return conversation(c);
    }

    /** The messages of a consultation the caller sees; none for the office, which does not read the conversation. */
    private List<Communication> conversation(ConsultationView c) {
        try {
            return consultations.messages(new ConsultationId(c.id())).stream().map(m -> communication(c, m)).toList();
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    @Override
    public boolean creates(Communication posted) {
        return posted.hasBasedOn();
    }

    @Override
    public Communication create(Communication posted) {
        var message = ConsultationMessages.message(posted);
        ConsultationView c = consultations.get(message.consultation());
        ConsultationMessages.checkSubject(posted, c);
        MessageView m;
        try {
            m = uploads.post(message.consultation(), message.command(), message.documents());
        } catch (RuntimeException e) {
            throw FieldPaths.translate(e, "Communication", message.paths());
        }
        return communication(c, m);
    }

    static Communication communication(ConsultationView c, MessageView m) {
        var out = new Communication();
        out.setId(new IdType("Communication", PREFIX + m.id(), "1"));
        out.getMeta().setVersionId("1").setLastUpdated(Date.from(m.createdAt()));
        out.addBasedOn(new Reference("ServiceRequest/" + c.id()));
        @Nullable
        UUID replyTo = m.inReplyTo();
        if (replyTo != null) {
            out.addInResponseTo(new Reference("Communication/" + PREFIX + replyTo));
        }
        out.setStatus(Communication.CommunicationStatus.COMPLETED);
        out.setSubject(new Reference("Patient/" + c.residentId()));
        out.getTopic().setText(c.number());
        out.setSent(Date.from(m.createdAt()));
        out.setSender(new Reference("Organization/" + m.institutionId()));
        UUID other = m.institutionId().equals(c.fromInstitutionId()) ? c.toInstitutionId() : c.fromInstitutionId();
        out.addRecipient(new Reference("Organization/" + other));
        out.addPayload().setContent(new StringType(m.body()));
        ConsultationAttachmentsFhir.payload(out, m.attachments());
        return out;
    }
}
