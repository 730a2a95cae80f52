package org.medunion.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One institution in one consortium, in one role, for a period, on a basis.
 *
 * @param updatedAt when it was added or last ended (FHIR {@code meta.lastUpdated})
 */
public record MembershipView(UUID id, ConsortiumId consortiumId, InstitutionId institutionId, MembershipRole role,
                             @Nullable MembershipBasis basis, LocalDate startDate, @Nullable LocalDate endDate,
                             @Nullable String leadDiscipline,
                             @Nullable Instant updatedAt) {

    public boolean activeOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || endDate.isAfter(day));
    }
}
