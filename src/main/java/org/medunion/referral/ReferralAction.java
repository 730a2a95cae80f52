package org.medunion.referral;

/** What someone (or the deadline job) does to a referral; the transition table maps (status, action) to a status. */
public enum ReferralAction {
    SUBMIT, ACCEPT, REJECT, REDIRECT, ARRIVE, COMPLETE, CANCEL, EXPIRE, ESCALATE
}
