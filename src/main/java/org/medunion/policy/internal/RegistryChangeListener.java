package org.medunion.policy.internal;

import org.medunion.registry.ConsortiumChanged;
import org.medunion.registry.MembershipChanged;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Re-evaluates all packs after every registry change (coalesced) and once at start-up, so findings appear and disappear. */
@Component
class RegistryChangeListener {

    private final PolicyEvaluation evaluation;

    RegistryChangeListener(PolicyEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @ApplicationModuleListener
    void on(ConsortiumChanged event) {
        evaluation.reevaluateSoon();
    }

    @ApplicationModuleListener
    void on(MembershipChanged event) {
        evaluation.reevaluateSoon();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        evaluation.reevaluateSoon();
    }
}
