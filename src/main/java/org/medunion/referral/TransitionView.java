package org.medunion.referral;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One recorded step of a referral's timeline: who did what, when, and why. */
public record TransitionView(ReferralAction action, @Nullable ReferralStatus fromStatus, ReferralStatus toStatus, String actor,
                             @Nullable Instant at, @Nullable String reason, @Nullable UUID institutionId) {
}
