package org.medunion.referral;

import java.time.Instant;
import java.util.UUID;

/** A referral was submitted (or resubmitted after a redirect) to the receiving side. */
public record ReferralSubmitted(UUID eventId, ReferralId referralId, String number, Instant occurredAt, ReferralDirection direction,
                                UUID fromInstitutionId, UUID toInstitutionId, Urgency urgency,
                                Instant acceptanceDeadline)
        implements
            ReferralEvent {
}
