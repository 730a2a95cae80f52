package org.medunion.residents;

import org.medunion.registry.InstitutionId;

/** Command: link an institution's record (local MRN) to a resident. */
public record LinkRecord(InstitutionId sourceInstitutionId, String localRecordNumber) {
}
