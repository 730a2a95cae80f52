package org.medunion.scheduling.internal;

import java.time.Clock;
import org.medunion.scheduling.SchedulingManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * NN-4 release: every minute, reserved slots still free at their release time go public. The work is one
 * idempotent conditional UPDATE, so every instance may run it at the same time without a lock: a slot moves
 * once, and a booking racing with the release either claims it first (then it is no longer FREE) or finds it
 * public.
 */
@Component
class ReleaseJob {

    private static final Logger log = LoggerFactory.getLogger(ReleaseJob.class);

    private final SchedulingManagement scheduling;
    private final Clock clock;

    ReleaseJob(SchedulingManagement scheduling, Clock clock) {
        this.scheduling = scheduling;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${medunion.scheduling.release-interval:PT1M}", initialDelayString = "PT30S")
    void releaseDue() {
        try {
            int moved = scheduling.releaseDueSlots(clock.instant());
            if (moved > 0) {
                log.info("released {} reserved slots to the public pool (NN-4)", moved);
            }
        } catch (RuntimeException e) {
            log.warn("slot release failed, will retry: {}", e.getMessage());
        }
    }
}
