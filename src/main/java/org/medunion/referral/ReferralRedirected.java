package org.medunion.referral;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A referral was redirected from one institution to another. */
public record ReferralRedirected(UUID eventId, ReferralId referralId, String number, Instant occurredAt, @Nullable UUID fromInstitutionId,
                                 @Nullable UUID previousInstitutionId, @Nullable UUID toInstitutionId)
        implements
            ReferralEvent {
}
