package org.medunion.referral.internal;

import java.time.Duration;
import java.util.List;
import org.medunion.referral.Urgency;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Configurable deadlines: acceptance per urgency ({@code medunion.referral.deadline.*}), how long past the
 * deadline a submitted referral expires, and the webhook URLs ({@code medunion.webhooks.referral}).
 */
@Component
class ReferralSettings {

    private final Duration emergency;
    private final Duration urgent;
    private final Duration routine;
    private final Duration expireAfter;
    private final List<String> webhooks;

    ReferralSettings(@Value("${medunion.referral.deadline.emergency:PT30M}") Duration emergency,
                     @Value("${medunion.referral.deadline.urgent:PT4H}") Duration urgent,
                     @Value("${medunion.referral.deadline.routine:PT48H}") Duration routine,
                     @Value("${medunion.referral.expire-after:P7D}") Duration expireAfter,
                     @Value("${medunion.webhooks.referral:}") List<String> webhooks) {
        this.emergency = emergency;
        this.urgent = urgent;
        this.routine = routine;
        this.expireAfter = expireAfter;
        this.webhooks = webhooks.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    Duration acceptanceDeadline(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> emergency;
            case URGENT -> urgent;
            case ROUTINE -> routine;
        };
    }

    /** A submitted referral this long past its acceptance deadline expires. */
    Duration expireAfter() {
        return expireAfter;
    }

    List<String> webhooks() {
        return webhooks;
    }
}
