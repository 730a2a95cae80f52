package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medunion.registry.AgreementType;
import org.medunion.registry.AgreementView;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.RegistryChange;

/**
 * SH-6 — trusteeship requires a signed trusteeship agreement stating responsibilities, rights, benefits and the
 * benefit-compensation mechanism. Recording an unsigned or incomplete trusteeship agreement is blocked; a
 * trusteeship consortium with no agreement yet is reported (it cannot be blocked: the agreement is recorded
 * after the consortium is formed).
 */
final class TrusteeshipAgreementPolicy extends RuleSupport {

    TrusteeshipAgreementPolicy() {
        super("SH-6", Pack.SH, Severity.BLOCK, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeConsortia()) {
            List<AgreementView> trusteeship = s.agreements(c.id()).stream().filter(a -> a.type() == AgreementType.TRUSTEESHIP).toList();
            if (trusteeship.isEmpty() && c.governance() == GovernanceType.TRUSTEESHIP) {
                findings.add(open(s.subject(c), "missing", c.name(), args(c.name())));
            }
            for (AgreementView a : trusteeship) {
                List<String> gaps = new ArrayList<>();
                if (!a.signed()) {
                    gaps.add(Texts.term("signedOn"));
                }
                if (blank(a.responsibilities())) {
                    gaps.add(Texts.term("responsibilities"));
                }
                if (blank(a.rights())) {
                    gaps.add(Texts.term("rights"));
                }
                if (blank(a.benefits())) {
                    gaps.add(Texts.term("benefits"));
                }
                if (blank(a.benefitSharing())) {
                    gaps.add(Texts.term("benefitSharing"));
                }
                overlapping(trusteeship, a).ifPresent(earlier -> findings.add(open(s.subject(c), "overlap@" + a.id(),
                        Texts.text(c.name(), ": ", earlier.title(), " ", earlier.termStart(), "…", earlier.termEnd(), " / ", a.title(), " ",
                                a.termStart(), "…", a.termEnd()),
                        args(c.name(), a.title(), earlier.title()), a.id(), earlier.id())));
                if (!gaps.isEmpty()) {
                    findings.add(open(s.subject(c), "incomplete@" + a.id(), c.name() + " / " + a.title() + ": " + String.join(", ", gaps),
                            args(c.name(), a.title(), String.join(", ", gaps)), a.id(), a.parties()));
                }
            }
        }
        return findings;
    }

    /**
     * An earlier trusteeship agreement of the same consortium whose term overlaps {@code a}'s (both ends inclusive, an
     * open end running on): one consortium is held in trusteeship under one agreement at a time, else the trusteeship
     * term SH-7 aligns the managers' terms with is ambiguous. "Earlier" = starting first (then by id), so the finding
     * names the agreement recorded into the other's term.
     */
    static Optional<AgreementView> overlapping(List<AgreementView> trusteeship, AgreementView a) {
        if (a.termStart() == null) {
            return Optional.empty();
        }
        return trusteeship.stream().filter(b -> b != a && b.termStart() != null)
                .filter(b -> b.termStart().isBefore(a.termStart())
                        || b.termStart().equals(a.termStart()) && b.id().toString().compareTo(a.id().toString()) < 0)
                .filter(b -> !Terms.endedBefore(b.termEnd(), a.termStart()))
                .findFirst();
    }

    /** Recording an incomplete agreement, or one overlapping another trusteeship of the consortium, is blocked. */
    @Override
    public boolean blocks(Finding finding, RegistryChange change) {
        return (finding.aspect().startsWith("incomplete") || finding.aspect().startsWith("overlap@")) && change.action() != null
                && change.action().contains("AGREEMENT") && RuleSupport.concerns(finding, change);
    }
}
