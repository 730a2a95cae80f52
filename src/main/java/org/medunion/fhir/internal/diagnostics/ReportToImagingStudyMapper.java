package org.medunion.fhir.internal.diagnostics;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.ItemKind;
import org.medunion.diagnostics.ReportStudy;
import org.medunion.diagnostics.ReportView;

/**
 * An imaging report's study (diagnostics.md (d), "images stay at the centre"): ImagingStudy and Endpoint share the
 * report's id; the Endpoint's address is the stored study URL — a DICOMweb WADO-RS base ({@code dicom-wado-rs}) or a
 * viewer link (IHE Invoke Image Display, {@code ihe-iid}). Only metadata travels: no series or instances are copied;
 * a study a PACS sent (decision 0238) adds its Study Instance UID, modalities, start and numbers of series and instances.
 */
final class ReportToImagingStudyMapper {

    private static final String CONNECTION = "http://terminology.hl7.org/CodeSystem/endpoint-connection-type";
    private static final TimeZone SHANGHAI = TimeZone.getTimeZone("Asia/Shanghai");

    private ReportToImagingStudyMapper() {
    }

    /**
     * An imaging report with a study reference has an ImagingStudy and an Endpoint; so has any report a PACS sent a study
     * with (decision 0238), the Endpoint only when it gave an address.
     */
    static boolean hasStudy(ReportView r) {
        return r.study() != null || r.kind() == ItemKind.IMAGING && hasEndpoint(r);
    }

    static boolean hasEndpoint(ReportView r) {
        return r.studyUrl() != null && !r.studyUrl().isBlank();
    }

    static ImagingStudy study(ReportView r) {
        var s = new ImagingStudy();
        s.setId("ImagingStudy/" + r.id().value());
        s.getMeta().setVersionId(Long.toString(r.version())).setLastUpdated(Date.from(r.recordedAt()));
        s.addIdentifier().setSystem(ReportToDiagnosticReportMapper.ID_REPORT).setValue(r.id().value().toString());
        s.setStatus(ImagingStudy.ImagingStudyStatus.AVAILABLE);
        s.setSubject(new Reference("Patient/" + r.residentId()));
        s.setStartedElement(new DateTimeType(r.resultDate().toString()));
        if (r.orderId() != null) {
            s.addBasedOn(new Reference("ServiceRequest/" + r.orderId() + DiagnosticsFhir.ORDER_SUFFIX));
        }
        if (hasEndpoint(r)) {
            s.addEndpoint(new Reference("Endpoint/" + r.id().value()));
        }
        sent(s, r.study());
        var item = new CodeableConcept().setText(r.itemName());
        item.addCoding().setSystem(ReportToDiagnosticReportMapper.ITEM_SYSTEM).setCode(r.itemCode()).setDisplay(r.itemName());
        s.addProcedureCode(item);
        s.setDescription(r.itemName());
        return s;
    }

    /** What the PACS sent (decision 0238): the Study Instance UID, modalities, start, numbers of series and instances. */
    private static void sent(ImagingStudy s, @Nullable ReportStudy study) {
        if (study == null) {
            return;
        }
        s.addIdentifier().setSystem(StudyReader.DICOM_UID).setValue(StudyReader.OID + study.uid());
        study.modalities().forEach(m -> s.addModality(StudyReader.modality(m)));
        if (study.started() != null) {
            s.setStartedElement(new DateTimeType(Date.from(study.started()), TemporalPrecisionEnum.SECOND, SHANGHAI));
        }
        if (study.series() != null) {
            s.setNumberOfSeries(study.series());
        }
        if (study.instances() != null) {
            s.setNumberOfInstances(study.instances());
        }
    }

    static Endpoint endpoint(ReportView r) {
        var e = new Endpoint();
        e.setId("Endpoint/" + r.id().value());
        e.getMeta().setVersionId(Long.toString(r.version())).setLastUpdated(Date.from(r.recordedAt()));
        e.setStatus(Endpoint.EndpointStatus.ACTIVE);
        boolean wado = wado(r.studyUrl());
        e.setConnectionType(new Coding(CONNECTION, wado ? "dicom-wado-rs" : "ihe-iid", wado ? "DICOM WADO-RS" : "IHE IID"));
        e.setName(r.itemName());
        e.setManagingOrganization(new Reference("Organization/" + r.performerInstitutionId()).setDisplay(r.performerName()));
        e.addPayloadType(new CodeableConcept().setText(wado ? "DICOM" : "viewer"));
        e.addPayloadMimeType(wado ? "application/dicom" : "text/html");
        e.setAddress(r.studyUrl());
        return e;
    }

    /** A DICOMweb address ({@code …/studies/…}, {@code …/wado…}, {@code …/dicomweb…}); anything else is a viewer link. */
    private static boolean wado(@Nullable String url) {
        if (url == null) {
            return false;
        }
        String u = url.toLowerCase(Locale.ROOT);
        return u.contains("/studies/") || u.contains("wado") || u.contains("dicomweb");
    }
}
