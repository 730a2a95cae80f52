package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipView;

/**
 * SH-4 — a municipal general hospital takes part in regional consortia of at most {max} (default 3) districts,
 * its home district included — counted even without a consortium there. TCM and integrated hospitals are exempt
 * ("市级中医类医院不受此数量限制"), military hospitals too; urban medical groups count like regional consortia and a branch
 * campus's memberships count for its main hospital (rules.md interpretation notes).
 */
final class MunicipalHospitalDistrictLimitPolicy extends RuleSupport {

    MunicipalHospitalDistrictLimitPolicy() {
        super("SH-4", Pack.SH, Severity.BLOCK, Coverage.EVALUATED, Map.of("max", "3"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (InstitutionView i : s.institutions()) {
            if (i.parentId() != null || countedMunicipalGeneral(s, i) == null) {
                continue; // branch campuses are counted with their main hospital
            }
            Set<String> districts = new TreeSet<>();
            Set<Object> refs = new LinkedHashSet<>();
            refs.add(i.id());
            if (i.districtCode() != null) {
                districts.add(i.districtCode());
            }
            List<MembershipView> memberships = new ArrayList<>(s.memberships(i.id()));
            s.branches(i.id()).forEach(b -> memberships.addAll(s.memberships(b.id())));
            for (MembershipView m : memberships) {
                ConsortiumView c = s.consortium(m.consortiumId());
                if (c != null && RegistrySnapshot.regionalRole(c) && c.districtCode() != null) {
                    districts.add(c.districtCode());
                    refs.add(c.id());
                }
            }
            int max = p.intValue(this, "max", i.districtCode());
            if (districts.size() > max) {
                String list = String.join(", ", districts.stream()
                        .map(d -> d + " " + s.districtName(d) + (d.equals(i.districtCode()) ? " (*)" : "")).toList());
                findings.add(open(s.subject(i, null), "count", i.name() + ": " + list + " = " + districts.size() + " > " + max,
                        args(i.name(), districts.size(), max, list), refs));
            }
        }
        return findings;
    }
}
