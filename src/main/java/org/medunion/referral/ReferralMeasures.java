package org.medunion.referral;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    /**
     * I-12 (虹吸): the residents under a family-doctor contract referred up by a windows' institution on its days (an
     * upward referral with the contract, submitted then and accepted — ACCEPTED, ARRIVED or COMPLETED), each once by
     * their first such referral, and of them those not referred back: no downward referral of the same resident
     * submitted (and not cancelled, rejected or expired) within {@code days} days of it. A resident whose {@code days}
     * have not passed yet and who has not been referred back is {@code pending}: in neither count.
     *
     * @param residents   residents referred up whose outcome is known (referred back, or {@code days} passed)
     * @param notReturned of them, those not referred back within {@code days} days
     * @param newest      the newest upward submission among them, null when none
     */
    record UpwardReturns(long residents, long notReturned, long pending, @Nullable Instant newest) {
    }

    UpwardReturns upwardReturns(List<InstitutionDays> windows, int days);

    /** How a resident's first upward referral enters I-12. */
    enum ReturnOutcome {
        /** not referred back within the days, which have passed: numerator */
        NOT_RETURNED,
        /** referred back within the days: denominator only */
        RETURNED,
        /** not referred back yet and the days not passed: in neither count */
        PENDING
    }

    /**
     * One resident {@link #upwardReturns} counts, shown by their first upward referral (no resident data) with the first
     * downward referral after it (null when none) and the outcome.
     */
    record UpwardReturn(CountedReferral referral, @Nullable Instant referredBackAt, ReturnOutcome outcome) {
    }

    /** The residents {@link #upwardReturns} counts, from the same query, newest referral first, at most {@code limit}. */
    List<UpwardReturn> upwardReturnRecords(List<InstitutionDays> windows, int days, int limit);

    /** Which referrals an indicator counts: I-2's completed ones, or I-3's and I-13's received ones. */
    enum Counted {
        COMPLETED, RECEIVED
    }

    /**
     * One referral behind an indicator value, as the figure's reader needs it to check the count: the sides, the times
     * and the outcome — no resident data, so the drill-down shows nothing a planner may not see.
     *
     * @param toInstitutionId null for a referral sent to the consortium's desk
     * @param summaryReturned the receiving side returned a summary (I-3's numerator)
     */
    record CountedReferral(String number, ReferralDirection direction, UUID fromInstitutionId, @Nullable UUID toInstitutionId,
                           ReferralStatus status, @Nullable Instant submittedAt, @Nullable Instant acceptedAt,
                           @Nullable Instant completedAt, @Nullable RejectionReason rejectionReason, boolean summaryReturned) {
    }

    /** The referrals {@link #completed} or {@link #closedLoop} / {@link #responses} count, newest first, at most {@code limit}. */
    List<CountedReferral> records(Counted which, List<InstitutionDays> windows, int limit);
}
