package org.medunion.policy;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * CQ-5 — long prescription (长处方) for contracted chronic patients: "探索对部分慢性病签约患者提供不超过2个月
 * 用药量的长处方服务" (渝府办发〔2017〕103号). A reusable check for the pharmacy and referral modules:
 * a prescription longer than the ordinary limit is allowed only for a contracted chronic patient and at most
 * {@value #DEFAULT_MAX_DAYS} days (2 months). The national long-prescription rule (up to 12 weeks, 84 days)
 * is wider; a jurisdiction applying the CQ pack keeps the stricter 60 days, others may pass
 * {@link #NATIONAL_MAX_DAYS} as the limit.
 */
public final class LongPrescriptionPolicy {

    /** CQ-5: 2 months = 60 days. */
    public static final int DEFAULT_MAX_DAYS = 60;
    /** National long-prescription rule: 12 weeks. */
    public static final int NATIONAL_MAX_DAYS = 84;
    /** Ordinary prescriptions (the 2007 prescription rules' chronic-disease limit without a long prescription). */
    public static final int ORDINARY_MAX_DAYS = 30;

    private LongPrescriptionPolicy() {
    }

    /**
     * The longest long or extended prescription allowed in a division (one parameter for pharmacy and referral):
     * CQ-5's {@code maxDays} where a jurisdiction covering the division applies the CQ pack, else RX-6's national
     * {@code maxDays} (12 weeks). Both read through the thresholds, so overrides apply.
     */
    public static Limit maxDays(PolicyThresholds thresholds, @Nullable String divisionCode) {
        var cq = thresholds.threshold("CQ-5", "maxDays", divisionCode);
        if (cq.applies()) {
            return new Limit("CQ-5", Integer.parseInt(cq.value().strip()), thresholds.clause("CQ-5"));
        }
        var rx = thresholds.threshold("RX-6", "maxDays", divisionCode);
        return new Limit("RX-6", Integer.parseInt(rx.value().strip()), thresholds.clause("RX-6"));
    }

    /** The ceiling in force and the rule (and its clause) it comes from. */
    public record Limit(String ruleId, int days, String clause) {
    }

    /** With the CQ-5 default limit of 60 days. */
    public static Optional<Refusal> check(int days, boolean contracted, boolean chronic) {
        return check(days, contracted, chronic, DEFAULT_MAX_DAYS);
    }

    /**
     * Empty when allowed; otherwise why not (the code is a message key of the policy bundle:
     * {@code error.CQ-5.tooLong} / {@code error.CQ-5.notEligible} / {@code error.CQ-5.invalidDays}).
     */
    public static Optional<Refusal> check(int days, boolean contracted, boolean chronic, int maxDays) {
        if (days <= 0) {
            return Optional.of(new Refusal("CQ-5", "error.CQ-5.invalidDays", days, maxDays));
        }
        if (days <= ORDINARY_MAX_DAYS) {
            return Optional.empty();
        }
        if (!contracted || !chronic) {
            return Optional.of(new Refusal("CQ-5", "error.CQ-5.notEligible", days, maxDays));
        }
        if (days > maxDays) {
            return Optional.of(new Refusal("CQ-5", "error.CQ-5.tooLong", days, maxDays));
        }
        return Optional.empty();
    }

    /** Why a long prescription is refused. */
    public record Refusal(String ruleId, String messageKey, int days, int maxDays) {
    }
}
