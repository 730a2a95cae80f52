package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import org.medunion.policy.PlaqueNames;
import org.medunion.registry.InstitutionView;

/**
 * CQ-3 — the plaque "××医疗集团医院" etc. ({@link PlaqueNames#plaqueFor}) is not a second registered name: an
 * institution in a consortium whose registered name is such a plaque is reported.
 */
final class PlaqueNamePolicy extends RuleSupport {

    PlaqueNamePolicy() {
        super("CQ-3", Pack.CQ, Severity.INFO, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (InstitutionView i : s.institutions()) {
            if (PlaqueNames.looksLikePlaque(i.name()) && !s.memberships(i.id()).isEmpty()) {
                findings.add(open(s.subject(i, null), "name", i.name(), args(i.name()), i.id()));
            }
        }
        return findings;
    }
}
