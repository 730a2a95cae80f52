package org.medunion.diagnostics;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Records a report performed by {@code performerInstitutionId} (the caller's institution when it is scoped to one).
 * Also the body of reporting an order at a centre, where resident, item and performer come from the order.
 */
public record RecordReport(@Nullable UUID residentId, @Nullable String itemCode, @Nullable UUID performerInstitutionId,
                           @Nullable String status, @Nullable LocalDate resultDate, @Nullable Boolean critical,
                           @Nullable String conclusion, @Nullable String studyUrl, @Nullable List<Observation> observations) {
}
