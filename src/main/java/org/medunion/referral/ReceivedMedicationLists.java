package org.medunion.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.InstitutionDays;

/**
 * Downward referrals that carried a medication list, as their receiving institutions accepted them — for I-30
 * (medication continuity after a downward referral). Ids and times only: nothing personal.
 */
public interface ReceivedMedicationLists {

    /**
     * A downward referral with a medication list, when it was first accepted, and when the receiving institution
     * documented that the regimen was stopped instead of renewed (null when it did not); with the referral as a record
     * list shows it (number, sides, times — no resident data).
     */
    record Received(UUID referralId, Instant acceptedAt, @Nullable Instant stoppedAt, ReferralMeasures.CountedReferral referral) {
    }

    /** Accepted by each span's institution on its days. */
    List<Received> received(List<InstitutionDays> windows);
}
