package org.medunion.fhir.internal.diagnostics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.medunion.diagnostics.ItemKind;
import org.medunion.diagnostics.ReportStatus;
import org.medunion.diagnostics.ReportView;
import org.medunion.fhir.internal.Systems;

/**
 * A diagnostics report as FHIR DiagnosticReport with its values as Observations (diagnostics.md, FHIR mapping):
 * status, category (HL7 v2-0074 diagnostic service section), the catalogue item as code, the resident as subject,
 * the result date as effective, the performing institution, the conclusion, the study reference as presented form
 * (images stay at the centre) and the recognition mark (NAT-R-3) as an extension and a {@code meta.tag}; the order
 * it answers as {@code basedOn}, an imaging study as {@code imagingStudy}. An Observation's id is the report's followed
 * by its position ({@code <report>-<n>}).
 */
final class ReportToDiagnosticReportMapper {

    /** The item catalogue (codes of the recognised-item lists); the catalogue itself is maintained over REST. */
    static final String ITEM_SYSTEM = Systems.BASE + "/diagnostic-item";
    static final String ID_REPORT = "https://medunion.example/id/diagnostic-report";
    static final String EXT_RECOGNITION_MARK = Systems.EXTENSION + "recognition-mark";
    private static final String SECTION = "http://terminology.hl7.org/CodeSystem/v2-0074";
    private static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private ReportToDiagnosticReportMapper() {
    }

    static DiagnosticReport report(ReportView r) {
        var d = new DiagnosticReport();
        d.setId("DiagnosticReport/" + r.id().value());
        d.addIdentifier().setSystem(ID_REPORT).setValue(r.id().value().toString());
        d.setStatus(switch (r.status()) {
            case PRELIMINARY -> DiagnosticReport.DiagnosticReportStatus.PRELIMINARY;
            case FINAL -> DiagnosticReport.DiagnosticReportStatus.FINAL;
            case AMENDED -> DiagnosticReport.DiagnosticReportStatus.AMENDED;
        });
        d.addCategory().addCoding().setSystem(SECTION).setCode(section(r.kind()));
        if (r.orderId() != null) {
            d.addBasedOn(new Reference("ServiceRequest/" + r.orderId() + DiagnosticsFhir.ORDER_SUFFIX));
        }
        tag(d, r);
        d.setCode(item(r));
        d.setSubject(new Reference("Patient/" + r.residentId()));
        d.setEffective(new DateTimeType(r.resultDate().toString()));
        d.setIssued(Date.from(r.recordedAt()));
        d.addPerformer(new Reference("Organization/" + r.performerInstitutionId()).setDisplay(r.performerName()));
        for (int i = 0; i < r.observations().size(); i++) {
            d.addResult(new Reference("Observation/" + r.id().value() + "-" + (i + 1)));
        }
        if (r.conclusion() != null) {
            d.setConclusion(r.conclusion());
        }
        if (r.studyUrl() != null) {
            d.addPresentedForm().setUrl(r.studyUrl()).setTitle(r.itemName());
        }
        if (ReportToImagingStudyMapper.hasStudy(r)) {
            d.addImagingStudy(new Reference("ImagingStudy/" + r.id().value()));
        }
        if (r.recognitionMark() != null) {
            d.addExtension(EXT_RECOGNITION_MARK, new StringType(r.recognitionMark()));
        }
        return d;
    }

    static List<Observation> observations(ReportView r) {
        var out = new ArrayList<Observation>();
        for (int i = 0; i < r.observations().size(); i++) {
            out.add(observation(r, i));
        }
        return out;
    }

    static Observation observation(ReportView r, int index) {
        var v = r.observations().get(index);
        var o = new Observation();
        o.setId("Observation/" + r.id().value() + "-" + (index + 1));
        tag(o, r);
        o.setStatus(r.status() == ReportStatus.PRELIMINARY ? Observation.ObservationStatus.PRELIMINARY
                : r.status() == ReportStatus.AMENDED ? Observation.ObservationStatus.AMENDED : Observation.ObservationStatus.FINAL);
        if (r.kind() == ItemKind.LAB) {
            o.addCategory().addCoding().setSystem(OBSERVATION_CATEGORY).setCode("laboratory");
        } else if (r.kind() == ItemKind.IMAGING) {
            o.addCategory().addCoding().setSystem(OBSERVATION_CATEGORY).setCode("imaging");
        }
        o.setCode(new CodeableConcept().setText(v.name()));
        o.getCode().addCoding().setSystem(ITEM_SYSTEM).setCode(v.code()).setDisplay(v.name());
        o.setSubject(new Reference("Patient/" + r.residentId()));
        o.setEffective(new DateTimeType(r.resultDate().toString()));
        o.addPerformer(new Reference("Organization/" + r.performerInstitutionId()).setDisplay(r.performerName()));
        o.addDerivedFrom(new Reference("DiagnosticReport/" + r.id().value()));
        String value = v.value() == null ? "" : v.value();
        if (NUMBER.matcher(value).matches()) {
            var q = new Quantity().setValue(new BigDecimal(value));
            if (v.unit() != null) {
                q.setUnit(v.unit());
            }
            o.setValue(q);
        } else {
            o.setValue(new StringType(value));
        }
        if (v.referenceRange() != null) {
            o.addReferenceRange().setText(v.referenceRange());
        }
        return o;
    }

    /**
     * The recognition mark (NAT-R-3) as a {@code meta.tag} of CodeSystem {@code recognition-scope}, so a receiving system
     * can filter on it without reading extensions; the code is the mark itself ("全国HR", "重庆HR"), as issued.
     */
    private static void tag(Resource resource, ReportView r) {
        if (r.recognitionMark() != null) {
            resource.getMeta().addTag(DiagnosticsFhir.CS_SCOPE, r.recognitionMark(), r.recognitionMark());
        }
    }

    private static CodeableConcept item(ReportView r) {
        var c = new CodeableConcept().setText(r.itemName());
        c.addCoding().setSystem(ITEM_SYSTEM).setCode(r.itemCode()).setDisplay(r.itemName());
        return c;
    }

    /** HL7 v2 table 0074: LAB, RAD, EC (electrocardiac), SP (surgical pathology). */
    private static String section(ItemKind kind) {
        return switch (kind) {
            case LAB -> "LAB";
            case IMAGING -> "RAD";
            case ECG -> "EC";
            case PATHOLOGY -> "SP";
        };
    }
}
