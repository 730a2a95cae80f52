package org.medunion.referral.internal;

import java.time.Instant;

/** When the referral was submitted, by when the receiver must accept, and whether the desk was alerted. */
record Deadline(Instant submittedAt, Instant acceptBy, boolean escalated, Instant escalatedAt) {

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
