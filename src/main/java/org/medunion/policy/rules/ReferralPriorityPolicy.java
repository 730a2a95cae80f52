package org.medunion.policy.rules;

import java.util.List;

/** SH-15 — "1+1+1" contracted residents referred within the consortium first, with priority: needs the referral module (NO_DATA). */
final class ReferralPriorityPolicy extends RuleSupport {

    ReferralPriorityPolicy() {
        super("SH-15", Pack.SH, Severity.WARN, Coverage.NO_DATA);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        return noDataPerJurisdiction(s, "referral");
    }
}
