package org.medunion.policy.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medunion.registry.AgreementType;
import org.medunion.registry.AgreementView;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchKind;
import org.medunion.registry.DispatchView;
import org.medunion.registry.ManagerRole;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.RegistryChange;

/**
 * SH-7 — a trusteeship has at least {managers} (default 2) dispatched managers: a member of the municipal
 * hospital's leadership as PRESIDENT of the district hospital and one as EXECUTIVE_PRESIDENT; each manager's
 * term equals the trusteeship term (ends with the agreement, starts within it) and is at least {years}
 * (default 2) years; the trusteeship agreement states the managers' duties. Dispatching a manager with a wrong term is
 * blocked; missing managers and a trusteeship agreement without the managers' duties are reported.
 */
final class DispatchedManagersPolicy extends RuleSupport {

    DispatchedManagersPolicy() {
        super("SH-7", Pack.SH, Severity.BLOCK, Coverage.EVALUATED, Map.of("managers", "2", "years", "2"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeConsortia()) {
            if (!regionalTrusteeship(s, c)) {
                continue;
            }
            int minManagers = p.intValue(this, "managers", c.districtCode());
            int years = p.intValue(this, "years", c.districtCode());
            List<DispatchView> managers = s.activeDispatches(c.id()).stream().filter(d -> d.kind() == DispatchKind.MANAGER).toList();
            var roles = EnumSet.noneOf(ManagerRole.class);
            managers.forEach(d -> {
                if (d.managerRole() != null) {
                    roles.add(d.managerRole());
                }
            });
            if (managers.size() < minManagers || !roles.contains(ManagerRole.PRESIDENT)
                    || !roles.contains(ManagerRole.EXECUTIVE_PRESIDENT)) {
                findings.add(
                        open(s.subject(c), "roles",
                                Texts.text(c.name(), ": ", Texts.term("managers"), " = ", managers.size(), " < ", minManagers, " / ",
                                        roles),
                                args(c.name(), managers.size(), minManagers, roles),
                                managers.stream().map(DispatchView::practitionerId).toList()));
            }
            // "管理人员任职周期应与托管周期同步（不得少于2年）": the trusteeship itself lasts at least {years}, end inclusive
            for (AgreementView a : s.agreements(c.id())) {
                if (a.type() == AgreementType.TRUSTEESHIP && a.termStart() != null && a.termEnd() != null
                        && !Terms.lastsAtLeast(a.termStart(), a.termEnd(), Period.ofYears(years))) {
                    findings.add(open(s.subject(c), "agreementTerm@" + a.id(),
                            Texts.text(c.name(), " / ", a.title(), ": ", a.termStart(), "…", a.termEnd(), " (≥ ", years, ")"),
                            args(c.name(), a.title(), a.termStart(), a.termEnd(), years), a.id(), a.parties()));
                }
            }
            findings.addAll(withoutDuties(s, c));
            Optional<AgreementView> trust = s.agreements(c.id()).stream().filter(a -> a.type() == AgreementType.TRUSTEESHIP).findFirst();
            for (DispatchView d : s.dispatches(c.id())) {
                if (d.kind() != DispatchKind.MANAGER || Terms.endedBefore(d.endDate(), s.today())) {
                    continue;
                }
                Optional<AgreementView> agreement = s.agreement(d.agreementId()).or(() -> trust);
                LocalDate end = d.endDate() != null ? d.endDate() : agreement.map(AgreementView::termEnd).orElse(null);
                PractitionerView practitioner = s.practitioner(d.practitionerId());
                String name = practitioner == null ? String.valueOf(d.practitionerId()) : practitioner.name();
                boolean tooShort = end == null || !Terms.lastsAtLeast(d.startDate(), end, Period.ofYears(years));
                boolean misaligned = agreement.isPresent() && agreement.get().termEnd() != null
                        && (!agreement.get().termEnd().equals(end)
                                || (agreement.get().termStart() != null && d.startDate().isBefore(agreement.get().termStart())));
                if (tooShort || misaligned) {
                    String term = agreement.map(a -> a.termStart() + "…" + a.termEnd()).orElse("-");
                    findings.add(open(s.dispatchSubject(d, s.practitioner(d.practitionerId())), "term",
                            name + ": " + d.startDate() + "…" + end + " / " + term + " (≥ " + years + ")",
                            args(name, d.startDate(), end, term, years), d.practitionerId(), d.toInstitutionId(), d.id()));
                }
            }
        }
        return findings;
    }

    /**
     * "管理人员职责应在托管协议中予以明确": each trusteeship agreement of the consortium still in force on the snapshot's day
     * states the dispatched managers' duties. Reported, not blocked: agreements recorded before the field existed lack it.
     */
    private List<Finding> withoutDuties(RegistrySnapshot s, ConsortiumView c) {
        return s.agreements(c.id()).stream()
                .filter(a -> a.type() == AgreementType.TRUSTEESHIP && !Terms.endedBefore(a.termEnd(), s.today())
                        && blank(a.managerDuties()))
                .map(a -> open(s.subject(c), "duties@" + a.id(),
                        Texts.text(c.name(), " / ", a.title(), ": ", Texts.term("managerDuties"), " = -"),
                        args(c.name(), a.title()), a.id(), a.parties()))
                .toList();
    }

    /** A manager's wrong term blocks the dispatch; a trusteeship shorter than {years} blocks recording the agreement. */
    @Override
    public boolean blocks(Finding finding, RegistryChange change) {
        if (change.action() == null || !RuleSupport.concerns(finding, change)) {
            return false;
        }
        return (finding.aspect().equals("term") && change.action().contains("DISPATCH"))
                || (finding.aspect().startsWith("agreementTerm@") && change.action().contains("AGREEMENT"));
    }
}
