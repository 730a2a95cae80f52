package org.medunion.pharmacy;

import java.util.List;
import java.util.Optional;

/** The consortium formulary with the pre-screen's drug knowledge, for reference (FHIR MedicationKnowledge). */
public interface DrugReference {

    Optional<DrugMonograph> monograph(String code);

    /** Every formulary drug's monograph, in formulary order. */
    List<DrugMonograph> monographs();
}
