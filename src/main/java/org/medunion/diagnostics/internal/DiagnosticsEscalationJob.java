package org.medunion.diagnostics.internal;

import java.time.Clock;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the turnaround and critical-acknowledgement job every minute; each escalation is a conditional UPDATE. */
@Component
class DiagnosticsEscalationJob {

    private static final Logger log = LoggerFactory.getLogger(DiagnosticsEscalationJob.class);

    private final DiagnosticsManagement diagnostics;
    private final Clock clock;

    DiagnosticsEscalationJob(DiagnosticsManagement diagnostics, Clock clock) {
        this.diagnostics = diagnostics;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${medunion.diagnostics.escalation-interval:PT1M}", initialDelayString = "PT40S")
    void run() {
        try {
            var run = diagnostics.escalateOverdue(clock.instant());
            if (run.overdueOrders() + run.unacknowledgedCritical() > 0) {
                log.info("diagnostics deadlines: {} overdue orders, {} unacknowledged critical results escalated",
                        run.overdueOrders(), run.unacknowledgedCritical());
            }
        } catch (RuntimeException e) {
            log.warn("diagnostics deadline job failed, will retry: {}", e.toString());
        }
    }
}
