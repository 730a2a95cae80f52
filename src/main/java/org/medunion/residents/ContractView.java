package org.medunion.residents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;

/**
 * A "1+1+1" family-doctor contract (家庭医生签约): resident + team at a primary institution + one district
 * hospital + one municipal hospital, for a period.
 *
 * @param renewedFrom the contract this one renews, or null
 * @param endReason   why the contract was ended early, or null
 * @param updatedAt   when the contract last changed (FHIR {@code meta.lastUpdated}); a contract not yet stored
 *                    carries {@link java.time.Instant#EPOCH}
 */
public record ContractView(ContractId id, ResidentId residentId, TeamId teamId, InstitutionId primaryInstitutionId,
                           InstitutionId districtHospitalId, InstitutionId municipalHospitalId,
                           Set<PriorityGroup> priorityGroups, List<ContractService> services, LocalDate startDate,
                           LocalDate endDate, ContractStatus status, @Nullable String endReason, @Nullable ContractId renewedFrom,
                           long version, Instant updatedAt) {

    /** Whether the contract is in force on a day (ACTIVE or RENEWED, and the day within the period). */
    public boolean coversDate(LocalDate date) {
        return status != ContractStatus.ENDED && !date.isBefore(startDate) && !date.isAfter(endDate);
    }

    /** Whether one of the three institutions of the contract is the given one. */
    public boolean involves(InstitutionId institutionId) {
        return institutionId.equals(primaryInstitutionId) || institutionId.equals(districtHospitalId)
                || institutionId.equals(municipalHospitalId);
    }
}
