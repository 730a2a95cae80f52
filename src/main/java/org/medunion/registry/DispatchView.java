package org.medunion.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A manager or expert dispatched from one institution to another (派驻).
 *
 * @param weeklyDays planned days a week on site (SH-9 ≥ 2); actual days come from work logs
 * @param createdAt  when it was recorded; dispatches are not changed afterwards (FHIR {@code meta.lastUpdated})
 * @param agreementId the trusteeship or cooperation agreement the dispatch serves (SH-7 term alignment)
 */
public record DispatchView(UUID id, ConsortiumId consortiumId, PractitionerId practitionerId,
                           InstitutionId fromInstitutionId, InstitutionId toInstitutionId, DispatchKind kind,
                           @Nullable ManagerRole managerRole, @Nullable String discipline, LocalDate startDate, @Nullable LocalDate endDate,
                           int weeklyDays, @Nullable UUID agreementId, @Nullable Instant createdAt) {
}
