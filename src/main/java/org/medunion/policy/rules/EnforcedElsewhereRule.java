package org.medunion.policy.rules;

import java.util.List;
import java.util.Map;

/**
 * A rule evaluated where the work happens — a module's gate refuses the request and cites the clause (RX in pharmacy,
 * TM in consultation, NAT-R and SC in diagnostics). The catalogue holds its clause and parameters; over the registry snapshot it has nothing to
 * judge and reports nothing.
 */
final class EnforcedElsewhereRule extends RuleSupport {

    EnforcedElsewhereRule(String id, Pack pack, Severity severity, Map<String, String> defaults) {
        this(id, pack, severity, Coverage.EVALUATED, defaults);
    }

    /** {@code coverage} PARTIAL where the module enforces only part of what the clause asks. */
    EnforcedElsewhereRule(String id, Pack pack, Severity severity, Coverage coverage, Map<String, String> defaults) {
        super(id, pack, severity, coverage, defaults);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot snapshot, Parameters parameters) {
        return List.of();
    }
}
