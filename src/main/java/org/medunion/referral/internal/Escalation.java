package org.medunion.referral.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.referral.EscalationRun;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acceptance deadlines (CN: escalation to the desk): submitted referrals past their deadline are escalated to
 * the consortium's referral desk, those {@code expireAfter} past it expire. Through the aggregate, saved with
 * the version read: a referral another instance changed meanwhile is skipped, so runs on several instances at
 * once count each referral once.
 */
@Service
@Transactional
class Escalation {

    private static final int BATCH = 1000;

    private final ReferralStore store;
    private final ReferralSettings settings;

    Escalation(ReferralStore store, ReferralSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    EscalationRun run(Instant now) {
        return run(now, null);
    }

    /** The run limited to the given referrals ({@code null}: all) — what the tests use to move their own clock. */
    EscalationRun run(Instant now, @Nullable Collection<UUID> only) {
        int escalated = 0;
        for (Referral r : store.submittedPastDeadline(now, true, BATCH, only)) {
            r.escalate(now);
            if (store.trySave(r)) {
                escalated++;
            }
        }
        int expired = 0;
        for (Referral r : store.submittedPastDeadline(now.minus(settings.expireAfter()), false, BATCH, only)) {
            r.expire(now);
            if (store.trySave(r)) {
                expired++;
            }
        }
        return new EscalationRun(escalated, expired);
    }
}
