package org.medunion.registry;

import java.time.LocalDate;

/** Command (and part of {@link FormConsortium}): an institution joins in a role, on a basis. ADJUSTMENT report. */
public record AddMember(InstitutionId institutionId, MembershipRole role, MembershipBasis basis, LocalDate startDate,
                        String leadDiscipline, String overrideReason) {
}
