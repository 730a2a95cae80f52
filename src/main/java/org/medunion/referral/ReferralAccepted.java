package org.medunion.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * A referral was accepted: with a booked slot or bed ({@code bookingKind}, {@code bookingId}), or — downward home-based
 * care and outpatient follow-up without a slot — with both null (docs/decisions/0004-downward-acceptance.md).
 */
public record ReferralAccepted(UUID eventId, ReferralId referralId, String number, Instant occurredAt, UUID fromInstitutionId,
                               UUID toInstitutionId, BookingKind bookingKind, UUID bookingId, boolean priority)
        implements
            ReferralEvent {
}
