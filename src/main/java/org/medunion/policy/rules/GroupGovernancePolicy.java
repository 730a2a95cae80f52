package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.GovernanceType;

/** NN-6 — a group is formed with one legal representative or by trusteeship; the governance type is recorded. */
final class GroupGovernancePolicy extends RuleSupport {

    GroupGovernancePolicy() {
        super("NN-6", Pack.NN, Severity.WARN, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (var c : s.activeConsortia(ConsortiumForm.URBAN_GROUP)) {
            if (c.governance() != GovernanceType.SINGLE_LEGAL_REPRESENTATIVE && c.governance() != GovernanceType.TRUSTEESHIP) {
                findings.add(open(s.subject(c), "governance", Texts.text(c.name(), ": ", c.governance()), args(c.name(), c.governance())));
            }
        }
        return findings;
    }
}
