package org.medunion.policy.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.policy.rules.Pack;
import org.medunion.policy.rules.Parameters;
import org.medunion.policy.rules.Rule;
import org.medunion.policy.rules.RuleCatalogue;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a jurisdiction's planner decides: the packs it applies and rule parameters different from the seeds' (with a
 * reason); each decision re-evaluates. Also lists the blocked changes planners let through (recorded by the guard).
 */
@Component
class PolicyOverrides {

    private static final int MAX_VALUE = 400;
    private static final int MAX_REASON = 2000;

    private final RuleCatalogue catalogue;
    private final PolicyStore store;
    private final PolicyScope scope;
    private final PolicyEvaluation evaluation;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AuditTrail audit;

    PolicyOverrides(RuleCatalogue catalogue, PolicyStore store, PolicyScope scope, PolicyEvaluation evaluation, TransactionTemplate tx,
                    Clock clock, AuditTrail audit) {
        this.catalogue = catalogue;
        this.store = store;
        this.scope = scope;
        this.evaluation = evaluation;
        this.tx = tx;
        this.clock = clock;
        this.audit = audit;
    }

    List<PolicyStore.PackRow> packs() {
        scope.readableBy();
        return store.packRows();
    }

    void setPacks(String jurisdiction, @Nullable List<String> packs) {
        CurrentUser u = scope.plannerOf(jurisdiction);
        if (packs == null) {
            throw new InvalidInputException("packs", PolicyError.REQUIRED);
        }
        Set<Pack> chosen = EnumSet.noneOf(Pack.class);
        for (int i = 0; i < packs.size(); i++) {
            try {
                chosen.add(Pack.valueOf(String.valueOf(packs.get(i)).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("packs[" + i + "]", PolicyError.UNKNOWN_PACK, packs.get(i));
            }
        }
        tx.executeWithoutResult(st -> {
            store.replacePacks(jurisdiction, chosen, u.username(), clock.instant());
            audit.record(AuditAction.UPDATE, "PolicyPacks", jurisdiction, null, chosen.toString());
        });
        evaluation.reevaluateSoon();
    }

    List<PolicyStore.ParameterOverrideRow> parameterOverrides() {
        scope.readableBy();
        return store.parameterOverrides();
    }

    PolicyStore.ParameterOverrideRow overrideParameter(String jurisdiction, @Nullable String ruleId, @Nullable String parameter,
                                                       String value,
                                                       @Nullable String reason) {
        CurrentUser u = scope.plannerOf(jurisdiction);
        Rule rule = catalogue.rule(ruleId == null ? "" : ruleId)
                .orElseThrow(() -> new InvalidInputException("ruleId", PolicyError.UNKNOWN_RULE, ruleId));
        if (parameter == null || !rule.defaults().containsKey(parameter)) {
            throw new InvalidInputException("parameter", PolicyError.UNKNOWN_PARAMETER, parameter, rule.id(),
                    String.join(", ", rule.defaults().keySet()));
        }
        if (!Parameters.acceptable(rule, parameter, value) || value.length() > MAX_VALUE) {
            throw new InvalidInputException("value", PolicyError.INVALID_VALUE, value, rule.defaults().get(parameter));
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", PolicyError.REASON_REQUIRED);
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", PolicyError.TOO_LONG, MAX_REASON);
        }
        var row = new PolicyStore.ParameterOverrideRow(UUID.randomUUID(), jurisdiction, rule.id(), parameter, value.strip(),
                reason.strip(), u.username(), clock.instant());
        tx.executeWithoutResult(st -> {
            store.insertParameterOverride(row);
            audit.record(AuditAction.CREATE, "PolicyParameterOverride", row.id().toString(), null,
                    jurisdiction + " " + rule.id() + "." + parameter + "=" + row.value());
        });
        evaluation.reevaluateSoon();
        return row;
    }

    /** Blocked changes let through; an office sees those of its own consortium only. */
    List<PolicyStore.OverrideRow> overrides() {
        CurrentUser u = scope.readableBy();
        return store.overrides().stream().filter(o -> u.role() != Role.OFFICE || (o.consortiumId() != null
                && o.consortiumId().toString().equals(u.scope().reference()))).toList();
    }
}
