package org.medunion.fhir.internal.referral;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Signature;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsentSigner;
import org.medunion.consultation.ConsultationView;
import org.medunion.fhir.internal.Systems;

/**
 * What a consultation files besides its request and Task, each with the consultation's id: the patient's
 * written consent (TM-2) as {@code Consent}, and — once signed — the opinion as {@code DocumentReference} with
 * a {@code Provenance} naming the signer and the time (TM-7). Their {@code meta} is the consultation's version and
 * last change, so {@code _lastUpdated} and vread mean the same on all of a consultation's resources.
 */
final class ConsultationRecordsMapper {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private ConsultationRecordsMapper() {
    }

    static Consent consent(ConsultationView c) {
        var consent = new Consent();
        var k = c.consent();
        consent.setId(new IdType("Consent", c.id().toString(), Long.toString(c.version())));
        consent.getMeta().setVersionId(Long.toString(c.version())).setLastUpdated(Date.from(c.updatedAt()));
        consent.addIdentifier().setSystem(Systems.ID_CONSULTATION).setValue(c.number());
        consent.setStatus(Consent.ConsentState.ACTIVE);
        consent.setScope(new CodeableConcept().addCoding(new Coding(ConsultationFhir.CONSENT_SCOPE, "treatment", null)));
        consent.addCategory().addCoding(new Coding(ConsultationFhir.LOINC, ConsultationFhir.CONSENT_CATEGORY, "Patient Consent"));
        consent.setPatient(new Reference("Patient/" + c.residentId()));
        var signedOn = new DateTimeType(Date.from(k.signedOn().atStartOfDay(SHANGHAI).toInstant()));
        signedOn.setPrecision(TemporalPrecisionEnum.DAY);
        consent.setDateTimeElement(signedOn);
        var signer = k.signer() == ConsentSigner.PATIENT ? new Reference("Patient/" + c.residentId())
                : new Reference().setDisplay(k.signerName());
        signer.addExtension(ConsultationFhir.EXT_CONSENT_SIGNER,
                new Coding(ConsultationFhir.CS_CONSENT_SIGNER, ReferralFhir.code(k.signer()), null));
        consent.addPerformer(signer);
        consent.addOrganization(new Reference("Organization/" + c.fromInstitutionId()));
        if (k.reason() != null) {
            consent.addExtension(ConsultationFhir.EXT_CONSENT_REASON, new StringType(k.reason()));
        }
        consent.addPolicy().setUri(ConsultationFhir.TM2);
        consent.getProvision().setType(Consent.ConsentProvisionType.PERMIT)
                .addData().setMeaning(Consent.ConsentDataMeaning.RELATED).setReference(new Reference("ServiceRequest/" + c.id()));
        return consent;
    }

    /** The signed opinion; {@code null} before it is signed. */
    static @Nullable DocumentReference opinion(ConsultationView c) {
        var o = c.opinion();
        Instant at = o == null ? null : o.signedAt();
        if (o == null || at == null) {
            return null;
        }
        var d = new DocumentReference();
        d.setId(new IdType("DocumentReference", c.id().toString(), Long.toString(c.version())));
        d.getMeta().setVersionId(Long.toString(c.version())).setLastUpdated(Date.from(c.updatedAt()));
        d.setMasterIdentifier(new Identifier().setSystem(Systems.ID_CONSULTATION)
                .setValue(c.number()));
        d.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        d.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
        d.setType(new CodeableConcept().addCoding(new Coding(ConsultationFhir.LOINC, ConsultationFhir.CONSULT_NOTE, "Consult note")));
        d.setSubject(new Reference("Patient/" + c.residentId()));
        d.setDate(Date.from(at));
        d.addAuthor(signer(c));
        d.addAuthor(new Reference("Organization/" + c.toInstitutionId()));
        d.setAuthenticator(signer(c));
        d.setCustodian(new Reference("Organization/" + c.toInstitutionId()));
        d.setDescription(c.number());
        d.addContent().setAttachment(new Attachment().setContentType("text/plain; charset=utf-8").setLanguage("zh-CN")
                .setData(o.text().getBytes(StandardCharsets.UTF_8)).setCreation(Date.from(at)));
        d.getContext().addRelated(new Reference("ServiceRequest/" + c.id()));
        return d;
    }

    /** Who signed the opinion and when; {@code null} before it is signed. */
    static @Nullable Provenance provenance(ConsultationView c) {
        var o = c.opinion();
        Instant at = o == null ? null : o.signedAt();
        if (at == null) {
            return null;
        }
        var p = new Provenance();
        p.setId(new IdType("Provenance", c.id().toString(), Long.toString(c.version())));
        p.getMeta().setVersionId(Long.toString(c.version())).setLastUpdated(Date.from(c.updatedAt()));
        p.addTarget(new Reference("DocumentReference/" + c.id()));
        p.setRecordedElement(new InstantType(Date.from(at)));
        p.addAgent().setType(new CodeableConcept().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "author", "Author")))
                .setWho(signer(c)).setOnBehalfOf(new Reference("Organization/" + c.toInstitutionId()));
        p.addSignature(new Signature().addType(new Coding(ConsultationFhir.SIGNATURE_TYPE, ConsultationFhir.AUTHOR_SIGNATURE,
                "Author's Signature")).setWhen(Date.from(at)).setWho(signer(c)));
        return p;
    }

    private static Reference signer(ConsultationView c) {
        var o = c.opinion();
        String by = o == null || o.signedBy() == null ? "" : o.signedBy();
        return c.expertPractitionerId() != null
                ? new Reference("Practitioner/" + c.expertPractitionerId()).setDisplay(by)
                : new Reference().setDisplay(by);
    }
}
