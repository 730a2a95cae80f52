package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import org.medunion.registry.ConsortiumView;

/** SH-11 — a cross-province consortium is reported after the owner's approval: approval recorded on or before establishment. */
final class CrossProvinceApprovalPolicy extends RuleSupport {

    CrossProvinceApprovalPolicy() {
        super("SH-11", Pack.SH, Severity.BLOCK, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeConsortia()) {
            if (!c.crossProvince()) {
                continue;
            }
            if (c.ownerApprovedOn() == null || (c.establishedOn() != null && c.ownerApprovedOn().isAfter(c.establishedOn()))) {
                findings.add(open(s.subject(c), "approval", Texts.text(c.name(), ": ", c.ownerApprovedOn(), " / ", c.establishedOn()),
                        args(c.name(), c.ownerApprovedOn() == null ? "-" : c.ownerApprovedOn(), c.establishedOn())));
            }
        }
        return findings;
    }
}
