package org.medunion.indicators;

import java.util.List;

/**
 * The records behind an indicator value that another module counts (referrals, recognition decisions, centre orders, prescriptions),
 * chosen by the same rule and over the same spans as the value; at most one list is filled. No resident data.
 */
public record DrillDown(List<ReferralRecord> referrals, List<DecisionRecord> decisions, List<OrderRecord> orders,
                        List<PrescriptionRecord> prescriptions) {

    public static final DrillDown NONE = new DrillDown(List.of(), List.of(), List.of(), List.of());

    public DrillDown {
        referrals = List.copyOf(referrals);
        decisions = List.copyOf(decisions);
        orders = List.copyOf(orders);
        prescriptions = List.copyOf(prescriptions);
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    public int size() {
        return referrals.size() + decisions.size() + orders.size() + prescriptions.size();
    }

    /** How a record enters the value, so the reader can recount it. */
    public enum Counted {
        /** in the numerator (and, for a share, in the denominator too) */
        NUMERATOR,
        /** in the denominator only */
        DENOMINATOR,
        /** recorded but not counted (e.g. re-examination reasons 98 and 99, a referral not yet answered for I-13) */
        NOT_COUNTED
    }
}
