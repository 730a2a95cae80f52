package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.medunion.registry.Affiliation;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionView;

/**
 * SH-1 — municipal–district cooperation takes one of two forms: regional consortium (incl. urban medical group)
 * or specialty consortium / alliance. A consortium with both a municipal and a district member in another form
 * is reported (INFO: the seed has no sanction).
 */
final class CooperationFormPolicy extends RuleSupport {

    private static final Set<ConsortiumForm> ALLOWED = EnumSet.of(ConsortiumForm.REGIONAL, ConsortiumForm.URBAN_GROUP,
            ConsortiumForm.SPECIALTY_ALLIANCE);

    CooperationFormPolicy() {
        super("SH-1", Pack.SH, Severity.INFO, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeConsortia()) {
            if (ALLOWED.contains(c.form())) {
                continue;
            }
            boolean municipal = false;
            boolean district = false;
            for (var m : s.activeMembers(c)) {
                InstitutionView i = s.institution(m.institutionId());
                if (i != null) {
                    municipal |= i.affiliation() == Affiliation.MUNICIPAL;
                    district |= i.affiliation() == Affiliation.DISTRICT;
                }
            }
            if (municipal && district) {
                findings.add(open(s.subject(c), "form", Texts.text(c.name(), ": ", c.form()), args(c.name(), c.form())));
            }
        }
        return findings;
    }
}
