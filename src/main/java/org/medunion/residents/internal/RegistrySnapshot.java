package org.medunion.residents.internal;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.RegistryManagement;

/**
 * Institutions and practitioners read at most once each per command (or per bulk import) through the registry's
 * directory look-ups: one row per ID a command names, never the whole city.
 */
final class RegistrySnapshot {

    private final RegistryManagement registry;
    private final Map<InstitutionId, InstitutionView> institutions = new HashMap<>();
    private final Map<PractitionerId, PractitionerView> practitioners = new HashMap<>();

    RegistrySnapshot(RegistryManagement registry) {
        this.registry = registry;
    }

    @Nullable
    InstitutionView institution(@Nullable InstitutionId id) {
        return id == null ? null : institutions.computeIfAbsent(id, k -> registry.institutionEntry(k).orElse(null));
    }

    @Nullable
    PractitionerView practitioner(@Nullable PractitionerId id) {
        return id == null ? null : practitioners.computeIfAbsent(id, k -> registry.practitionerEntry(k).orElse(null));
    }
}
