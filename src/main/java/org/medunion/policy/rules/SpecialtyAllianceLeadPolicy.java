package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medunion.registry.Affiliation;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.KeySpecialtyLevel;
import org.medunion.registry.MembershipRole;

/**
 * SH-13 — a specialty alliance led by a municipal institution: the lead discipline should be a national or
 * Shanghai key specialty or a TCM advantage specialty of the lead, and the alliance should reach the suburbs
 * (at least one member in {suburbs}: the Shanghai suburban districts by GB/T 2260 code).
 */
final class SpecialtyAllianceLeadPolicy extends RuleSupport {

    SpecialtyAllianceLeadPolicy() {
        super("SH-13", Pack.SH, Severity.WARN, Coverage.EVALUATED,
                Map.of("suburbs", "310112,310113,310114,310115,310116,310117,310118,310120,310151"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeConsortia(ConsortiumForm.SPECIALTY_ALLIANCE)) {
            var leadMembership = s.activeMembers(c).stream().filter(m -> m.role() == MembershipRole.LEAD).findFirst();
            if (leadMembership.isEmpty()) {
                continue;
            }
            InstitutionView lead = s.institution(leadMembership.get().institutionId());
            if (lead == null || lead.affiliation() != Affiliation.MUNICIPAL) {
                continue;
            }
            String discipline = leadMembership.get().leadDiscipline();
            boolean key = discipline != null && lead.keySpecialties() != null && lead.keySpecialties().stream()
                    .anyMatch(k -> discipline.strip().equals(k.discipline()) && k.level() != KeySpecialtyLevel.DISTRICT);
            if (!key) {
                findings.add(open(s.subject(c), "keySpecialty", c.name() + ": " + lead.name() + " / " + discipline,
                        args(c.name(), lead.name(), discipline == null ? "-" : discipline), lead.id()));
            }
            List<String> suburbs = p.list(this, "suburbs", c.districtCode());
            boolean reaches = s.activeMembers(c).stream().filter(m -> m.role() != MembershipRole.LEAD)
                    .map(m -> s.institution(m.institutionId()))
                    .anyMatch(i -> i != null && suburbs.contains(i.districtCode()));
            if (!reaches) {
                findings.add(open(s.subject(c), "suburbs", Texts.text(c.name(), ": ", Texts.term("suburbs"), " = 0"), args(c.name())));
            }
        }
        return findings;
    }
}
