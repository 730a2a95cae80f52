package org.medunion.referral.internal;

import org.jspecify.annotations.Nullable;
import org.medunion.referral.RejectionReason;

/** Why the receiver rejected (both null while not rejected). */
record Rejection(@Nullable RejectionReason reason, @Nullable String text) {

    static final Rejection NONE = new Rejection(null, null);
}
