package org.medunion.policy.rules;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.medunion.registry.Affiliation;
import org.medunion.registry.ChangeReportView;
import org.medunion.registry.ChangeType;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.RegistryChange;

/**
 * SH-10 — creation, adjustment and dissolution of a consortium relation are reported to the owner body (办医主体) and the
 * municipal commission, the municipal hospital reporting ("市级医院为报告主体"). Checks every consortium has its CREATION
 * report (and a DISSOLUTION report once dissolved), each with a reporting institution and recipients; where the
 * consortium had a municipal member on the report's day, the reporting party is a municipal hospital and its owner
 * body is among the recipients. Consortia without a municipal hospital (district-led groups) are reported by their
 * lead: the seed's reporting party does not exist there.
 *
 * <p>Blocks (seed: the report is part of the change): a change that leaves a municipal member of an active consortium
 * without a recorded owner body, whose report could not be addressed to it. The registry writes the report itself in
 * the change's transaction, choosing the municipal hospital, so the other aspects only find data loaded around it.
 */
final class ChangeReportPolicy extends RuleSupport {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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
            // read once hasChangeReports() said the reports are there
            List<ChangeReportView> reports = Objects.requireNonNull(s.changeReports(c.id()), "change reports read");
            if (reports.stream().noneMatch(r -> r.changeType() == ChangeType.CREATION)) {
                findings.add(open(s.subject(c), "creation", Texts.text(c.name(), ": ", ChangeType.CREATION, " = 0"), args(c.name())));
            }
            if (!c.active() && reports.stream().noneMatch(r -> r.changeType() == ChangeType.DISSOLUTION)) {
                findings.add(open(s.subject(c), "dissolution", Texts.text(c.name(), ": ", ChangeType.DISSOLUTION, " = 0"), args(c.name())));
            }
            for (ChangeReportView r : reports) {
                report(s, c, r, findings);
            }
            if (c.active()) {
                for (InstitutionView m : municipalMembers(s, c, s.today())) {
                    if (blank(m.ownerBody())) {
                        findings.add(open(s.subject(c), "owner@" + m.id(), Texts.text(c.name(), ": ", m.name(), " → -"),
                                args(c.name(), m.name()), m.id()));
                    }
                }
            }
        }
        return findings;
    }

    private void report(RegistrySnapshot s, ConsortiumView c, ChangeReportView r, List<Finding> findings) {
        InstitutionView party = r.reportingInstitution() == null ? null : s.institution(r.reportingInstitution());
        String evidence = Texts.text(c.name(), " / ", r.number(), ": ", party == null ? "-" : party.name(), " → ", r.recipients());
        if (party == null || r.recipients() == null || r.recipients().isEmpty()) {
            findings.add(open(s.subject(c), "report@" + r.id(), evidence, args(c.name(), r.number()), r.id()));
            return;
        }
        LocalDate day = r.reportedAt() == null ? s.today() : r.reportedAt().atZone(ZONE).toLocalDate();
        if (r.changeType() == ChangeType.CREATION && c.establishedOn() != null && c.establishedOn().isBefore(day)) {
            // the creation report is about the consortium as formed: a municipal hospital joining later is not its party
            day = c.establishedOn();
        }
        List<InstitutionView> municipal = municipalMembers(s, c, day);
        if (!municipal.isEmpty() && party.affiliation() != Affiliation.MUNICIPAL) {
            findings.add(open(s.subject(c), "party@" + r.id(), evidence, args(c.name(), r.number(), party.name(), municipal.get(0).name()),
                    r.id(), party.id(), municipal.get(0).id()));
        } else if (party.affiliation() == Affiliation.MUNICIPAL && !blank(party.ownerBody())
                && !r.recipients().contains(party.ownerBody())) {
            findings.add(open(s.subject(c), "recipients@" + r.id(), evidence, args(c.name(), r.number(), party.ownerBody()), r.id(),
                    party.id()));
        }
    }

    /** Municipal hospitals among the consortium's members on a day (a report's day, or today). */
    static List<InstitutionView> municipalMembers(RegistrySnapshot s, ConsortiumView c, LocalDate day) {
        return c.activeMembers(day).stream().map(m -> s.institution(m.institutionId()))
                .filter(i -> i != null && i.affiliation() == Affiliation.MUNICIPAL).toList();
    }

    /**
     * Only a municipal member without an owner body blocks (its report could not reach the owner); a report's party and
     * recipients are the registry's, written after the guard in the same transaction.
     */
    @Override
    public boolean blocks(Finding finding, RegistryChange change) {
        return finding.aspect().startsWith("owner@") && concerns(finding, change);
    }
}
