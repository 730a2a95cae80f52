package org.medunion.residents;

import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;

/** Command: link an institution's record (local MRN) to a resident. */
public record LinkRecord(@Nullable InstitutionId sourceInstitutionId, @Nullable String localRecordNumber) {
}
