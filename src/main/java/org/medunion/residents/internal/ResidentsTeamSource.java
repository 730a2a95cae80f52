package org.medunion.residents.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.medunion.policy.FamilyDoctorTeamSource;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;
import org.springframework.stereotype.Component;

/** Feeds the policy module's NN-5 check with the specialists of every institution's active family-doctor teams. */
@Component
class ResidentsTeamSource implements FamilyDoctorTeamSource {

    private final TeamStore teams;

    ResidentsTeamSource(TeamStore teams) {
        this.teams = teams;
    }

    @Override
    public Map<InstitutionId, Set<PractitionerId>> teamSpecialists() {
        Map<InstitutionId, Set<PractitionerId>> out = new HashMap<>();
        teams.allActive().forEach(t -> out.computeIfAbsent(t.institutionId(), k -> new LinkedHashSet<>())
                .addAll(t.specialistPractitionerIds()));
        return out;
    }
}
