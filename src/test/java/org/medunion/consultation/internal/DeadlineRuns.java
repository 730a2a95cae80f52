package org.medunion.consultation.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * The TM-4 deadline job's run at a chosen instant, limited to the given consultations: the contract tests move the
 * clock for their own requests only, so the demo city's open requests (same database, same context) keep their
 * state. The same code as the job's run ({@code ConsultationManagement.escalateOverdue}), with one more predicate.
 */
public final class DeadlineRuns {

    private DeadlineRuns() {
    }

    /** Escalated and expired counts. */
    public static int[] run(ApplicationContext context, Instant now, Collection<UUID> only) {
        return context.getBean(ConsultationSteps.class).escalateOverdue(now, only);
    }
}
