package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medunion.registry.AgreementType;
import org.medunion.registry.AgreementView;
import org.medunion.registry.ConsortiumView;

/**
 * SH-17 — a consortium's cooperation or trusteeship agreement sets quantified targets for building talent,
 * disciplines and techniques and for hospital management (seed 000: "明确共建人才、学科、技术等医疗服务能力提升以及医院
 * 管理综合能力提升的客观要求和具体量化指标"): each such agreement still in force on the snapshot's day carries at least
 * {min} (default 1) targets (area, indicator, value, unit, due day). Charters set no targets. Reported, not blocked.
 */
final class QuantifiedTargetsPolicy extends RuleSupport {

    QuantifiedTargetsPolicy() {
        super("SH-17", Pack.SH, Severity.WARN, Coverage.EVALUATED, Map.of("min", "1"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeConsortia()) {
            int min = p.intValue(this, "min", c.districtCode());
            for (AgreementView a : s.agreements(c.id())) {
                if (a.type() == AgreementType.CHARTER || Terms.endedBefore(a.termEnd(), s.today()) || a.targets().size() >= min) {
                    continue;
                }
                findings.add(open(s.subject(c), "targets@" + a.id(),
                        Texts.text(c.name(), " / ", a.title(), ": ", a.targets().size(), " < ", min),
                        args(c.name(), a.title(), a.targets().size(), min), a.id(), a.parties()));
            }
        }
        return findings;
    }
}
