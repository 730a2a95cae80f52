package org.medunion.diagnostics;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The explanation a patient receives when an offered result is not recognised (NAT-R-8): purpose and necessity of
 * the re-examination in the patient's words (zh), prepared with the decision; {@code givenAt} is empty while the
 * clinician has not yet recorded giving it (the to-do).
 */
public record ExplanationView(UUID decisionId, UUID residentId, String itemCode, String itemName, String reasonCode,
                              String text, UUID orderingInstitutionId, String decidedBy, Instant preparedAt,
                              @Nullable Instant givenAt, @Nullable String givenBy, @Nullable ExplanationMedium medium) {

    public boolean given() {
        return givenAt != null;
    }
}
