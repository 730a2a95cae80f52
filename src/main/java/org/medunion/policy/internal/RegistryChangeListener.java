package org.medunion.policy.internal;

import org.medunion.policy.EvidenceChanged;
import org.medunion.registry.ConsortiumChanged;
import org.medunion.registry.MembershipChanged;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Re-evaluates all packs after every registry or evidence change (coalesced) and once at start-up, so findings follow the data. */
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

    /** Evidence for the data-driven rules changed (e.g. encounters for NN-9). */
    @ApplicationModuleListener
    void on(EvidenceChanged event) {
        evaluation.reevaluateSoon();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        evaluation.reevaluateSoon();
    }
}
