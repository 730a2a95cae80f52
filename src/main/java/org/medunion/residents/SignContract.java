package org.medunion.residents;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;

/**
 * Command: sign a "1+1+1" contract. The primary institution is the team's.
 *
 * @param districtHospitalId   a hospital with DISTRICT (or COUNTY) affiliation
 * @param municipalHospitalId  a hospital with MUNICIPAL affiliation
 * @param startDate            defaults to today
 * @param endDate              defaults to startDate + 1 year − 1 day
 * @param priorityGroups       declared groups (names of {@link PriorityGroup}); ELDERLY and CHILD are derived
 * @param services             names of {@link ContractService}; defaults to BASIC_PUBLIC_HEALTH
 */
public record SignContract(ResidentId residentId, TeamId teamId, InstitutionId districtHospitalId,
                           InstitutionId municipalHospitalId, @Nullable LocalDate startDate, @Nullable LocalDate endDate,
                           @Nullable List<String> priorityGroups, @Nullable List<String> services) {
}
