package org.medunion.pharmacy.internal;

import java.util.List;
import java.util.UUID;
import org.medunion.policy.PolicyThresholds;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralManagement;
import org.medunion.referral.ReferralView;
import org.medunion.shared.NotFoundException;
import org.medunion.shared.RuleViolationException;
import org.springframework.stereotype.Component;

/**
 * RX-16: an extended prescription (延伸处方) renews the regimen a higher hospital sent down with a downward referral —
 * so it must name a downward referral that the prescriber's institution received (accepted, arrived or completed),
 * for the same resident, with a medication list. The referral is read through the referral module's scoped read (a
 * referral the prescriber cannot see is refused like one that does not fit). The drugs must be in the consortium
 * formulary, which every prescription line already is; RX-5 and RX-6 bound the supply as for any prescription.
 */
@Component
class ExtendedPrescriptions {

    private final ReferralManagement referrals;
    private final PolicyThresholds thresholds;
    private final PrescriptionViews views;

    ExtendedPrescriptions(ReferralManagement referrals, PolicyThresholds thresholds, PrescriptionViews views) {
        this.referrals = referrals;
        this.thresholds = thresholds;
        this.views = views;
    }

    void check(UUID referralId, UUID prescribingInstitutionId, UUID residentId) {
        ReferralView r;
        try {
            r = referrals.get(new ReferralId(referralId));
        } catch (NotFoundException e) {
            throw refused(referralId);
        }
        if (!r.renewableMedicationList() || !prescribingInstitutionId.equals(r.toInstitutionId()) || !residentId.equals(r.residentId())) {
            throw refused(referralId);
        }
    }

    private RuleViolationException refused(UUID referralId) {
        return new RuleViolationException(List.of(new RuleViolationException.Violation("RX-16", thresholds.clause("RX-16"),
                views.message("pharmacy.rx.RX-16"), "referralId", List.of("ServiceRequest/" + referralId))));
    }
}
