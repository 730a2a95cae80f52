package org.medunion.residents;

import java.time.Instant;
import java.util.List;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;

/**
 * A family-doctor team (家庭医生团队) at a primary institution: a GP, a nurse and at least one physician from
 * a secondary or tertiary hospital (NN-5). {@code updatedAt}: when the team last changed (FHIR
 * {@code meta.lastUpdated}); a team not yet stored carries {@link Instant#EPOCH}.
 */
public record TeamView(TeamId id, InstitutionId institutionId, String name, PractitionerId gpPractitionerId,
                       PractitionerId nursePractitionerId, List<PractitionerId> specialistPractitionerIds,
                       boolean active, long version, Instant updatedAt) {

    public boolean hasMember(PractitionerId practitionerId) {
        return practitionerId.equals(gpPractitionerId) || practitionerId.equals(nursePractitionerId)
                || specialistPractitionerIds.contains(practitionerId);
    }
}
