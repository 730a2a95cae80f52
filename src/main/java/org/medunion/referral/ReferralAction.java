package org.medunion.referral;

/** What someone (or the deadline job) does to a referral; the transition table maps (status, action) to a status. */
public enum ReferralAction {

    CREATE, SUBMIT, ACCEPT, REJECT, REDIRECT, ARRIVE, COMPLETE, CANCEL, EXPIRE, ESCALATE;

    /** The status this action asks for (named in the REFERRAL-0001 error when it is illegal). */
    public ReferralStatus requestedStatus() {
        return switch (this) {
            case CREATE -> ReferralStatus.DRAFT;
            case SUBMIT, ESCALATE -> ReferralStatus.SUBMITTED;
            case ACCEPT -> ReferralStatus.ACCEPTED;
            case REJECT -> ReferralStatus.REJECTED;
            case REDIRECT -> ReferralStatus.REDIRECTED;
            case ARRIVE -> ReferralStatus.ARRIVED;
            case COMPLETE -> ReferralStatus.COMPLETED;
            case CANCEL -> ReferralStatus.CANCELLED;
            case EXPIRE -> ReferralStatus.EXPIRED;
        };
    }

    /** Actions a person (not the deadline job) takes through the API. */
    public boolean isManual() {
        return this != CREATE && this != EXPIRE && this != ESCALATE;
    }
}
