package org.medunion.referral.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.medunion.referral.EscalationRun;
import org.springframework.context.ApplicationContext;

/**
 * The deadline job's run at a chosen instant, limited to the given referrals: the contract tests move the clock for
 * their own referrals only, so other tests' and the demo city's open referrals (same database, same context) keep
 * their state. The same code as the job's run ({@code ReferralManagement.escalateOverdue}), with one more predicate.
 */
public final class EscalationRuns {

    private EscalationRuns() {
    }

    public static EscalationRun run(ApplicationContext context, Instant now, Collection<UUID> only) {
        return context.getBean(Escalation.class).run(now, only);
    }
}
