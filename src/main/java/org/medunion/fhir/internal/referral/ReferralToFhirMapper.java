package org.medunion.fhir.internal.referral;

import java.util.Date;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.medunion.fhir.internal.ReferralTaskParameter;
import org.medunion.fhir.internal.Systems;
import org.medunion.referral.ReferralView;

/** A referral as FHIR R4: the order is a ServiceRequest (category referral), its workflow a Task. */
final class ReferralToFhirMapper {

    private ReferralToFhirMapper() {
    }

    /** A Task input/output type from the referral-task-parameter code system, with its code as text. */
    static CodeableConcept parameter(ReferralTaskParameter p) {
        return new CodeableConcept().addCoding(new Coding(ReferralFhir.CS_TASK_PARAMETER, p.code(), null)).setText(p.code());
    }

    static ServiceRequest serviceRequest(ReferralView r) {
        var sr = new ServiceRequest();
        sr.setId(new IdType("ServiceRequest", r.id().toString(), Long.toString(r.version())));
        sr.getMeta().setVersionId(Long.toString(r.version())).setLastUpdated(Date.from(r.updatedAt()));
        sr.addIdentifier().setSystem(Systems.ID_REFERRAL).setValue(r.number());
        sr.setStatus(ServiceRequest.ServiceRequestStatus.fromCode(ReferralFhir.serviceRequestStatus(r.status())));
        sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        sr.addCategory().addCoding(new Coding(ReferralFhir.SNOMED, ReferralFhir.REFERRAL_CATEGORY, "Patient referral"));
        sr.setPriority(ServiceRequest.ServiceRequestPriority.fromCode(ReferralFhir.priority(r.urgency())));
        var code = new CodeableConcept().addCoding(new Coding(ReferralFhir.CS_DIRECTION, ReferralFhir.code(r.direction()), null));
        if (r.toDepartment() != null) {
            code.setText(r.toDepartment());
        }
        sr.setCode(code);
        sr.setSubject(new Reference("Patient/" + r.residentId()));
        sr.setAuthoredOn(Date.from(r.createdAt()));
        sr.setRequester(new Reference("Organization/" + r.fromInstitutionId()));
        if (r.toInstitutionId() != null) {
            sr.addPerformer(new Reference("Organization/" + r.toInstitutionId()));
        }
        sr.addReasonCode().setText(r.diagnosisText())
                .addCoding(new Coding(ReferralFhir.ICD10, r.diagnosisCode(), r.diagnosisText()));
        sr.addNote().setText(r.reason());
        if (r.noCriteriaReason() != null) {
            sr.addExtension(ReferralFhir.EXT_NO_CRITERIA_REASON, new StringType(r.noCriteriaReason()));
        }
        if (r.routingFinding() != null) {
            for (String rule : r.routingFinding().split(",")) {
                sr.addExtension(ReferralFhir.EXT_ROUTING_FINDING, new Coding(ReferralFhir.CS_RULE, rule, null));
            }
        }
        return sr;
    }

    static Task task(ReferralView r) {
        var t = new Task();
        t.setId(new IdType("Task", r.id().toString(), Long.toString(r.version())));
        t.getMeta().setVersionId(Long.toString(r.version())).setLastUpdated(Date.from(r.updatedAt()));
        t.addIdentifier().setSystem(Systems.ID_REFERRAL).setValue(r.number());
        t.setStatus(Task.TaskStatus.fromCode(ReferralFhir.taskStatus(r.status())));
        t.setBusinessStatus(new CodeableConcept().addCoding(
                new Coding(ReferralFhir.CS_STATUS, ReferralFhir.code(r.status()), null)).setText(r.status().name()));
        t.setIntent(Task.TaskIntent.ORDER);
        t.setPriority(Task.TaskPriority.fromCode(ReferralFhir.priority(r.urgency())));
        t.setFocus(new Reference("ServiceRequest/" + r.id()));
        t.setFor(new Reference("Patient/" + r.residentId()));
        t.setAuthoredOn(Date.from(r.createdAt()));
        t.setLastModified(Date.from(r.updatedAt()));
        t.setRequester(new Reference("Organization/" + r.fromInstitutionId()));
        if (r.toInstitutionId() != null) {
            t.setOwner(new Reference("Organization/" + r.toInstitutionId()));
        }
        if (r.rejectionReason() != null) {
            t.setStatusReason(new CodeableConcept().addCoding(new Coding(ReferralFhir.CS_REJECTION,
                    ReferralFhir.code(r.rejectionReason()), null)).setText(r.rejectionText()));
        }
        if (r.acceptanceDeadline() != null) {
            t.getRestriction().setPeriod(new Period().setEnd(Date.from(r.acceptanceDeadline())));
            t.addExtension(ReferralFhir.EXT_DEADLINE, new DateTimeType(Date.from(r.acceptanceDeadline())));
        }
        if (r.escalated()) {
            t.addExtension(ReferralFhir.EXT_ESCALATED, new BooleanType(true));
        }
        if (r.feedback() != null) {
            t.addOutput().setType(parameter(ReferralTaskParameter.SUMMARY)).setValue(new StringType(r.feedback().summary()));
        }
        if (r.bookingId() != null) {
            var type = parameter(ReferralTaskParameter.BOOKING);
            if (r.bookingKind() != null) {
                type.addCoding(new Coding(ReferralFhir.CS_BOOKING_KIND, ReferralFhir.code(r.bookingKind()), null));
            }
            t.addOutput().setType(type).setValue(new Reference("Appointment/" + r.bookingId()));
        }
        if (r.homeCare() != null) {
            // home-based care (decision 0004): no Appointment; the responsible team / practitioner and the start
            if (r.homeCare().teamId() != null) {
                t.addOutput().setType(parameter(ReferralTaskParameter.CARE_TEAM))
                        .setValue(new Reference("CareTeam/" + r.homeCare().teamId()));
            }
            if (r.homeCare().practitionerId() != null) {
                t.addOutput().setType(parameter(ReferralTaskParameter.PRACTITIONER))
                        .setValue(new Reference("Practitioner/" + r.homeCare().practitionerId()));
            }
            t.addOutput().setType(parameter(ReferralTaskParameter.PLANNED_START))
                    .setValue(new DateType(r.homeCare().plannedStart().toString()));
        }
        return t;
    }
}
