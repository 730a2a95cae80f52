package org.medunion.policy.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.policy.rules.Finding;
import org.medunion.policy.rules.FindingStatus;
import org.medunion.policy.rules.RegistrySnapshot;
import org.medunion.policy.rules.Rule;
import org.medunion.policy.rules.RuleCatalogue;
import org.medunion.policy.rules.RuleEngine;
import org.medunion.policy.rules.Severity;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.RegistryChange;
import org.medunion.registry.RegistryChangeGuard;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.RuleViolationException.Violation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The registry's guard: evaluates the BLOCK rules on the registry as it would be after the change (the guard runs
 * inside the change's transaction) and refuses a change that introduces or worsens a violation concerning the
 * change's consortium or institutions. Ending a membership or dissolving a consortium is never blocked.
 * <ul>
 * <li>a planner or admin who gives an {@code overrideReason} lets it through; each overridden finding is recorded
 * in policy_override (rule, objects, reason, author, time) in the same transaction;</li>
 * <li>an override reason from any other role is refused (403);</li>
 * <li>a change with no authenticated user (demo or migration load at start-up) is not blocked: its findings are
 * recorded by the re-evaluation after commit (docs/decisions/0002-system-loads-not-blocked.md).</li>
 * </ul>
 */
@Component
class PolicyGuard implements RegistryChangeGuard {

    private static final Set<String> REMOVALS = Set.of("MEMBERSHIP_ENDED", "CONSORTIUM_DISSOLVED");
    /**
     * Changes that no BLOCK rule reads but WARN rules do (SH-9 logs, SH-14 study, NN-1/NAT-1 grids, NN-10 public-health
     * departments): re-evaluated after commit only.
     */
    private static final Set<String> REEVALUATE_ONLY = Set.of("WORK_LOGGED", "STUDY_PERIOD_RECORDED", "GRID_DRAWN",
            "PRACTITIONER_REGISTERED", "INSTITUTION_REGISTERED", "PUBLIC_HEALTH_DEPARTMENT_RECORDED");
    private static final Map<String, String> FIELDS = Map.of("SH-3", "members", "SH-4", "members", "SH-6", "signedOn",
            "SH-7", "endDate", "SH-8", "titleDate", "SH-11", "ownerApprovedOn", "NN-4", "members");

    private final RuleCatalogue catalogue;
    private final RuleEngine engine;
    private final SnapshotFactory snapshots;
    private final PolicyStore store;
    private final PolicyEvaluation evaluation;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final PolicyMessages policyMessages;
    private final Clock clock;
    private final AuditTrail audit;

    PolicyGuard(RuleCatalogue catalogue, RuleEngine engine, SnapshotFactory snapshots, PolicyStore store, PolicyEvaluation evaluation,
                CurrentUsers users, MessageSource messages, PolicyMessages policyMessages, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.catalogue = catalogue;
        this.engine = engine;
        this.snapshots = snapshots;
        this.store = store;
        this.evaluation = evaluation;
        this.users = users;
        this.messages = messages;
        this.policyMessages = policyMessages;
        this.clock = clock;
    }

    @Override
    public List<Violation> check(RegistryChange change) {
        afterCommitReevaluate();
        Optional<CurrentUser> user = users.current();
        if (user.isEmpty() || REMOVALS.contains(change.action()) || REEVALUATE_ONLY.contains(change.action())) {
            return List.of();
        }
        RegistrySnapshot after = snapshots.build();
        Map<String, String> before = store.openEvidence();
        Map<String, Finding> blocking = new LinkedHashMap<>();
        Map<String, LocalDate> blockingFrom = new HashMap<>();
        // today, then each future day on which a relation of the consortium begins: a future-dated membership
        // cannot pass a limit it would break on its first day
        List<LocalDate> days = new ArrayList<>();
        days.add(after.today());
        if (change.consortiumId() != null) {
            days.addAll(futureStarts(after, change.consortiumId()));
        }
        for (LocalDate day : days) {
            RegistrySnapshot s = after.at(day);
            for (Finding f : evaluation.withOverrides(engine.evaluate(s, store.parameters(), r -> r.severity() == Severity.BLOCK))) {
                Rule rule = catalogue.rule(f.ruleId()).orElseThrow();
                boolean newOrWorse = !before.containsKey(f.key()) || !before.get(f.key()).equals(f.evidence());
                if (f.status() == FindingStatus.OPEN && newOrWorse && rule.blocks(f, change) && !blocking.containsKey(f.key())) {
                    blocking.put(f.key(), f);
                    blockingFrom.put(f.key(), day);
                }
            }
        }
        if (blocking.isEmpty()) {
            return List.of();
        }
        String reason = change.overrideReason();
        if (reason != null && !reason.isBlank()) {
            CurrentUser u = user.get();
            if (u.role() != Role.PLANNER && u.role() != Role.ADMIN) {
                throw new ForbiddenException(PolicyError.OVERRIDE_FORBIDDEN, u.role().name());
            }
            for (Finding f : blocking.values()) {
                store.insertOverride(new PolicyStore.OverrideRow(UUID.randomUUID(), f.ruleId(), f.key(), change.action(),
                        change.consortiumId() == null ? null : change.consortiumId().value(), f.objects(), f.evidence(),
                        reason.strip(), u.username(), clock.instant()));
                audit.record(AuditAction.CREATE, "PolicyOverride", f.key(), null, change.action());
            }
            return List.of();
        }
        LocalDate today = after.today();
        return blocking.values().stream().map(f -> {
            // every blocking finding was put with the day it starts to block
            LocalDate from = Objects.requireNonNull(blockingFrom.get(f.key()), "blocking day");
            return violation(f, from.equals(today) ? null : from);
        }).toList();
    }

    /** Every change (blocked or not, user or system) leads to a re-evaluation once it has committed. */
    private void afterCommitReevaluate() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {

                        @Override
                        public void afterCommit() {
                            evaluation.reevaluateSoon();
                        }
                    });
        }
    }

    /** {@code from}: the future day on which the change breaks the rule, null when it does so today. */
    private Violation violation(Finding f, @Nullable LocalDate from) {
        Rule rule = catalogue.rule(f.ruleId()).orElseThrow();
        var locale = LocaleContextHolder.getLocale();
        String message = policyMessages.message(f.messageKey(), f.args(), f.evidence(), locale);
        if (from != null) {
            message = Objects.requireNonNull(messages.getMessage("policy.violation.from", new Object[] {message, from.toString()},
                    message, locale), "a default message is given");
        }
        // every blocked change may be let through by a planner with a reason: say so, and how
        message = Objects.requireNonNull(messages.getMessage("policy.violation.overridable", new Object[] {message}, message,
                locale), "a default message is given");
        return new Violation(f.ruleId(), rule.clause(), message, FIELDS.get(f.ruleId()), f.objects());
    }

    /**
     * The days after the as-of date on which a consortium's relations change by what is already recorded: the
     * start of a future membership or dispatch, a future establishment. A change dated in the future is checked
     * against the state on its own start date (rules.md interpretation notes).
     */
    static SortedSet<LocalDate> futureStarts(RegistrySnapshot s, ConsortiumId id) {
        SortedSet<LocalDate> days = new TreeSet<>();
        ConsortiumView c = s.consortium(id);
        if (c == null) {
            return days;
        }
        LocalDate today = s.today();
        if (c.establishedOn() != null && c.establishedOn().isAfter(today)) {
            days.add(c.establishedOn());
        }
        c.members().stream().filter(m -> m.endDate() == null && m.startDate().isAfter(today)).forEach(m -> days.add(m.startDate()));
        s.dispatches(id).stream().filter(d -> d.startDate().isAfter(today)).forEach(d -> days.add(d.startDate()));
        return days;
    }
}
