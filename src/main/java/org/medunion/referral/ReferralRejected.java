package org.medunion.referral;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A referral was rejected with a coded reason. */
public record ReferralRejected(UUID eventId, ReferralId referralId, String number, Instant occurredAt, @Nullable UUID fromInstitutionId,
                               @Nullable UUID toInstitutionId, RejectionReason reason)
        implements
            ReferralEvent {
}
