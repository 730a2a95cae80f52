package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipView;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.Profession;

/**
 * NN-5 — every primary institution of an urban medical group has at least {min} (default 1) qualified physician
 * from a secondary or tertiary hospital in its family-doctor teams. A team member counts while the registry
 * still lists them as a physician of a secondary or tertiary institution: a specialist who moved to a community
 * centre no longer does, which is how a group falls below the minimum after its teams were formed.
 */
final class TeamSpecialistPolicy extends RuleSupport {

    TeamSpecialistPolicy() {
        super("NN-5", Pack.NN, Severity.WARN, Coverage.EVALUATED, Map.of("min", "1"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        if (s.teamSource().isEmpty()) {
            return noDataPerConsortium(s, ConsortiumForm.URBAN_GROUP, Texts.term("familyDoctorTeams"));
        }
        var teams = s.teamSource().get().teamSpecialists();
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeConsortia(ConsortiumForm.URBAN_GROUP)) {
            int min = p.intValue(this, "min", c.districtCode());
            for (var entry : specialistsPerPrimary(s, c, teams).entrySet()) {
                InstitutionView primary = entry.getKey();
                long qualified = entry.getValue();
                if (qualified < min) {
                    findings.add(open(s.subject(c), "team@" + primary.id(), c.name() + " / " + primary.name() + ": "
                            + qualified + " < " + min, args(c.name(), primary.name(), qualified, min), primary.id()));
                }
            }
        }
        return findings;
    }

    /** Per primary member of a group: the secondary/tertiary physicians in its active teams (NN-5, NAT-11). */
    static Map<InstitutionView, Long> specialistsPerPrimary(RegistrySnapshot s, ConsortiumView c,
                                                            Map<InstitutionId, Set<PractitionerId>> teams) {
        Map<InstitutionView, Long> out = new LinkedHashMap<>();
        for (MembershipView m : s.activeMembers(c)) {
            InstitutionView primary = s.institution(m.institutionId());
            if (primary != null && primary.isPrimary()) {
                out.put(primary, teams.getOrDefault(primary.id(), Set.of()).stream()
                        .filter(id -> seniorPhysician(s, s.practitioner(id))).count());
            }
        }
        return out;
    }

    private static boolean seniorPhysician(RegistrySnapshot s, @Nullable PractitionerView p) {
        if (p == null || p.profession() != Profession.PHYSICIAN) {
            return false;
        }
        InstitutionView home = s.institution(p.institutionId());
        return home != null && (home.level() == HospitalLevel.SECONDARY || home.level() == HospitalLevel.TERTIARY);
    }
}
