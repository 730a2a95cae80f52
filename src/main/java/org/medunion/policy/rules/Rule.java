package org.medunion.policy.rules;

import java.util.List;
import java.util.Map;
import org.medunion.registry.RegistryChange;

/**
 * One rule of rules.md: its ID, pack, severity, the seed clause it comes from, its parameters with the
 * seeds' defaults, and a pure evaluation over a {@link RegistrySnapshot}.
 */
public interface Rule {

    String id();

    Pack pack();

    Severity severity();

    /** Parameter name → default (the seed's number); empty when the rule has none. */
    default Map<String, String> defaults() {
        return Map.of();
    }

    Coverage coverage();

    /** The seed clause, verbatim (policy/clauses.properties). */
    default String clause() {
        return Clauses.of(id());
    }

    /** Every finding of this rule over the snapshot, regardless of which jurisdictions apply the pack. */
    List<Finding> evaluate(RegistrySnapshot snapshot, Parameters parameters);

    /**
     * Whether an OPEN finding of this BLOCK rule stops a registry change: by default when the change
     * concerns the finding's consortium or one of its institutions. Rules about completeness (SH-6, SH-7)
     * narrow this to the kind of change that can fix them, so that a consortium can be formed before its
     * agreement is recorded.
     */
    default boolean blocks(Finding finding, RegistryChange change) {
        return RuleSupport.concerns(finding, change);
    }
}
