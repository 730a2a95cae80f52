package org.medunion.residents;

import java.time.Instant;
import org.medunion.registry.InstitutionId;

/**
 * A record of one institution (its local medical record number) that belongs to a resident.
 *
 * @param localRecordNumber the institution's MRN / patient number, may be null when unknown
 */
public record RecordLink(InstitutionId sourceInstitutionId, String localRecordNumber, MatchBasis basis,
                         Instant linkedAt) {
}
