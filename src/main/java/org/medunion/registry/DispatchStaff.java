package org.medunion.registry;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Command: dispatch a manager or expert to a member institution. */
public record DispatchStaff(PractitionerId practitionerId, @Nullable InstitutionId toInstitutionId, DispatchKind kind,
                            @Nullable ManagerRole managerRole, @Nullable String discipline, LocalDate startDate, LocalDate endDate,
                            Integer weeklyDays, @Nullable UUID agreementId, @Nullable String overrideReason) {
}
