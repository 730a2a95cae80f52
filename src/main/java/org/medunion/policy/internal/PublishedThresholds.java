package org.medunion.policy.internal;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.medunion.policy.PolicyThresholds;
import org.medunion.policy.rules.Divisions;
import org.medunion.policy.rules.Rule;
import org.medunion.policy.rules.RuleCatalogue;
import org.springframework.stereotype.Component;

/** Publishes the rule parameters with the jurisdictions' overrides (policy_parameter_override) and packs. */
@Component
class PublishedThresholds implements PolicyThresholds {

    private final RuleCatalogue catalogue;
    private final PolicyStore store;

    PublishedThresholds(RuleCatalogue catalogue, PolicyStore store) {
        this.catalogue = catalogue;
        this.store = store;
    }

    @Override
    public Threshold threshold(String ruleId, String parameter, @Nullable String divisionCode) {
        Rule rule = rule(ruleId);
        String value = store.parameters().value(rule, parameter, divisionCode);
        boolean applies = divisionCode != null
                && (rule.pack().bindsEveryDivision() || store.packJurisdictions().getOrDefault(rule.pack(), Set.of())
                        .stream().anyMatch(j -> Divisions.covers(j, divisionCode)));
        return new Threshold(rule.id(), parameter, value, applies);
    }

    @Override
    public String clause(String ruleId) {
        return rule(ruleId).clause();
    }

    private Rule rule(String ruleId) {
        return catalogue.rule(ruleId).orElseThrow(() -> new IllegalArgumentException("unknown rule " + ruleId));
    }
}
