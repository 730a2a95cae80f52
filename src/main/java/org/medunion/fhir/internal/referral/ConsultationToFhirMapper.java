package org.medunion.fhir.internal.referral;

import java.util.Date;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.medunion.consultation.ConsultationView;
import org.medunion.fhir.internal.ConsultationTaskParameter;
import org.medunion.fhir.internal.Systems;

/**
 * A consultation as FHIR R4: the request is a ServiceRequest (category SNOMED Consultation, code the
 * consultation type), its workflow a Task owned by the invited institution — the same ids, like a referral.
 */
final class ConsultationToFhirMapper {

    private ConsultationToFhirMapper() {
    }

    static Coding category() {
        return new Coding(ReferralFhir.SNOMED, ConsultationFhir.CONSULTATION_CATEGORY, "Consultation");
    }

    static ServiceRequest serviceRequest(ConsultationView c) {
        var sr = new ServiceRequest();
        sr.setId(new IdType("ServiceRequest", c.id().toString(), Long.toString(c.version())));
        sr.getMeta().setVersionId(Long.toString(c.version())).setLastUpdated(Date.from(c.updatedAt()));
        sr.addIdentifier().setSystem(Systems.ID_CONSULTATION).setValue(c.number());
        sr.setStatus(ServiceRequest.ServiceRequestStatus.fromCode(ConsultationFhir.serviceRequestStatus(c.status())));
        sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        sr.addCategory().addCoding(category());
        sr.setPriority(ServiceRequest.ServiceRequestPriority.fromCode(ReferralFhir.priority(c.urgency())));
        sr.setCode(new CodeableConcept().addCoding(new Coding(ConsultationFhir.CS_TYPE, ReferralFhir.code(c.type()), null)));
        sr.setSubject(new Reference("Patient/" + c.residentId()));
        sr.setAuthoredOn(Date.from(c.createdAt()));
        sr.setOccurrence(new DateTimeType(Date.from(c.request().proposedTime())));
        sr.setRequester(c.fromPractitionerId() != null ? new Reference("Practitioner/" + c.fromPractitionerId())
                : new Reference("Organization/" + c.fromInstitutionId()));
        sr.addPerformer(new Reference("Organization/" + c.toInstitutionId()));
        if (c.expertPractitionerId() != null) {
            sr.addPerformer(new Reference("Practitioner/" + c.expertPractitionerId()));
        }
        // the further experts of an MDT (decision 0255): the lead above signs the opinion
        c.panel().experts().forEach(e -> sr.addPerformer(new Reference("Practitioner/" + e.id())));
        sr.setPerformerType(new CodeableConcept().setText(c.request().invitedSpecialty()));
        sr.addExtension(ConsultationFhir.EXT_INVITED_TITLE, new StringType(c.request().invitedTitle()));
        if (c.toDepartment() != null) {
            sr.addExtension(ConsultationFhir.EXT_DEPARTMENT, new StringType(c.toDepartment()));
        }
        sr.addExtension(ConsultationFhir.EXT_CONVERSION, new BooleanType(c.conversionAuthorised()));
        sr.addReasonCode().setText(c.request().reason());
        sr.addNote().setText(c.request().purpose());
        sr.addSupportingInfo(new Reference().setDisplay(c.request().recordSummary()));
        sr.addSupportingInfo(new Reference("Consent/" + c.id()));
        ConsultationAttachmentsFhir.supportingInfo(sr, c.attachments());
        ConsultationChargeMapper.retention(c, sr);
        return sr;
    }

    static Task task(ConsultationView c) {
        var t = new Task();
        t.setId(new IdType("Task", c.id().toString(), Long.toString(c.version())));
        t.getMeta().setVersionId(Long.toString(c.version())).setLastUpdated(Date.from(c.updatedAt()));
        t.addIdentifier().setSystem(Systems.ID_CONSULTATION).setValue(c.number());
        t.setStatus(Task.TaskStatus.fromCode(ConsultationFhir.taskStatus(c.status())));
        t.setBusinessStatus(new CodeableConcept().addCoding(
                new Coding(ConsultationFhir.CS_STATUS, ReferralFhir.code(c.status()), null)).setText(c.status().name()));
        t.setIntent(Task.TaskIntent.ORDER);
        t.setPriority(Task.TaskPriority.fromCode(ReferralFhir.priority(c.urgency())));
        t.setCode(new CodeableConcept().addCoding(category()));
        t.setFocus(new Reference("ServiceRequest/" + c.id()));
        t.setFor(new Reference("Patient/" + c.residentId()));
        t.setAuthoredOn(Date.from(c.createdAt()));
        t.setLastModified(Date.from(c.updatedAt()));
        t.setRequester(new Reference("Organization/" + c.fromInstitutionId()));
        t.setOwner(new Reference("Organization/" + c.toInstitutionId()));
        if (c.declineReason() != null) {
            t.setStatusReason(new CodeableConcept().setText(c.declineReason()));
        }
        t.getRestriction().setPeriod(new Period().setEnd(Date.from(c.deadline().decideBy())));
        if (c.deadline().escalated()) {
            t.addExtension(ConsultationFhir.EXT_ESCALATED, new BooleanType(true));
        }
        if (c.sessionAt() != null) {
            t.addOutput().setType(type(ConsultationTaskParameter.SESSION)).setValue(new DateTimeType(Date.from(c.sessionAt())));
        }
        if (c.expertPractitionerId() != null) {
            t.addOutput().setType(type(ConsultationTaskParameter.EXPERT))
                    .setValue(new Reference("Practitioner/" + c.expertPractitionerId()));
        }
        var slot = c.panel().slot();
        if (slot != null && !slot.released()) {
            t.addOutput().setType(type(ConsultationTaskParameter.SLOT)).setValue(new Reference("Slot/" + slot.slotId()));
        }
        c.panel().experts().forEach(e -> t.addOutput().setType(type(ConsultationTaskParameter.MDT_EXPERT))
                .setValue(new Reference("Practitioner/" + e.id())));
        if (c.opinion() != null && c.opinion().signed()) {
            t.addOutput().setType(type(ConsultationTaskParameter.OPINION))
                    .setValue(new Reference("DocumentReference/" + c.id()));
        }
        return t;
    }

    /** A Task input/output type from the consultation-task-parameter code system, with its code as text. */
    static CodeableConcept type(ConsultationTaskParameter p) {
        return new CodeableConcept().addCoding(new Coding(ConsultationFhir.CS_TASK_PARAMETER, p.code(), null))
                .setText(p.code());
    }
}
