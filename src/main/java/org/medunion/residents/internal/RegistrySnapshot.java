package org.medunion.residents.internal;

import java.util.HashMap;
import java.util.Map;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.RegistryManagement;

/** Institutions and practitioners read once per command (or per bulk import) through the registry facade. */
final class RegistrySnapshot {

    private final RegistryManagement registry;
    private Map<InstitutionId, InstitutionView> institutions;
    private Map<PractitionerId, PractitionerView> practitioners;

    RegistrySnapshot(RegistryManagement registry) {
        this.registry = registry;
    }

    InstitutionView institution(InstitutionId id) {
        if (institutions == null) {
            institutions = new HashMap<>();
            registry.allInstitutionsUnscoped().forEach(i -> institutions.put(i.id(), i));
        }
        return id == null ? null : institutions.get(id);
    }

    PractitionerView practitioner(PractitionerId id) {
        if (practitioners == null) {
            practitioners = new HashMap<>();
            registry.allPractitionersUnscoped().forEach(p -> practitioners.put(p.id(), p));
        }
        return id == null ? null : practitioners.get(id);
    }
}
