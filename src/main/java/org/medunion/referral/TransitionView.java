package org.medunion.referral;

import java.time.Instant;
import java.util.UUID;

/** One recorded step of a referral's timeline: who did what, when, and why. */
public record TransitionView(ReferralAction action, ReferralStatus fromStatus, ReferralStatus toStatus, String actor,
                             Instant at, String reason, UUID institutionId) {
}
