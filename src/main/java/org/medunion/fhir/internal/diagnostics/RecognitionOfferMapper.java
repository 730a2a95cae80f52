package org.medunion.fhir.internal.diagnostics;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.medunion.diagnostics.DecisionView;
import org.medunion.diagnostics.RecognitionOffer;

/**
 * The recognition offer as the {@code $recognisable} answer: {@code item}, {@code date}, {@code list},
 * {@code windowDays} (absent: the doctor judges, NAT-R-4), one {@code candidate} per earlier result (report, result
 * date, age, offered, mark, reasons as code and text), a DetectedIssue {@code offer} (NAT-R-5: what was offered and
 * why) and a DetectedIssue {@code decision} per recorded recognition or re-examination of the item (NAT-R-6, 7).
 */
final class RecognitionOfferMapper {

    private RecognitionOfferMapper() {
    }

    static Parameters parameters(RecognitionOffer offer, List<DecisionView> decisions) {
        var out = new Parameters();
        out.addParameter("item", new CodeType(offer.itemCode()));
        out.addParameter().setName("itemName").setValue(new StringType(offer.itemName()));
        out.addParameter().setName("date").setValue(date(offer.asOf()));
        if (offer.listJurisdiction() != null) {
            out.addParameter().setName("list").setValue(new StringType(offer.listJurisdiction() + " v" + offer.listVersion()));
        }
        if (offer.windowDays() != null) {
            out.addParameter().setName("windowDays").setValue(new IntegerType(offer.windowDays()));
        }
        out.addParameter().setName("anyOffered").setValue(new BooleanType(offer.anyOffered()));
        for (var c : offer.candidates()) {
            var p = out.addParameter().setName("candidate");
            p.addPart().setName("report").setValue(new Reference("DiagnosticReport/" + c.reportId().value()));
            p.addPart().setName("performer").setValue(new Reference("Organization/" + c.performerInstitutionId())
                    .setDisplay(c.performerName()));
            p.addPart().setName("resultDate").setValue(date(c.resultDate()));
            p.addPart().setName("ageDays").setValue(new IntegerType(Math.toIntExact(c.ageDays())));
            p.addPart().setName("offered").setValue(new BooleanType(c.offered()));
            if (c.mark() != null) {
                p.addPart().setName("mark").setValue(new StringType(c.mark()));
            }
            for (var r : c.reasons()) {
                var reason = p.addPart().setName("reason");
                reason.addPart().setName("code").setValue(new CodeType(r.code().name()));
                reason.addPart().setName("text").setValue(new StringType(r.text()));
            }
        }
        out.addParameter().setName("offer").setResource(offerIssue(offer));
        decisions.forEach(d -> out.addParameter().setName("decision").setResource(DecisionToDetectedIssueMapper.issue(d)));
        return out;
    }

    private static DetectedIssue offerIssue(RecognitionOffer offer) {
        var d = new DetectedIssue();
        d.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
        d.setPatient(new Reference("Patient/" + offer.residentId()));
        d.setCode(new CodeableConcept().setText("recognisable " + offer.itemCode()));
        d.setIdentified(new DateTimeType(offer.asOf().toString()));
        d.setSeverity(DetectedIssue.DetectedIssueSeverity.LOW);
        var detail = new StringBuilder();
        for (var c : offer.candidates()) {
            if (c.offered()) {
                d.addImplicated(new Reference("DiagnosticReport/" + c.reportId().value()));
            }
            c.reasons().forEach(r -> detail.append(detail.isEmpty() ? "" : "; ").append(r.text()));
        }
        if (!detail.isEmpty()) {
            d.setDetail(detail.toString());
        }
        return d;
    }

    private static DateType date(LocalDate day) {
        return new DateType(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth());
    }
}
