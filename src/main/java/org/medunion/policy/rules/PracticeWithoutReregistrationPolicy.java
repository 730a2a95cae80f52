package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import org.medunion.registry.AgreementType;
import org.medunion.registry.AgreementView;
import org.medunion.registry.DispatchView;
import org.medunion.registry.InstitutionId;

/**
 * CQ-7 — staff practise at member sites without re-registration only where a support (cooperation) or
 * trusteeship agreement covers both sites: a dispatch whose two institutions are not both parties of a signed
 * agreement of the consortium (an agreement without listed parties covers all members) is reported.
 */
final class PracticeWithoutReregistrationPolicy extends RuleSupport {

    PracticeWithoutReregistrationPolicy() {
        super("CQ-7", Pack.CQ, Severity.INFO, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (DispatchView d : s.dispatches()) {
            if (Terms.endedBefore(d.endDate(), s.today())) {
                continue;
            }
            boolean covered = s.agreements(d.consortiumId()).stream().anyMatch(a -> covers(a, d.fromInstitutionId(), d.toInstitutionId()));
            if (!covered) {
                var pr = s.practitioner(d.practitionerId());
                String name = pr == null ? String.valueOf(d.practitionerId()) : pr.name();
                findings.add(open(s.dispatchSubject(d, pr), "agreement", name + ": " + s.institutionName(d.fromInstitutionId()) + " → "
                        + s.institutionName(d.toInstitutionId()), args(name, s.institutionName(d.toInstitutionId())),
                        d.practitionerId(), d.fromInstitutionId(), d.toInstitutionId(), d.id()));
            }
        }
        return findings;
    }

    private static boolean covers(AgreementView a, InstitutionId from, InstitutionId to) {
        if (a.type() == AgreementType.CHARTER || !a.signed()) {
            return false;
        }
        return a.parties() == null || a.parties().isEmpty() || (a.parties().contains(from) && a.parties().contains(to));
    }
}
