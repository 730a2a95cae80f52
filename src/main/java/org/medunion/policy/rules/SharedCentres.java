package org.medunion.policy.rules;

import java.util.Set;
import java.util.TreeSet;
import org.medunion.registry.ConsortiumView;

/**
 * The centres a consortium has for the rules on shared diagnostic centres (NAT-9, CN-2): those it declared in the registry
 * and those registered with the diagnostics module, where they actually take orders. The registry's 消毒供应中心 is
 * DISINFECTION, the diagnostics module's STERILISATION: both count as STERILISATION.
 */
final class SharedCentres {

    private SharedCentres() {
    }

    static Set<String> of(RegistrySnapshot s, ConsortiumView c) {
        Set<String> have = new TreeSet<>(OneOfficeManyCentresPolicy.centres(c));
        s.diagnostics().ifPresent(d -> have.addAll(d.centreTypes().getOrDefault(c.id().value(), Set.of())));
        if (have.contains("DISINFECTION")) {
            have.add("STERILISATION");
        }
        return have;
    }
}
