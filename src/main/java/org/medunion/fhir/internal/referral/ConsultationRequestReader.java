package org.medunion.fhir.internal.referral;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsentSigner;
import org.medunion.consultation.ConsultationManagement;
import org.medunion.consultation.ConsultationType;
import org.medunion.consultation.ConsultationView;
import org.medunion.consultation.RequestConsultation;
import org.medunion.fhir.internal.FieldPaths;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/ServiceRequest} of category Consultation → {@link RequestConsultation} through the public
 * {@link ConsultationManagement} API, so every TM gate applies; a refused gate is a 422 OperationOutcome naming the
 * rule and the element. The TM-2 consent travels as a contained {@code Consent} (docs/fhir.md "Consultation").
 */
@Component
class ConsultationRequestReader {

    /** The consultation module's field names → the ServiceRequest elements they came from. */
    private static final Map<String, String> PATHS = Map.ofEntries(
            Map.entry("type", "ServiceRequest.code"), Map.entry("urgency", "ServiceRequest.priority"),
            Map.entry("fromInstitutionId", "ServiceRequest.requester"),
            Map.entry("fromPractitionerId", "ServiceRequest.requester"),
            Map.entry("toInstitutionId", "ServiceRequest.performer"),
            Map.entry("expertPractitionerId", "ServiceRequest.performer"),
            Map.entry("toDepartment", "ServiceRequest.extension"), Map.entry("residentId", "ServiceRequest.subject"),
            Map.entry("reason", "ServiceRequest.reasonCode"), Map.entry("purpose", "ServiceRequest.note"),
            Map.entry("proposedTime", "ServiceRequest.occurrence"),
            Map.entry("recordSummary", "ServiceRequest.supportingInfo"),
            Map.entry("invitedSpecialty", "ServiceRequest.performerType"),
            Map.entry("invitedTitle", "ServiceRequest.extension"),
            Map.entry("consentSigner", "ServiceRequest.contained.performer"),
            Map.entry("consentSignerName", "ServiceRequest.contained.performer"),
            Map.entry("consentReason", "ServiceRequest.contained.extension"),
            Map.entry("consentSignedOn", "ServiceRequest.contained.dateTime"),
            Map.entry("attachments", "ServiceRequest.supportingInfo"));

    private final ConsultationManagement consultations;

    ConsultationRequestReader(ConsultationManagement consultations) {
        this.consultations = consultations;
    }

    static boolean isConsultation(ServiceRequest sr) {
        return sr.getCategory().stream().flatMap(c -> c.getCoding().stream())
                .anyMatch(c -> ReferralFhir.SNOMED.equals(c.getSystem())
                        && ConsultationFhir.CONSULTATION_CATEGORY.equals(c.getCode()));
    }

    ConsultationView create(ServiceRequest sr) {
        String status = sr.hasStatus() ? sr.getStatus().toCode() : "active";
        if (!status.equals("active")) {
            throw new InvalidInputException("ServiceRequest.status", "request.unknownValue", status, "active");
        }
        ConsultationType type = sr.getCode().getCoding().stream()
                .filter(c -> ConsultationFhir.CS_TYPE.equals(c.getSystem())).findFirst()
                .map(c -> ReferralFhir.parse(ConsultationType.class, c.getCode(), "ServiceRequest.code")).orElse(null);
        UUID fromInstitution = null;
        UUID fromPractitioner = null;
        if (sr.hasRequester()) {
            String ref = sr.getRequester().getReference();
            if (ref != null && ref.startsWith("Practitioner/")) {
                fromPractitioner = ReferralFhir.uuid(ref, "Practitioner", "ServiceRequest.requester");
            } else {
                fromInstitution = ReferralFhir.uuid(ref, "Organization", "ServiceRequest.requester");
            }
        }
        UUID to = null;
        UUID expert = null;
        for (Reference p : sr.getPerformer()) {
            String ref = p.getReference();
            if (ref != null && ref.startsWith("Practitioner/")) {
                expert = ReferralFhir.uuid(ref, "Practitioner", "ServiceRequest.performer");
            } else {
                to = ReferralFhir.uuid(ref, "Organization", "ServiceRequest.performer");
            }
        }
        UUID resident = sr.hasSubject() ? ReferralFhir.uuid(sr.getSubject().getReference(), "Patient", "ServiceRequest.subject")
                : null;
        Consent consent = sr.getContained().stream().filter(Consent.class::isInstance).map(Consent.class::cast)
                .findFirst().orElse(null);
        var command = new RequestConsultation(type, sr.hasPriority() ? ConsultationFhir.urgency(sr.getPriority().toCode()) : null,
                fromInstitution, fromPractitioner, to, text(sr, ConsultationFhir.EXT_DEPARTMENT), expert, resident,
                sr.hasReasonCode() ? sr.getReasonCodeFirstRep().getText() : null,
                sr.hasNote() ? sr.getNoteFirstRep().getText() : null,
                sr.hasOccurrenceDateTimeType() && sr.getOccurrenceDateTimeType().getValue() != null
                        ? sr.getOccurrenceDateTimeType().getValue().toInstant() : null,
                sr.getSupportingInfo().stream().filter(r -> !r.hasReference() && r.hasDisplay()).map(Reference::getDisplay)
                        .findFirst().orElse(null),
                sr.hasPerformerType() ? sr.getPerformerType().getText() : null, text(sr, ConsultationFhir.EXT_INVITED_TITLE),
                consent == null ? null : signer(consent), consent == null ? null : signerName(consent),
                consent == null ? null : consentReason(consent), consent == null ? null : signedOn(consent),
                sr.getExtensionByUrl(ConsultationFhir.EXT_CONVERSION) != null
                        && sr.getExtensionByUrl(ConsultationFhir.EXT_CONVERSION).getValue() instanceof BooleanType b
                        && b.booleanValue(),
                ConsultationAttachmentsFhir.results(sr));
        try {
            return consultations.request(command); // Idempotency-Key: the shared IdempotencyFilter
        } catch (RuntimeException e) {
            throw FieldPaths.translate(e, "ServiceRequest", PATHS);
        }
    }

    private static @Nullable String text(ServiceRequest sr, String url) {
        var ext = sr.getExtensionByUrl(url);
        return ext != null && ext.getValue() instanceof StringType s ? s.getValue() : null;
    }

    /** The signer's role: the patient when the performer is the Patient, else the coded role on the performer. */
    private static @Nullable ConsentSigner signer(Consent consent) {
        if (!consent.hasPerformer()) {
            return null;
        }
        Reference who = consent.getPerformerFirstRep();
        var role = who.getExtensionByUrl(ConsultationFhir.EXT_CONSENT_SIGNER);
        if (role != null && role.getValue() instanceof Coding c) {
            return ReferralFhir.parse(ConsentSigner.class, c.getCode(), "ServiceRequest.contained.performer");
        }
        return who.getReference() != null && who.getReference().startsWith("Patient/") ? ConsentSigner.PATIENT : null;
    }

    private static @Nullable String signerName(Consent consent) {
        return consent.hasPerformer() ? consent.getPerformerFirstRep().getDisplay() : null;
    }

    private static @Nullable String consentReason(Consent consent) {
        var ext = consent.getExtensionByUrl(ConsultationFhir.EXT_CONSENT_REASON);
        return ext != null && ext.getValue() instanceof StringType s ? s.getValue() : null;
    }

    private static @Nullable LocalDate signedOn(Consent consent) {
        DateTimeType d = consent.getDateTimeElement();
        return d == null || d.getValue() == null ? null : LocalDate.of(d.getYear(), d.getMonth() + 1, d.getDay());
    }
}
