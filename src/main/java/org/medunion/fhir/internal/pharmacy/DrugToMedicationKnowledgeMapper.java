package org.medunion.fhir.internal.pharmacy;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationKnowledge;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.Systems;
import org.medunion.pharmacy.DrugMonograph;

/**
 * A formulary drug with what the pre-screen knows of it as MedicationKnowledge {@code <formulary code>} (pharmacy.md
 * (d)): the class flags as on Medication, the special-control class as a regulatory schedule, the therapeutic group the
 * duplication check uses as a classification, the dose limits as administration guidelines, and each interaction and
 * contraindication as a contained DetectedIssue.
 */
final class DrugToMedicationKnowledgeMapper {

    /** The national regulator that sets the special-control classes (麻醉药品、精神药品、医疗用毒性药品 …). */
    private static final String NMPA = "国家药品监督管理局 National Medical Products Administration";

    private DrugToMedicationKnowledgeMapper() {
    }

    static MedicationKnowledge knowledge(DrugMonograph m) {
        var drug = m.drug();
        var k = new MedicationKnowledge();
        k.setId("MedicationKnowledge/" + drug.code());
        k.setCode(new CodeableConcept(new Coding(PharmacyFhir.FORMULARY, drug.code(), drug.name()))
                .setText(drug.name() + " " + drug.strength()));
        k.setStatus(MedicationKnowledge.MedicationKnowledgeStatus.ACTIVE);
        k.addAssociatedMedication(new Reference("Medication/" + drug.code()));
        k.setDoseForm(new CodeableConcept().setText(drug.dosageForm()));
        k.addIntendedRoute(new CodeableConcept().setText(drug.route()));
        if (!drug.englishName().isBlank()) {
            k.addSynonym(drug.englishName());
        }
        k.addExtension(DrugToMedicationMapper.EXT_ESSENTIAL, new BooleanType(drug.essential()));
        k.addExtension(DrugToMedicationMapper.EXT_NEGOTIATED, new BooleanType(drug.negotiated()));
        k.addExtension(DrugToMedicationMapper.EXT_VOLUME, new BooleanType(drug.volumeProcurement()));
        k.addMedicineClassification().setType(new CodeableConcept().setText("therapeutic group (duplication check)"))
                .addClassification(new CodeableConcept().setText(drug.group()));
        k.addRegulatory().setRegulatoryAuthority(new Reference().setDisplay(NMPA)).addSchedule()
                .setSchedule(new CodeableConcept(new Coding(PharmacyFhir.CS_CONTROL, Systems.code(drug.control()), null)));
        if (m.maxSingleDose() != null || m.maxDailyDose() != null) {
            var dosage = new Dosage().setText(limits(m, drug.doseUnit()));
            if (m.maxSingleDose() != null) {
                dosage.setMaxDosePerAdministration(quantity(m.maxSingleDose(), drug.doseUnit()));
            }
            if (m.maxDailyDose() != null) {
                dosage.setMaxDosePerPeriod(new Ratio().setNumerator(quantity(m.maxDailyDose(), drug.doseUnit()))
                        .setDenominator(new Quantity().setValue(1).setUnit("d").setSystem(PharmacyFhir.UCUM).setCode("d")));
            }
            k.addAdministrationGuidelines().addDosage().setType(new CodeableConcept().setText("dose limits (RX-9 pre-screen)"))
                    .addDosage(dosage);
        }
        int n = 0;
        for (var i : m.interactions()) {
            var issue = issue("ix" + ++n, PrescriptionIssue.INTERACTION, i.note());
            issue.setSeverity("MAJOR".equals(i.severity()) ? DetectedIssue.DetectedIssueSeverity.HIGH
                    : DetectedIssue.DetectedIssueSeverity.MODERATE);
            issue.addImplicated(new Reference("Medication/" + drug.code()));
            issue.addImplicated(new Reference("Medication/" + i.otherDrugCode()).setDisplay(i.otherDrugName()));
            k.addContained(issue);
            k.addContraindication(new Reference("#" + issue.getIdElement().getIdPart()));
        }
        n = 0;
        for (var c : m.contraindications()) {
            var issue = issue("ci" + ++n, PrescriptionIssue.CONTRAINDICATION,
                    c.kind() + (c.value().isBlank() ? "" : " " + c.value()) + ": " + c.note());
            issue.setSeverity(DetectedIssue.DetectedIssueSeverity.HIGH);
            issue.addImplicated(new Reference("Medication/" + drug.code()));
            k.addContained(issue);
            k.addContraindication(new Reference("#" + issue.getIdElement().getIdPart()));
        }
        return k;
    }

    private static DetectedIssue issue(String id, PrescriptionIssue code, String detail) {
        var issue = new DetectedIssue();
        issue.setId(id);
        issue.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
        issue.setCode(new CodeableConcept(new Coding(PharmacyFhir.CS_ISSUE, Systems.code(code), null)));
        issue.setDetail(detail);
        return issue;
    }

    private static String limits(DrugMonograph m, String unit) {
        return (m.maxSingleDose() == null ? "" : "max " + plain(m.maxSingleDose()) + " " + unit + " per dose")
                + (m.maxSingleDose() != null && m.maxDailyDose() != null ? ", " : "")
                + (m.maxDailyDose() == null ? "" : "max " + plain(m.maxDailyDose()) + " " + unit + " per day");
    }

    private static SimpleQuantity quantity(@Nullable BigDecimal value, String unit) {
        return (SimpleQuantity) new SimpleQuantity().setValue(value).setUnit(unit);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
