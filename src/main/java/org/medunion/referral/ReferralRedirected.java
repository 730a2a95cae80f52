package org.medunion.referral;

import java.time.Instant;
import java.util.UUID;

/** A referral was redirected from one institution to another. */
public record ReferralRedirected(UUID eventId, ReferralId referralId, String number, Instant occurredAt, UUID fromInstitutionId,
                                 UUID previousInstitutionId, UUID toInstitutionId)
        implements
            ReferralEvent {
}
