package org.medunion.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ResidentId;

/**
 * One encounter as a member's HIS reports it.
 *
 * @param sourceRecordId     the HIS's own id of the record; with the institution it identifies the fact (a resend
 *                           with other values is a correction)
 * @param occurredAt         the visit time, or for {@link EncounterKind#INPATIENT} the discharge time
 * @param admittedAt         admission time (inpatient only, required there)
 * @param resident           the resident when the HIS knows them; never shown unmasked
 * @param principalDiagnosis ICD-10 code of the principal diagnosis
 * @param drgWeight          DRG relative weight of the discharge's group (inpatient only)
 * @param drgGroup           the discharge's DRG group code, e.g. CHS-DRG {@code FM19} (inpatient only)
 * @param operationLevels    level (1–4) of each operation performed during the stay (inpatient only)
 */
public record EncounterRecord(String sourceRecordId, InstitutionId institution, EncounterKind kind, Instant occurredAt,
                              @Nullable Instant admittedAt, @Nullable ResidentId resident, @Nullable String principalDiagnosis,
                              @Nullable BigDecimal drgWeight, @Nullable String drgGroup, List<Integer> operationLevels) {

    public EncounterRecord {
        operationLevels = List.copyOf(operationLevels);
    }
}
