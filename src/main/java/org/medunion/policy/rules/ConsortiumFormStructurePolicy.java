package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import org.medunion.registry.Affiliation;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipRole;

/**
 * CQ-1 — form-specific structure: a medical group (URBAN_GROUP / REGIONAL) is led by a municipal institution;
 * a county medical community by a county (or district) hospital with township hospitals or community centres as
 * hubs; a specialty alliance names its lead discipline; a telemedicine network reaches primary or secondary
 * institutions.
 */
final class ConsortiumFormStructurePolicy extends RuleSupport {

    ConsortiumFormStructurePolicy() {
        super("CQ-1", Pack.CQ, Severity.WARN, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeConsortia()) {
            var members = s.activeMembers(c);
            var leadMembership = members.stream().filter(m -> m.role() == MembershipRole.LEAD).findFirst();
            InstitutionView lead = leadMembership.map(m -> s.institution(m.institutionId())).orElse(null);
            String problem = switch (c.form()) {
                case URBAN_GROUP, REGIONAL -> lead == null || lead.affiliation() != Affiliation.MUNICIPAL ? "lead" : null;
                case COUNTY_COMMUNITY -> {
                    boolean countyHospital = lead != null
                            && (lead.affiliation() == Affiliation.COUNTY || lead.affiliation() == Affiliation.DISTRICT)
                            && (lead.category() == InstitutionCategory.GENERAL_HOSPITAL || lead.category().isTcm());
                    boolean hubs = members.stream().map(m -> s.institution(m.institutionId())).anyMatch(i -> i != null
                            && (i.category() == InstitutionCategory.TOWNSHIP_HOSPITAL
                                    || i.category() == InstitutionCategory.COMMUNITY_HEALTH_CENTRE));
                    yield !countyHospital ? "lead" : !hubs ? "hubs" : null;
                }
                case SPECIALTY_ALLIANCE -> lead == null || blank(leadMembership.get().leadDiscipline()) ? "discipline" : null;
                case TELEMEDICINE_NETWORK -> members.stream().map(m -> s.institution(m.institutionId())).anyMatch(i -> i != null
                        && (i.isPrimary() || i.level() == HospitalLevel.PRIMARY || i.level() == HospitalLevel.SECONDARY)) ? null : "reach";
            };
            if (problem != null) {
                String leadName = lead == null ? "-" : Texts.text(lead.name(), " ", lead.affiliation());
                findings.add(open(s.subject(c), problem, Texts.text(c.name(), " (", c.form(), "): ", MembershipRole.LEAD, " = ", leadName),
                        args(c.name(), c.form(), leadName), lead == null ? null : lead.id()));
            }
        }
        return findings;
    }
}
