package org.medunion.policy.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.policy.rules.RuleCatalogue;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** The stored findings in the caller's scope, and the reasons planners gave for the ones they let through. */
@Component
class FindingQueries {

    private static final String RESOLVED = "RESOLVED";
    private static final String ALL = "ALL";
    private static final Set<String> STATES = Set.of("OPEN", "OVERRIDDEN", "NO_DATA", RESOLVED, ALL);

    private final RuleCatalogue catalogue;
    private final PolicyStore store;
    private final PolicyScope scope;

    FindingQueries(RuleCatalogue catalogue, PolicyStore store, PolicyScope scope) {
        this.catalogue = catalogue;
        this.store = store;
        this.scope = scope;
    }

    /** Findings the caller may see, filtered; status OPEN / OVERRIDDEN / NO_DATA / RESOLVED / ALL (default: not resolved). */
    List<StoredFinding> findings(@Nullable UUID consortium, @Nullable String ruleId, @Nullable String status) {
        CurrentUser u = scope.readableBy();
        String st = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (st != null && !STATES.contains(st)) {
            throw new InvalidInputException("status", PolicyError.INVALID_STATUS, status);
        }
        if (ruleId != null && !ruleId.isBlank() && catalogue.rule(ruleId).isEmpty()) {
            throw new InvalidInputException("rule", PolicyError.UNKNOWN_RULE, ruleId);
        }
        boolean withResolved = RESOLVED.equals(st) || ALL.equals(st);
        List<StoredFinding> all = consortium != null ? store.findingsOfConsortium(consortium) : store.findings(withResolved);
        return all.stream().filter(f -> scope.visible(u, f))
                .filter(f -> consortium == null || f.concerns(consortium))
                .filter(f -> ruleId == null || ruleId.isBlank() || f.ruleId().equals(ruleId))
                .filter(inState(st))
                .toList();
    }

    /** {@code null}: the current findings; ALL: every one; otherwise those in that state (RESOLVED: gone ones). */
    private static Predicate<StoredFinding> inState(@Nullable String state) {
        if (state == null) {
            return f -> !f.resolved();
        }
        return f -> ALL.equals(state) || f.state().equals(state);
    }

    /** The reason of the newest planner override per finding key (the reason travels with what it allowed). */
    Map<String, String> overrideReasons() {
        Map<String, String> out = new HashMap<>();
        store.overrides().stream().sorted(Comparator.comparing(PolicyStore.OverrideRow::createdAt))
                .forEach(o -> out.put(o.findingKey(), o.reason()));
        return out;
    }
}
