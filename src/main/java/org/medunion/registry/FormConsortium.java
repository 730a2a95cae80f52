package org.medunion.registry;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Command: form a consortium with its first members. Produces a CREATION change report (SH-10).
 *
 * @param overrideReason a planner's reason to let a change through that a blocking rule would stop
 */
public record FormConsortium(String name, ConsortiumForm form, Boolean tight, @Nullable GovernanceType governance,
                             String districtCode, @Nullable List<GridId> gridIds, LocalDate establishedOn, Boolean crossProvince,
                             @Nullable LocalDate ownerApprovedOn, Boolean managementOffice, Boolean qualityControlGroup,
                             @Nullable List<String> centres, List<AddMember> members, @Nullable String overrideReason) {
}
