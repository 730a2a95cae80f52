package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import org.medunion.registry.AgreementType;
import org.medunion.registry.ConsortiumForm;

/** NN-7 — benefit sharing (business split, management fees, referral revenue, cost sharing) written in a signed agreement. */
final class BenefitSharingPolicy extends RuleSupport {

    BenefitSharingPolicy() {
        super("NN-7", Pack.NN, Severity.WARN, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (var c : s.activeConsortia(ConsortiumForm.URBAN_GROUP)) {
            boolean written = s.agreements(c.id()).stream().anyMatch(a -> a.type() != AgreementType.CHARTER && a.signed()
                    && !blank(a.benefitSharing()));
            if (!written) {
                findings.add(open(s.subject(c), "benefitSharing", c.name(), args(c.name())));
            }
        }
        return findings;
    }
}
