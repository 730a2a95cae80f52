package org.medunion.fhir.internal;

import java.util.List;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.ChangeWindow;
import org.springframework.stereotype.Component;

/**
 * The practitioners a caller may find by search: those practising at an institution the registry shows
 * the caller, selected by the registry in SQL rather than filtered here from every practitioner of the city.
 * (A read by id goes through the registry's own scoped {@code practitioner(id)}.)
 */
@Component
class VisiblePractitioners {

    private final RegistryManagement registry;

    VisiblePractitioners(RegistryManagement registry) {
        this.registry = registry;
    }

    List<PractitionerView> practitioners(ChangeWindow changed) {
        return registry.visiblePractitioners(changed);
    }
}
