package org.medunion.policy.internal;

import org.medunion.policy.rules.RuleCatalogue;
import org.medunion.policy.rules.RuleEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    RuleCatalogue ruleCatalogue() {
        return new RuleCatalogue();
    }

    @Bean
    RuleEngine ruleEngine(RuleCatalogue catalogue) {
        return new RuleEngine(catalogue);
    }
}
