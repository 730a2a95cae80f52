package org.medunion.referral;

import org.jspecify.annotations.Nullable;

/** Rejection needs a coded reason; {@code text} explains it to the referrer. */
public record RejectReferral(@Nullable RejectionReason reason, @Nullable String text) {
}
