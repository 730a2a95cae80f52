package org.medunion.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * The one source of truth for every rule parameter (rules.md interpretation notes): the value in force for a
 * division — the seed's default, or the newest override of the most specific jurisdiction covering it — and whether
 * a jurisdiction covering the division applies the rule's pack at all. Scheduling (NN-4 shares), referral and
 * pharmacy (CQ-5 days) read their thresholds here and keep no copy — nor of the clause they cite.
 */
public interface PolicyThresholds {

    /**
     * Unknown rule or parameter → IllegalArgumentException (a programming error, not user input). A null division asks
     * for the value in force without a jurisdiction (the seed's, or a national override), which then applies nowhere in
     * particular ({@code applies} is false).
     */
    Threshold threshold(String ruleId, String parameter, @Nullable String divisionCode);

    /** The rule's seed clause, verbatim, for a module citing it in a violation. Unknown rule → IllegalArgumentException. */
    String clause(String ruleId);

    /**
     * @param value   as the rule defines it, e.g. {@code "1/3"} or {@code "60"}
     * @param applies whether a jurisdiction covering the division applies the rule's pack — always for the national
     *                pack RX (decision 0120) — else the value is the seed's number, informative only, and nothing is
     *                enforced
     */
    record Threshold(String ruleId, String parameter, String value, boolean applies) {

        /** The value as a number: a decimal, or a fraction such as NN-4's "1/3" (to six places). */
        public BigDecimal decimal() {
            String v = value.strip();
            int slash = v.indexOf('/');
            if (slash < 0) {
                return new BigDecimal(v);
            }
            return new BigDecimal(v.substring(0, slash).strip()).divide(new BigDecimal(v.substring(slash + 1).strip()), 6,
                    RoundingMode.HALF_UP);
        }
    }
}
