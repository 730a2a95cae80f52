package org.medunion.pharmacy;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the pre-screen knows of one formulary drug (the drug-knowledge files, docs/pharmacy.md): its dose limits, the
 * drugs it interacts with and its contraindications. No personal data.
 *
 * @param maxSingleDose the largest single dose in the drug's dose unit, null when the files give none
 * @param maxDailyDose  the largest daily dose in the drug's dose unit, null when the files give none
 */
public record DrugMonograph(FormularyDrugView drug, @Nullable BigDecimal maxSingleDose, @Nullable BigDecimal maxDailyDose,
                            List<Interaction> interactions, List<Contraindication> contraindications) {

    /** An interaction with another formulary drug: MAJOR or MODERATE, with a bilingual note. */
    public record Interaction(String otherDrugCode, String otherDrugName, String severity, String note) {
    }

    /** PREGNANCY; CHILD_UNDER or ELDERLY_OVER an age ({@code value}); ALLERGY to a group ({@code value}, e.g. PENICILLIN). */
    public record Contraindication(String kind, String value, String note) {
    }
}
