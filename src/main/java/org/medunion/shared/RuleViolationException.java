package org.medunion.shared;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A change would break a blocking business or policy rule: 422. Carries the violations so that the
 * caller sees each rule ID, the clause it comes from and the objects involved.
 */
public class RuleViolationException extends MedUnionException {

    private final List<Violation> violations;

    public RuleViolationException(List<Violation> violations) {
        super("policy.blocked", violations.isEmpty() ? null : violations.get(0).field(),
                violations.stream().map(Violation::ruleId).toList().toString());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public int status() {
        return 422;
    }

    /**
     * One broken rule.
     *
     * @param ruleId   e.g. {@code SH-3}
     * @param clause   the seed clause, verbatim
     * @param message  what is wrong, in the caller's language
     * @param field    the input field that triggers it, if any
     * @param objects  references of the objects involved ({@code Organization/…})
     */
    public record Violation(String ruleId, String clause, String message, @Nullable String field, List<String> objects) {
    }
}
