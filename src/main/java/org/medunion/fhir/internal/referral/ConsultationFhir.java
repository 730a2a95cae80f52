package org.medunion.fhir.internal.referral;

import java.util.EnumSet;
import java.util.Set;
import org.medunion.consultation.ConsultationStatus;
import org.medunion.consultation.ConsultationUrgency;

/**
 * URIs and code mappings of the consultation resources (ServiceRequest + Task, Consent, DocumentReference,
 * Provenance; consultation.md "FHIR R4 mapping", docs/fhir.md "Consultation").
 */
final class ConsultationFhir {

    static final String CS_TYPE = ReferralFhir.BASE + "/CodeSystem/consultation-type";
    static final String CS_STATUS = ReferralFhir.BASE + "/CodeSystem/consultation-status";
    static final String CS_CONSENT_SIGNER = ReferralFhir.BASE + "/CodeSystem/consent-signer";
    static final String CS_FEE_PAYER = ReferralFhir.BASE + "/CodeSystem/consultation-fee-payer";
    static final String CS_RETENTION_CLASS = ReferralFhir.BASE + "/CodeSystem/retention-class";
    /** Task.input / Task.output types of a consultation (decision 0259). */
    static final String CS_TASK_PARAMETER = ReferralFhir.BASE + "/CodeSystem/consultation-task-parameter";
    /** TM-13: who pays the price item (ChargeItem). */
    static final String EXT_FEE_PAYER = ReferralFhir.BASE + "/StructureDefinition/consultation-fee-payer";
    /** TM-9: the retention class and dates of an ended consultation (complex: class, retainUntil, processRetainUntil). */
    static final String EXT_RETENTION = ReferralFhir.BASE + "/StructureDefinition/record-retention";
    static final String EXT_INVITED_TITLE = ReferralFhir.BASE + "/StructureDefinition/consultation-invited-title";
    static final String EXT_DEPARTMENT = ReferralFhir.BASE + "/StructureDefinition/consultation-department";
    static final String EXT_CONVERSION = ReferralFhir.BASE + "/StructureDefinition/consultation-conversion-authorised";
    static final String EXT_ESCALATED = ReferralFhir.BASE + "/StructureDefinition/consultation-escalated";
    static final String EXT_CONSENT_SIGNER = ReferralFhir.BASE + "/StructureDefinition/consent-signer";
    static final String EXT_CONSENT_REASON = ReferralFhir.BASE + "/StructureDefinition/consent-signer-reason";
    /** SNOMED CT 11429006 Consultation: the ServiceRequest category that tells a consultation from a referral. */
    static final String CONSULTATION_CATEGORY = "11429006";
    static final String LOINC = "http://loinc.org";
    /** LOINC 59284-0 Patient Consent (Consent.category). */
    static final String CONSENT_CATEGORY = "59284-0";
    /** LOINC 11488-4 Consult note (DocumentReference.type of the signed opinion). */
    static final String CONSULT_NOTE = "11488-4";
    static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    /** ASTM E1762 signature type 1.2.840.10065.1.12.1.1 Author's Signature. */
    static final String SIGNATURE_TYPE = "urn:iso-astm:E1762-95:2013";
    static final String AUTHOR_SIGNATURE = "1.2.840.10065.1.12.1.1";
    /** The TM-2 rule the consent satisfies (Consent.policy.uri). */
    static final String TM2 = ReferralFhir.CS_RULE + "#TM-2";

    private ConsultationFhir() {
    }

    /** Workflow state → Task.status; the exact state travels in Task.businessStatus (decision 0180). */
    static String taskStatus(ConsultationStatus s) {
        return switch (s) {
            case REQUESTED -> "requested";
            case INFO_REQUESTED -> "on-hold";
            case ACCEPTED -> "accepted";
            case DECLINED -> "rejected";
            case IN_SESSION, OPINION_DRAFTED -> "in-progress";
            case OPINION_SIGNED, ACKNOWLEDGED, CLOSED -> "completed";
            case CANCELLED -> "cancelled";
            case EXPIRED -> "failed";
        };
    }

    /** Task.status → the workflow states it stands for (search); none for a code no consultation state maps to. */
    static Set<ConsultationStatus> statuses(String taskStatus) {
        var out = EnumSet.noneOf(ConsultationStatus.class);
        for (ConsultationStatus s : ConsultationStatus.values()) {
            if (taskStatus(s).equals(taskStatus)) {
                out.add(s);
            }
        }
        return out;
    }

    static String serviceRequestStatus(ConsultationStatus s) {
        return switch (s) {
            case OPINION_SIGNED, ACKNOWLEDGED, CLOSED -> "completed";
            case DECLINED, CANCELLED, EXPIRED -> "revoked";
            default -> "active";
        };
    }

    static ConsultationUrgency urgency(String priority) {
        return ConsultationUrgency.valueOf(ReferralFhir.urgency(priority).name());
    }
}
