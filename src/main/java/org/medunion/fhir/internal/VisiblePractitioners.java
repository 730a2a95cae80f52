package org.medunion.fhir.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.medunion.registry.InstitutionSearch;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.RegistryManagement;
import org.springframework.stereotype.Component;

/**
 * The practitioners a caller may find by search: those practising at an institution the registry shows
 * the caller. (A read by id goes through the registry's own scoped {@code practitioner(id)}.)
 */
@Component
class VisiblePractitioners {

    private final RegistryManagement registry;

    VisiblePractitioners(RegistryManagement registry) {
        this.registry = registry;
    }

    List<PractitionerView> practitioners() {
        var institutions = registry.searchInstitutions(InstitutionSearch.all()).stream().map(InstitutionView::id)
                .collect(Collectors.toSet());
        return registry.allPractitionersUnscoped().stream().filter(p -> institutions.contains(p.institutionId())).toList();
    }
}
