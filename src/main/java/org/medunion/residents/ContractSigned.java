package org.medunion.residents;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;

/** Event: a family-doctor contract was signed or renewed ({@code renewedFrom} non-null). */
public record ContractSigned(ContractId contractId, ResidentId residentId, TeamId teamId,
                             InstitutionId primaryInstitutionId, InstitutionId districtHospitalId,
                             InstitutionId municipalHospitalId, LocalDate startDate, LocalDate endDate,
                             @Nullable ContractId renewedFrom) {
}
