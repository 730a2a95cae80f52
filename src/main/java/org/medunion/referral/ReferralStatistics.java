package org.medunion.referral;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Aggregates for planners (no personal data): counts by status and direction (I-2), closed-loop rate (I-3),
 * response time median and 90th percentile in minutes and rejections by reason (I-13).
 * A rate whose denominator is zero is null ("no data").
 */
public record ReferralStatistics(Map<ReferralStatus, Long> byStatus, Map<ReferralDirection, Long> completedByDirection,
                                 @Nullable Double downToUpRatio, @Nullable Double closedLoopRate, @Nullable Double responseMinutesMedian,
                                 @Nullable Double responseMinutesP90, Map<RejectionReason, Long> rejectionsByReason) {
}
