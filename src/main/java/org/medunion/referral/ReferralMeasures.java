package org.medunion.referral;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.InstitutionDays;

/**
 * Counts of referrals for the indicators I-2 and I-3 by institution and local day (Asia/Shanghai). Counts only: nothing
 * personal leaves the module, so the caller's right to see the subject is the indicators module's to check.
 */
public interface ReferralMeasures {

    /**
     * I-2: referrals completed (closed loop reached) on the windows' days with a windows' institution on either side,
     * each counted once, by direction.
     *
     * @param newest the newest completion among them, null when none
     */
    record Completed(long up, long down, @Nullable Instant newest) {
    }

    Completed completed(List<InstitutionDays> windows);

    /**
     * I-3: referrals submitted to a windows' institution on its days, and of those the ones whose receiving side returned
     * a summary to the referrer (at any time since).
     *
     * @param newest the newest submission among them, null when none
     */
    record ClosedLoop(long received, long closed, @Nullable Instant newest) {
    }

    ClosedLoop closedLoop(List<InstitutionDays> windows);
}
