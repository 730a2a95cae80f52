package org.medunion.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * The referral module's published events (past tense). Each carries its own {@code eventId} so that
 * consumers of the at-least-once delivery (outbox, webhooks) can ignore duplicates.
 */
public sealed interface ReferralEvent permits ReferralSubmitted, ReferralAccepted, ReferralRejected, ReferralRedirected,
        ReferralCompleted, ReferralEscalated {

    UUID eventId();

    ReferralId referralId();

    String number();

    Instant occurredAt();
}
