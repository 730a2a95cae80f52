package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Evaluates the catalogue over a snapshot and keeps the findings that fall under a jurisdiction applying the rule's pack. */
public final class RuleEngine {

    private final RuleCatalogue catalogue;

    public RuleEngine(RuleCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public List<Finding> evaluate(RegistrySnapshot snapshot, Parameters parameters) {
        return evaluate(snapshot, parameters, r -> true);
    }

    public List<Finding> evaluate(RegistrySnapshot snapshot, Parameters parameters, Predicate<Rule> which) {
        List<Finding> out = new ArrayList<>();
        for (Rule rule : catalogue.rules()) {
            if (!which.test(rule) || snapshot.jurisdictionsApplying(rule.pack()).isEmpty()) {
                continue;
            }
            for (Finding f : rule.evaluate(snapshot, parameters)) {
                if (snapshot.applies(rule.pack(), f.subject().divisionCode())) {
                    out.add(f);
                }
            }
        }
        return out;
    }
}
