package org.medunion.referral;

import java.time.Instant;
import java.util.UUID;

/** A referral was rejected with a coded reason. */
public record ReferralRejected(UUID eventId, ReferralId referralId, String number, Instant occurredAt, UUID fromInstitutionId,
                               UUID toInstitutionId, RejectionReason reason)
        implements
            ReferralEvent {
}
