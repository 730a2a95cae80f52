package org.medunion.referral;

/** Workflow states of a referral; {@link #isTerminal()} states accept no further action. */
public enum ReferralStatus {

    DRAFT, SUBMITTED, REDIRECTED, ACCEPTED, REJECTED, ARRIVED, COMPLETED, CANCELLED, EXPIRED;

    public boolean isTerminal() {
        return this == REJECTED || this == COMPLETED || this == CANCELLED || this == EXPIRED;
    }
}
