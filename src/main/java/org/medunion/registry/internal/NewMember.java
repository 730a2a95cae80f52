package org.medunion.registry.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.AddMember;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;

/** A member to add once its {@link AddMember} command passed the checks: what must be there is there. */
record NewMember(InstitutionId institutionId, MembershipRole role, MembershipBasis basis, LocalDate startDate,
                 @Nullable String leadDiscipline, @Nullable String overrideReason) {

    AddMember command() {
        return new AddMember(institutionId, role, basis, startDate, leadDiscipline, overrideReason);
    }
}
