package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import org.medunion.registry.ChangeReportView;
import org.medunion.registry.ChangeType;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.RegistryChange;

/**
 * SH-10 — creation, adjustment and dissolution of a consortium relation are reported to the owner body and the
 * municipal commission, the municipal hospital reporting. Checks every consortium has its CREATION report (and
 * a DISSOLUTION report once dissolved), each with a reporting institution and recipients. The registry writes
 * the report in the same transaction as the change, so this finds consortia loaded around the registry (system
 * loads, migrations) rather than a forgotten report.
 */
final class ChangeReportPolicy extends RuleSupport {

    ChangeReportPolicy() {
        super("SH-10", Pack.SH, Severity.BLOCK, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        if (!s.hasChangeReports()) {
            return noDataPerJurisdiction(s, Texts.term("changeReports"));
        }
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.consortia()) {
            List<ChangeReportView> reports = s.changeReports(c.id());
            if (reports.stream().noneMatch(r -> r.changeType() == ChangeType.CREATION)) {
                findings.add(open(s.subject(c), "creation", Texts.text(c.name(), ": ", ChangeType.CREATION, " = 0"), args(c.name())));
            }
            if (!c.active() && reports.stream().noneMatch(r -> r.changeType() == ChangeType.DISSOLUTION)) {
                findings.add(open(s.subject(c), "dissolution", Texts.text(c.name(), ": ", ChangeType.DISSOLUTION, " = 0"), args(c.name())));
            }
            for (ChangeReportView r : reports) {
                InstitutionView party = r.reportingInstitution() == null ? null : s.institution(r.reportingInstitution());
                boolean noRecipients = r.recipients() == null || r.recipients().isEmpty();
                boolean wrongParty = party == null;
                if (noRecipients || wrongParty) {
                    findings.add(open(s.subject(c), "report@" + r.id(), c.name() + " / " + r.number() + ": "
                            + (party == null ? "-" : party.name()) + " → " + r.recipients(),
                            args(c.name(), r.number()), r.id()));
                }
            }
        }
        return findings;
    }

    /** Never blocks a change: the guard runs before the registry writes the change's report, in the same transaction. */
    @Override
    public boolean blocks(Finding finding, RegistryChange change) {
        return false;
    }
}
