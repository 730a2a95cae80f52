package org.medunion.residents.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medunion.policy.FamilyDoctorTeamSource;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;
import org.medunion.residents.PriorityGroup;
import org.springframework.stereotype.Component;

/**
 * Feeds the policy module's NN-5 check with the specialists of every institution's active family-doctor teams, and
 * CQ-10 with the poverty group's contract coverage per district (counts only).
 */
@Component
class ResidentsTeamSource implements FamilyDoctorTeamSource {

    private final TeamStore teams;
    private final ContractStore contracts;

    ResidentsTeamSource(TeamStore teams, ContractStore contracts) {
        this.teams = teams;
        this.contracts = contracts;
    }

    @Override
    public Optional<Map<String, GroupCoverage>> povertyCoverage(LocalDate day) {
        return Optional.of(contracts.groupCoverage(PriorityGroup.POVERTY, day));
    }

    @Override
    public Map<InstitutionId, Set<PractitionerId>> teamSpecialists() {
        Map<InstitutionId, Set<PractitionerId>> out = new HashMap<>();
        teams.allActive().forEach(t -> out.computeIfAbsent(t.institutionId(), k -> new LinkedHashSet<>())
                .addAll(t.specialistPractitionerIds()));
        return out;
    }
}
