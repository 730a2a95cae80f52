package org.medunion.residents;

import java.util.List;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;

/**
 * A family-doctor team (家庭医生团队) at a primary institution: a GP, a nurse and at least one physician from
 * a secondary or tertiary hospital (NN-5).
 */
public record TeamView(TeamId id, InstitutionId institutionId, String name, PractitionerId gpPractitionerId,
                       PractitionerId nursePractitionerId, List<PractitionerId> specialistPractitionerIds,
                       boolean active, long version) {

    public boolean hasMember(PractitionerId practitionerId) {
        return practitionerId.equals(gpPractitionerId) || practitionerId.equals(nursePractitionerId)
                || specialistPractitionerIds.contains(practitionerId);
    }
}
