package org.medunion.referral;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A referral was accepted: with a booked slot or bed ({@code bookingKind}, {@code bookingId}), or — downward home-based
 * care and outpatient follow-up without a slot — with both null (docs/decisions/0004-downward-acceptance.md).
 */
public record ReferralAccepted(UUID eventId, ReferralId referralId, String number, Instant occurredAt, @Nullable UUID fromInstitutionId,
                               @Nullable UUID toInstitutionId, @Nullable BookingKind bookingKind, @Nullable UUID bookingId,
                               boolean priority)
        implements
            ReferralEvent {
}
