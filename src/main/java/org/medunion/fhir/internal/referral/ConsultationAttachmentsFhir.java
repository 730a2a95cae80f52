package org.medunion.fhir.internal.referral;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.AttachmentKind;
import org.medunion.consultation.AttachmentView;
import org.medunion.consultation.ResultAttachment;
import org.medunion.fhir.internal.Systems;

/**
 * Consultation attachments in FHIR (decision 0254): a result is a reference to its {@code DiagnosticReport}, an imaging
 * study to its {@code ImagingStudy} (both served by the diagnostics resources, with their own access rules); an uploaded
 * document has no FHIR resource of its own, so it travels as an {@code Attachment} whose {@code url} is its REST download
 * (audited there) or, in {@code ServiceRequest.supportingInfo}, as a reference by identifier with its title.
 */
final class ConsultationAttachmentsFhir {

    static final String ID_ATTACHMENT = "https://medunion.example/id/consultation-attachment";
    /**
     * The SHA-256 (hex) of an uploaded document, as stored: R4's {@code Attachment.hash} is defined as SHA-1, which the
     * module does not keep, so the stored digest travels in this extension instead (decision 0259).
     */
    static final String EXT_SHA256 = Systems.BASE + "/StructureDefinition/attachment-sha256";

    private ConsultationAttachmentsFhir() {
    }

    /** The results a posted ServiceRequest names in {@code supportingInfo} (DiagnosticReport or ImagingStudy). */
    static @Nullable List<ResultAttachment> results(ServiceRequest sr) {
        var out = new ArrayList<ResultAttachment>();
        for (int i = 0; i < sr.getSupportingInfo().size(); i++) {
            String ref = sr.getSupportingInfo().get(i).getReference();
            if (ref == null) {
                continue;
            }
            String field = "ServiceRequest.supportingInfo[" + i + "]";
            if (ref.startsWith("DiagnosticReport/")) {
                out.add(new ResultAttachment(AttachmentKind.RESULT, ReferralFhir.uuid(ref, "DiagnosticReport", field)));
            } else if (ref.startsWith("ImagingStudy/")) {
                out.add(new ResultAttachment(AttachmentKind.IMAGING_STUDY, ReferralFhir.uuid(ref, "ImagingStudy", field)));
            }
        }
        return out.isEmpty() ? null : out;
    }

    static void supportingInfo(ServiceRequest sr, @Nullable List<AttachmentView> attachments) {
        if (attachments == null) {
            return;
        }
        for (AttachmentView a : attachments) {
            if (a.kind() == AttachmentKind.DOCUMENT) {
                sr.addSupportingInfo(new Reference().setIdentifier(new Identifier().setSystem(ID_ATTACHMENT)
                        .setValue(a.id().toString())).setDisplay(a.title()));
            } else {
                sr.addSupportingInfo(reference(a));
            }
        }
    }

    static void payload(Communication out, List<AttachmentView> attachments) {
        for (AttachmentView a : attachments) {
            if (a.kind() == AttachmentKind.DOCUMENT) {
                out.addPayload().setContent(attachment(a));
            } else {
                out.addPayload().setContent(reference(a));
            }
        }
    }

    static Attachment attachment(AttachmentView a) {
        var out = new Attachment().setContentType(a.contentType()).setTitle(a.title()).setCreation(Date.from(a.addedAt()))
                .setUrl(download(a.consultationId(), a.id()));
        if (a.size() != null) {
            out.setSize(Math.toIntExact(a.size()));
        }
        if (a.sha256() != null) {
            out.addExtension(EXT_SHA256, new StringType(a.sha256()));
        }
        return out;
    }

    static String download(UUID consultation, UUID attachment) {
        return "/api/consultations/" + consultation + "/attachments/" + attachment + "/content";
    }

    private static Reference reference(AttachmentView a) {
        String type = a.kind() == AttachmentKind.IMAGING_STUDY ? "ImagingStudy" : "DiagnosticReport";
        return new Reference(type + "/" + a.reportId()).setDisplay(a.title());
    }
}
