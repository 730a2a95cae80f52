package org.medunion.registry;

import java.time.LocalDate;
import java.util.UUID;

/** Command: dispatch a manager or expert to a member institution. */
public record DispatchStaff(PractitionerId practitionerId, InstitutionId toInstitutionId, DispatchKind kind,
                            ManagerRole managerRole, String discipline, LocalDate startDate, LocalDate endDate,
                            Integer weeklyDays, UUID agreementId, String overrideReason) {
}
