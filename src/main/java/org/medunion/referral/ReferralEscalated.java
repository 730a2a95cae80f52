package org.medunion.referral;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A referral was past its acceptance deadline and escalated to the referral desk. */
public record ReferralEscalated(UUID eventId, ReferralId referralId, String number, Instant occurredAt, @Nullable UUID consortiumId,
                                @Nullable UUID toInstitutionId, Urgency urgency)
        implements
            ReferralEvent {
}
