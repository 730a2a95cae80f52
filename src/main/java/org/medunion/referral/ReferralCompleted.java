package org.medunion.referral;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A referral was completed with the summary returned to the referrer (closed loop, I-3). */
public record ReferralCompleted(UUID eventId, ReferralId referralId, String number, Instant occurredAt, ReferralDirection direction,
                                @Nullable UUID fromInstitutionId, @Nullable UUID toInstitutionId)
        implements
            ReferralEvent {
}
