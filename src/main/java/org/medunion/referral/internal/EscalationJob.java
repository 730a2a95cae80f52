package org.medunion.referral.internal;

import java.time.Clock;
import org.medunion.referral.ReferralManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the deadline job every minute. Safe on several instances: each escalation and expiry is a
 * conditional UPDATE, so only one instance records the transition and publishes the event.
 */
@Component
class EscalationJob {

    private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);

    private final ReferralManagement referrals;
    private final Clock clock;

    EscalationJob(ReferralManagement referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${medunion.referral.escalation-interval:PT1M}", initialDelayString = "PT30S")
    void run() {
        try {
            var run = referrals.escalateOverdue(clock.instant());
            if (run.escalated() + run.expired() > 0) {
                log.info("referral deadlines: {} escalated to the desk, {} expired", run.escalated(), run.expired());
            }
        } catch (RuntimeException e) {
            log.warn("referral deadline job failed, will retry: {}", e.toString());
        }
    }
}
