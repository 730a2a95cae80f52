package org.medunion.consultation.internal;

import java.time.Clock;
import org.medunion.consultation.ConsultationManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the TM-4 deadline job every minute; each escalation and expiry is a version-checked UPDATE. */
@Component
class DeadlineJob {

    private static final Logger log = LoggerFactory.getLogger(DeadlineJob.class);

    private final ConsultationManagement consultations;
    private final Clock clock;

    DeadlineJob(ConsultationManagement consultations, Clock clock) {
        this.consultations = consultations;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${medunion.consultation.escalation-interval:PT1M}", initialDelayString = "PT40S")
    void run() {
        try {
            var run = consultations.escalateOverdue(clock.instant());
            if (run.escalated() + run.expired() > 0) {
                log.info("consultation deadlines: {} escalated to the office, {} expired", run.escalated(), run.expired());
            }
        } catch (RuntimeException e) {
            log.warn("consultation deadline job failed, will retry: {}", e.toString());
        }
    }
}
