package org.medunion.referral;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A referral was submitted (or resubmitted after a redirect) to the receiving side. */
public record ReferralSubmitted(UUID eventId, ReferralId referralId, String number, Instant occurredAt, ReferralDirection direction,
                                @Nullable UUID fromInstitutionId, @Nullable UUID toInstitutionId, Urgency urgency,
                                Instant acceptanceDeadline)
        implements
            ReferralEvent {
}
