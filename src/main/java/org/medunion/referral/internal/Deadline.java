package org.medunion.referral.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** When the referral was submitted, by when the receiver must accept, and whether the desk was alerted. */
record Deadline(@Nullable Instant submittedAt, @Nullable Instant acceptBy, boolean escalated, @Nullable Instant escalatedAt) {

    static final Deadline NONE = new Deadline(null, null, false, null);

    static Deadline from(Instant submittedAt, Instant acceptBy) {
        return new Deadline(submittedAt, acceptBy, false, null);
    }

    Deadline escalatedAt(Instant at) {
        return new Deadline(submittedAt, acceptBy, true, at);
    }

    boolean passed(Instant now) {
        return escalated || acceptBy != null && acceptBy.isBefore(now);
    }
}
