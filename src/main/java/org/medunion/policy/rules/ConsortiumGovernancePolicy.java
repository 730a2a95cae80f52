package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import org.medunion.registry.AgreementType;
import org.medunion.registry.ConsortiumView;

/** SH-16 — a consortium has an agreement, a charter, a management office and a quality-control group. */
final class ConsortiumGovernancePolicy extends RuleSupport {

    ConsortiumGovernancePolicy() {
        super("SH-16", Pack.SH, Severity.WARN, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeConsortia()) {
            var agreements = s.agreements(c.id());
            List<String> missing = new ArrayList<>();
            if (agreements.stream().noneMatch(a -> a.type() != AgreementType.CHARTER)) {
                missing.add(Texts.term("agreement"));
            }
            if (agreements.stream().noneMatch(a -> a.type() == AgreementType.CHARTER)) {
                missing.add(Texts.code(AgreementType.CHARTER));
            }
            if (!c.managementOffice()) {
                missing.add(Texts.term("managementOffice"));
            }
            if (!c.qualityControlGroup()) {
                missing.add(Texts.term("qualityControlGroup"));
            }
            if (!missing.isEmpty()) {
                findings.add(open(s.subject(c), "missing", c.name() + ": " + String.join(", ", missing),
                        args(c.name(), String.join(", ", missing))));
            }
        }
        return findings;
    }
}
