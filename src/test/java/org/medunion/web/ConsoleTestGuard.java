package org.medunion.web;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.RegistryChange;
import org.medunion.registry.RegistryChangeGuard;
import org.medunion.shared.RuleViolationException.Violation;
import org.springframework.stereotype.Component;

/**
 * A stand-in policy rule for console tests only: it blocks changes to the consortia a test puts in
 * {@link #BLOCKED} (and nothing else), unless a planner gave an override reason — so the console's
 * 422 path (rule ID, clause, objects, override field) can be exercised without depending on the policy
 * module's rule pack. It lives in test sources and is picked up by the test application context.
 */
@Component
class ConsoleTestGuard implements RegistryChangeGuard {

    static final String RULE = "TEST-1";
    static final String CLAUSE = "测试条款：此医联体的成员变更须经卫健委批准。";
    static final Set<ConsortiumId> BLOCKED = ConcurrentHashMap.newKeySet();

    @Override
    public List<Violation> check(RegistryChange change) {
        if (change.consortiumId() == null || !BLOCKED.contains(change.consortiumId())
                || change.overrideReason() != null && !change.overrideReason().isBlank()) {
            return List.of();
        }
        return List.of(new Violation(RULE, CLAUSE, "blocked for the console test", "institutionId",
                change.institutionIds().stream().map(i -> "Organization/" + i).toList()));
    }
}
