package org.medunion.fhir.internal.diagnostics;

import java.util.Date;
import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Reference;
import org.medunion.diagnostics.ItemKind;
import org.medunion.diagnostics.ReportView;

/**
 * An imaging report's study (diagnostics.md (d), "images stay at the centre"): ImagingStudy and Endpoint share the
 * report's id; the Endpoint's address is the stored study URL — a DICOMweb WADO-RS base ({@code dicom-wado-rs}) or a
 * viewer link (IHE Invoke Image Display, {@code ihe-iid}). Only metadata travels: no series or instances are copied.
 */
final class ReportToImagingStudyMapper {

    private static final String CONNECTION = "http://terminology.hl7.org/CodeSystem/endpoint-connection-type";

    private ReportToImagingStudyMapper() {
    }

    /** An imaging report with a study reference has an ImagingStudy and an Endpoint. */
    static boolean hasStudy(ReportView r) {
        return r.kind() == ItemKind.IMAGING && r.studyUrl() != null && !r.studyUrl().isBlank();
    }

    static ImagingStudy study(ReportView r) {
        var s = new ImagingStudy();
        s.setId("ImagingStudy/" + r.id().value());
        s.getMeta().setVersionId(Long.toString(r.version())).setLastUpdated(Date.from(r.recordedAt()));
        s.addIdentifier().setSystem(ReportToDiagnosticReportMapper.ID_REPORT).setValue(r.id().value().toString());
        s.setStatus(ImagingStudy.ImagingStudyStatus.AVAILABLE);
        s.setSubject(new Reference("Patient/" + r.residentId()));
        s.setStarted(new DateTimeType(r.resultDate().toString()).getValue());
        if (r.orderId() != null) {
            s.addBasedOn(new Reference("ServiceRequest/" + r.orderId() + DiagnosticsFhir.ORDER_SUFFIX));
        }
        s.addEndpoint(new Reference("Endpoint/" + r.id().value()));
        var item = new CodeableConcept().setText(r.itemName());
        item.addCoding().setSystem(ReportToDiagnosticReportMapper.ITEM_SYSTEM).setCode(r.itemCode()).setDisplay(r.itemName());
        s.addProcedureCode(item);
        s.setDescription(r.itemName());
        return s;
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
    private static boolean wado(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return u.contains("/studies/") || u.contains("wado") || u.contains("dicomweb");
    }
}
