package org.medunion.referral;

/** Rejection needs a coded reason; {@code text} explains it to the referrer. */
public record RejectReferral(RejectionReason reason, String text) {
}
