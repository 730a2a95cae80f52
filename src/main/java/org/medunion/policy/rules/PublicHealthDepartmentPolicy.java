package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.PublicHealthDepartmentView;

/**
 * NN-10 — "各公立医院建立直接从事疾病预防控制工作的标准化公共卫生科,配备专职人员" (seed 002): every public hospital that is a
 * current member of an urban medical group (in any role) has a standardised public-health department recorded in the
 * registry, established on or before the as-of day, with at least {staff} (default 1) dedicated staff. The registry is
 * where the department is recorded (decision 0252), so a hospital without a record is a finding ({@code missing}), never
 * a pass and never silence; one with fewer dedicated staff than the minimum is {@code staff}. One finding per hospital,
 * naming its groups.
 */
final class PublicHealthDepartmentPolicy extends RuleSupport {

    PublicHealthDepartmentPolicy() {
        super("NN-10", Pack.NN, Severity.WARN, Coverage.EVALUATED, Map.of("staff", "1"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        Map<InstitutionId, PublicHealthDepartmentView> departments = new HashMap<>();
        s.publicHealthDepartments().forEach(d -> departments.put(d.institutionId(), d));
        Map<InstitutionId, List<ConsortiumView>> hospitals = new LinkedHashMap<>();
        for (ConsortiumView c : s.activeConsortia(ConsortiumForm.URBAN_GROUP)) {
            for (var m : s.activeMembers(c)) {
                InstitutionView i = s.institution(m.institutionId());
                if (i != null && i.isPublicHospital()) {
                    hospitals.computeIfAbsent(i.id(), k -> new ArrayList<>()).add(c);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        hospitals.forEach((id, groups) -> {
            InstitutionView i = s.institution(id);
            if (i == null) {
                return; // not in the snapshot: nothing to judge
            }
            List<String> names = groups.stream().map(ConsortiumView::name).toList();
            String groupNames = String.join("、", names);
            PublicHealthDepartmentView d = departments.get(i.id());
            int min = p.intValue(this, "staff", i.districtCode());
            var subject = s.subject(i, groups.get(0).id());
            if (d == null || d.establishedOn().isAfter(s.today())) {
                findings.add(open(subject, "missing", Texts.text(groupNames, ": ", i.name()), args(groupNames, i.name()), i.id(),
                        groups.stream().map(ConsortiumView::id).toList()));
            } else if (d.dedicatedStaff() < min) {
                findings.add(open(subject, "staff", Texts.text(groupNames, ": ", i.name(), " ", d.dedicatedStaff(), " < ", min),
                        args(groupNames, i.name(), d.dedicatedStaff(), min), i.id(), groups.stream().map(ConsortiumView::id).toList()));
            }
        });
        return findings;
    }
}
