package org.medunion.referral.internal;

import org.medunion.referral.RejectionReason;

/** Why the receiver rejected (both null while not rejected). */
record Rejection(RejectionReason reason, String text) {

    static final Rejection NONE = new Rejection(null, null);
}
