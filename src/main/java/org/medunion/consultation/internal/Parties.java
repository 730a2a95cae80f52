package org.medunion.consultation.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The two sides of a consultation and the consortium whose office watches it. */
record Parties(UUID fromInstitutionId, @Nullable UUID fromPractitionerId, String fromUsername, UUID toInstitutionId,
               @Nullable String toDepartment, @Nullable UUID consortiumId) {
}
