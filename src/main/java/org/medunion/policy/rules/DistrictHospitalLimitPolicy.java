package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipView;

/**
 * SH-3 — a district forms regional consortia with at most {max} (default 2) municipal general hospitals.
 * Counts the distinct municipal general hospitals ({@link InstitutionView#isMunicipalGeneralHospital()}: TCM and
 * integrated hospitals are not counted, nor military hospitals; a branch campus counts as its main hospital) that
 * take part, in any active role, in active consortia of the regional role (regional consortia and urban medical
 * groups) registered in the district. A district's commission may raise the limit (parameter override with a reason).
 */
final class DistrictHospitalLimitPolicy extends RuleSupport {

    DistrictHospitalLimitPolicy() {
        super("SH-3", Pack.SH, Severity.BLOCK, Coverage.EVALUATED, Map.of("max", "2"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        Map<String, Map<InstitutionId, Set<ConsortiumId>>> byDistrict = new TreeMap<>();
        for (ConsortiumView c : s.activeRegionalRole()) {
            for (MembershipView m : s.activeMembers(c)) {
                InstitutionView i = countedMunicipalGeneral(s, s.institution(m.institutionId()));
                if (i != null) {
                    byDistrict.computeIfAbsent(c.districtCode(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(i.id(), k -> new LinkedHashSet<>()).add(c.id());
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        byDistrict.forEach((district, hospitals) -> {
            int max = p.intValue(this, "max", district);
            if (hospitals.size() > max) {
                List<InstitutionView> list = hospitals.keySet().stream().map(s::institution)
                        .sorted(Comparator.comparing(InstitutionView::name)).toList();
                String names = String.join(", ", list.stream().map(InstitutionView::name).toList());
                Set<Object> refs = new LinkedHashSet<>(hospitals.keySet());
                hospitals.values().forEach(refs::addAll);
                findings.add(open(s.districtSubject(district), "count",
                        district + " " + s.districtName(district) + ": " + names + " = " + hospitals.size() + " > " + max,
                        args(s.districtName(district), hospitals.size(), max, names), refs));
            }
        });
        return findings;
    }
}
