package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import org.medunion.registry.Affiliation;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipRole;

/**
 * SH-2 — a regional consortium is led by a district regional medical centre, municipal general hospitals
 * (incl. TCM / integrated) are technical-support units and do not lead, and the consortium covers residents
 * through grids.
 */
final class RegionalConsortiumLeadPolicy extends RuleSupport {

    RegionalConsortiumLeadPolicy() {
        super("SH-2", Pack.SH, Severity.WARN, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeRegionalRole()) {
            var lead = s.lead(c);
            if (lead.isEmpty() || lead.get().affiliation() != Affiliation.DISTRICT || !lead.get().regionalMedicalCentre()) {
                String who = lead
                        .map(l -> Texts.text(l.name(), " ", l.affiliation(),
                                l.regionalMedicalCentre() ? " " + Texts.term("regionalMedicalCentre") : ""))
                        .orElse("-");
                findings.add(open(s.subject(c), "lead", Texts.text(c.name(), ": ", MembershipRole.LEAD, " = ", who), args(c.name(), who),
                        lead.map(InstitutionView::id).orElse(null)));
            }
            for (var m : s.activeMembers(c)) {
                InstitutionView i = s.institution(m.institutionId());
                if (i != null && i.affiliation() == Affiliation.MUNICIPAL && municipalGeneral(i)
                        && m.role() != MembershipRole.TECHNICAL_SUPPORT) {
                    findings.add(open(s.subject(c), "role@" + i.id(), Texts.text(c.name(), ": ", i.name(), " = ", m.role()),
                            args(c.name(), i.name(), m.role()), i.id()));
                }
            }
            if (c.gridIds() == null || c.gridIds().isEmpty()) {
                findings.add(open(s.subject(c), "grid", Texts.text(c.name(), ": ", Texts.term("grids"), " = 0"), args(c.name())));
            }
        }
        return findings;
    }

    private static boolean municipalGeneral(InstitutionView i) {
        return i.category() == InstitutionCategory.GENERAL_HOSPITAL || i.category().isTcm();
    }
}
