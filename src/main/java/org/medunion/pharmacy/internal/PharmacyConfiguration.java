package org.medunion.pharmacy.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The drug knowledge is loaded once from the data files (docs/pharmacy.md). */
@Configuration(proxyBeanMethods = false)
class PharmacyConfiguration {

    @Bean
    DrugKnowledge drugKnowledge() {
        return DrugKnowledge.load();
    }
}
