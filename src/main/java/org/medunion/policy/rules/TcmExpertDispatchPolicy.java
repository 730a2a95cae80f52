package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import org.medunion.registry.DispatchKind;

/**
 * CN-5 — TCM consortium: TCM experts stationed in community centres. In each jurisdiction applying CN, every active
 * consortium led by a TCM hospital has at least one active expert dispatch from a TCM institution to a primary
 * institution. Precise booking / seamless referral need the scheduling and referral modules (not checked).
 */
final class TcmExpertDispatchPolicy extends RuleSupport {

    TcmExpertDispatchPolicy() {
        super("CN-5", Pack.CN, Severity.WARN, Coverage.PARTIAL);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (var c : s.activeConsortia()) {
            var lead = s.lead(c);
            if (lead.isEmpty() || !(lead.get().tcm() || lead.get().category().isTcm())) {
                continue;
            }
            long n = s.activeDispatches(c.id()).stream().filter(d -> d.kind() == DispatchKind.EXPERT).filter(d -> {
                var from = s.institution(d.fromInstitutionId());
                var to = s.institution(d.toInstitutionId());
                return from != null && (from.tcm() || from.category().isTcm()) && to != null && to.isPrimary();
            }).count();
            if (n == 0) {
                findings.add(open(s.subject(c), "dispatch", Texts.text(c.name(), ": ", Texts.term("tcmExpertsToPrimary"), " = 0"),
                        args(c.name()), lead.get().id()));
            }
        }
        return findings;
    }
}
