package org.medunion.registry;

import java.util.List;
import org.medunion.shared.RuleViolationException;

/**
 * Implemented outside the registry (by the policy module) to check a change before it commits. The
 * registry depends on this interface, not on the policy module, so the two do not form a cycle.
 */
public interface RegistryChangeGuard {

    /**
     * Returns the blocking violations the change would cause that are not overridden; an empty list
     * lets the change commit. A guard may record findings and overrides as a side effect — in the same
     * transaction, so they vanish with a refused change.
     */
    List<RuleViolationException.Violation> check(RegistryChange change);
}
