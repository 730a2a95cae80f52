package org.medunion.referral;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.InstitutionDays;

/**
 * Counts of referrals for the indicators I-2, I-3 and I-13 by institution and local day (Asia/Shanghai). Counts only: nothing
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

    /**
     * I-13: referrals submitted to a windows' institution on its days and how the receiving side answered: the minutes
     * from submission to acceptance of each accepted one, and the rejected ones by reason.
     *
     * @param newest the newest submission among them, null when none
     */
    record Responses(long received, List<Long> minutesToAccept, Map<RejectionReason, Long> rejectedByReason,
                     @Nullable Instant newest) {

        public Responses {
            minutesToAccept = List.copyOf(minutesToAccept);
            rejectedByReason = Map.copyOf(rejectedByReason);
        }

        public long rejected() {
            return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    Responses responses(List<InstitutionDays> windows);
}
