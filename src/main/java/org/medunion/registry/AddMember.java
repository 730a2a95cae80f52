package org.medunion.registry;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Command (and part of {@link FormConsortium}): an institution joins in a role, on a basis. ADJUSTMENT report. */
public record AddMember(@Nullable InstitutionId institutionId, @Nullable MembershipRole role, @Nullable MembershipBasis basis,
                        @Nullable LocalDate startDate,
                        @Nullable String leadDiscipline, @Nullable String overrideReason) {
}
