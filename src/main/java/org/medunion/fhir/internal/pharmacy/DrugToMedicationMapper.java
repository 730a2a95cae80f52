package org.medunion.fhir.internal.pharmacy;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Medication;
import org.medunion.fhir.internal.Systems;
import org.medunion.pharmacy.FormularyDrugView;

/**
 * A consortium formulary drug as Medication {@code <formulary code>} (RX-14, NN-8): code, form, strength and the
 * class flags 基本药物 / 国家医保谈判 / 集采 and the special-control class as extensions.
 */
final class DrugToMedicationMapper {

    static final String EXT_ESSENTIAL = Systems.EXTENSION + "drug-essential";
    static final String EXT_NEGOTIATED = Systems.EXTENSION + "drug-negotiated";
    static final String EXT_VOLUME = Systems.EXTENSION + "drug-volume-procurement";
    static final String EXT_CONTROL = Systems.EXTENSION + "drug-control-class";

    private DrugToMedicationMapper() {
    }

    static Medication medication(FormularyDrugView drug) {
        var m = new Medication();
        m.setId("Medication/" + drug.code());
        m.setCode(new CodeableConcept(new Coding(PharmacyFhir.FORMULARY, drug.code(), drug.name()))
                .setText(drug.name() + " " + drug.strength()));
        m.setStatus(Medication.MedicationStatus.ACTIVE);
        m.setForm(new CodeableConcept().setText(drug.dosageForm()));
        m.addExtension(EXT_ESSENTIAL, new BooleanType(drug.essential()));
        m.addExtension(EXT_NEGOTIATED, new BooleanType(drug.negotiated()));
        m.addExtension(EXT_VOLUME, new BooleanType(drug.volumeProcurement()));
        m.addExtension(EXT_CONTROL, new Coding(PharmacyFhir.CS_CONTROL, Systems.code(drug.control()), null));
        return m;
    }
}
