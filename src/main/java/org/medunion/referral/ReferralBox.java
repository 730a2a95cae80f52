package org.medunion.referral;

/** Which list: referrals I sent, referrals sent to me, the consortium desk's queue (overdue first). */
public enum ReferralBox {
    OUTBOX, INBOX, DESK
}
