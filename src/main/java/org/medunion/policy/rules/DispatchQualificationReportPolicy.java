package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchView;

/**
 * SH-12 — the list and qualifications of long-term dispatched managers and experts of a trusteeship are
 * reported; the report is generated from dispatch records (compliance report), so every dispatched person
 * must have a title and title date on record.
 */
final class DispatchQualificationReportPolicy extends RuleSupport {

    DispatchQualificationReportPolicy() {
        super("SH-12", Pack.SH, Severity.WARN, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeConsortia()) {
            if (!trusteeship(s, c)) {
                continue;
            }
            for (DispatchView d : s.activeDispatches(c.id())) {
                var pr = s.practitioner(d.practitionerId());
                if (pr == null || pr.title() == null || pr.titleDate() == null) {
                    String name = pr == null ? String.valueOf(d.practitionerId()) : pr.name();
                    findings.add(open(s.dispatchSubject(d, pr), "qualification",
                            pr == null ? name + ": -" : Texts.text(name, ": ", pr.title(), " ", pr.titleDate()),
                            args(name), d.practitionerId(), d.id()));
                }
            }
        }
        return findings;
    }
}
