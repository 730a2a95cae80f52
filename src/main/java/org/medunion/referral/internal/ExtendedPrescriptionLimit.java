package org.medunion.referral.internal;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.policy.LongPrescriptionPolicy;
import org.medunion.policy.PolicyThresholds;
import org.medunion.referral.CreateReferral;
import org.medunion.referral.ReferralError;
import org.medunion.registry.InstitutionView;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The days of an extended prescription (延伸处方) on a downward referral are bounded by the long-prescription
 * ceiling of the sending institution's division (issue 13 item 7): CQ-5's 60 days where the CQ pack applies, RX-6's
 * 84 days elsewhere — read through {@link PolicyThresholds}, never a copy of the number.
 */
@Component
class ExtendedPrescriptionLimit {

    private final PolicyThresholds thresholds;
    private final Directory directory;

    ExtendedPrescriptionLimit(PolicyThresholds thresholds, Directory directory) {
        this.thresholds = thresholds;
        this.directory = directory;
    }

    /** The ceiling for prescriptions sent from the institution. */
    LongPrescriptionPolicy.Limit limit(@Nullable UUID from) {
        String division = directory.institution(from).map(InstitutionView::districtCode).orElse(null);
        return LongPrescriptionPolicy.maxDays(thresholds, division);
    }

    /** Each medication's days within 1 … the ceiling: else 400 naming the field, the days and the ceiling. */
    void check(CreateReferral c, @Nullable UUID from) {
        if (c.medications() == null || c.medications().stream().allMatch(m -> m == null || m.days() == null)) {
            return;
        }
        check(c.medications(), limit(from));
    }

    static void check(List<CreateReferral.MedicationInput> medications, LongPrescriptionPolicy.Limit limit) {
        int max = limit.days();
        for (var m : medications) {
            if (m != null && m.days() != null && (m.days() < 1 || m.days() > max)) {
                throw new InvalidInputException("medications.days", ReferralError.INVALID_PRESCRIPTION_DAYS, m.days(), max);
            }
        }
    }
}
