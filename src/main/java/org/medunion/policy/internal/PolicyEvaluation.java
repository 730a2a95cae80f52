package org.medunion.policy.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.policy.rules.Finding;
import org.medunion.policy.rules.FindingStatus;
import org.medunion.policy.rules.RegistrySnapshot;
import org.medunion.policy.rules.RuleCatalogue;
import org.medunion.policy.rules.RuleEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluating the packs over the whole registry: on demand, in the background after registry changes (coalesced),
 * and in memory for another day than today. Planners' overrides turn the findings they let through OVERRIDDEN.
 */
@Component
class PolicyEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyEvaluation.class);

    private final RuleCatalogue catalogue;
    private final RuleEngine engine;
    private final SnapshotFactory snapshots;
    private final PolicyStore store;
    private final CurrentUsers users;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AuditTrail audit;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "policy-reevaluation");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    PolicyEvaluation(RuleCatalogue catalogue, RuleEngine engine, SnapshotFactory snapshots, PolicyStore store, CurrentUsers users,
                     TransactionTemplate tx, Clock clock, AuditTrail audit) {
        this.catalogue = catalogue;
        this.engine = engine;
        this.snapshots = snapshots;
        this.store = store;
        this.users = users;
        this.tx = tx;
        this.clock = clock;
        this.audit = audit;
    }

    /** Evaluates every pack and upserts the findings (planner/admin, or the system), recording who asked and why. */
    EvaluationResult evaluateNow(@Nullable String reason) {
        users.current().ifPresent(u -> PolicyScope.requireRole(u, Role.PLANNER, Role.ADMIN));
        EvaluationResult result = evaluateAndStore();
        if (users.current().isPresent()) {
            tx.executeWithoutResult(s -> audit.record(AuditAction.UPDATE, "PolicyEvaluation", null, null,
                    (reason == null ? "" : reason + " — ") + result.findings() + " findings, " + result.elapsedMs() + " ms"));
        }
        return result;
    }

    /**
     * Evaluates and stores on behalf of a caller whose scope the facade has checked (an office re-evaluating its own
     * consortium): every pack is evaluated — the rules read the whole registry — and the request is audited.
     */
    EvaluationResult evaluateInScope(String what) {
        EvaluationResult result = evaluateAndStore();
        tx.executeWithoutResult(s -> audit.record(AuditAction.UPDATE, "PolicyEvaluation", null, null,
                what + " — " + result.findings() + " findings, " + result.elapsedMs() + " ms"));
        return result;
    }

    synchronized EvaluationResult evaluateAndStore() {
        long t0 = System.nanoTime();
        return tx.execute(status -> {
            RegistrySnapshot snapshot = snapshots.build();
            List<Finding> findings = withOverrides(engine.evaluate(snapshot, store.parameters()));
            int[] counts = store.upsert(findings, clock.instant(), snapshot.today());
            return new EvaluationResult(findings.size(), count(findings, FindingStatus.OPEN), count(findings, FindingStatus.OVERRIDDEN),
                    count(findings, FindingStatus.NO_DATA), counts[0], counts[2], (System.nanoTime() - t0) / 1_000_000);
        });
    }

    private static long count(List<Finding> findings, FindingStatus status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }

    /** After a registry change: re-evaluate in the background, coalescing bursts (a demo load) into few runs. */
    void reevaluateSoon() {
        if (pending.compareAndSet(false, true)) {
            background.submit(() -> {
                pending.set(false);
                try {
                    evaluateAndStore();
                } catch (RuntimeException e) {
                    LOG.warn("policy re-evaluation failed: {}", e.toString());
                }
            });
        }
    }

    /** An OPEN finding a planner let through, with the evidence they saw, is OVERRIDDEN (a worse state is not covered). */
    List<Finding> withOverrides(List<Finding> findings) {
        Set<String> overridden = store.overriddenKeys();
        if (overridden.isEmpty()) {
            return findings;
        }
        return findings.stream().map(f -> f.status() == FindingStatus.OPEN
                && overridden.contains(PolicyStore.overrideKey(f.key(), f.evidence())) ? f.withStatus(FindingStatus.OVERRIDDEN) : f)
                .toList();
    }

    /**
     * The findings of every pack as of a day other than today: evaluated in memory over the registry as it stood (or
     * will stand) on that day, overrides honoured, not stored — "what did this consortium look like on 2026-06-30".
     */
    List<StoredFinding> findingsAsOf(LocalDate asOf) {
        Instant at = asOf.atStartOfDay(clock.getZone()).toInstant();
        return withOverrides(engine.evaluate(snapshots.build(asOf), store.parameters())).stream()
                // the engine evaluates the catalogue's rules only, so every finding's rule is in it
                .map(f -> StoredFinding.unsaved(f, Objects.requireNonNull(catalogue.rule(f.ruleId()).map(r -> r.pack()).orElse(null),
                        "catalogued rule"), at, asOf))
                .toList();
    }
}
