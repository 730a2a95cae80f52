package org.medunion.registry.internal;

import org.medunion.identity.Scope;
import org.medunion.identity.ScopeReferences;
import org.medunion.identity.ScopeType;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RegistryManagement;
import org.springframework.stereotype.Component;

/** Tells account administration whether a scope names a known division, consortium or institution. */
@Component
class RegistryScopeReferences implements ScopeReferences {

    private final RegistryManagement registry;

    RegistryScopeReferences(RegistryManagement registry) {
        this.registry = registry;
    }

    @Override
    public boolean exists(Scope scope) {
        String reference = scope.reference();
        if (reference == null) {
            return scope.type() == ScopeType.GLOBAL;
        }
        try {
            return switch (scope.type()) {
                case GLOBAL -> true;
                // a city code is known when it covers at least one registered district
                case JURISDICTION -> reference.matches("\\d{6}")
                        && registry.districts().stream().anyMatch(d -> scope.coversDivision(d.code()));
                case CONSORTIUM -> registry.consortiumEntry(ConsortiumId.of(reference)).isPresent();
                case INSTITUTION -> registry.institutionEntry(InstitutionId.of(reference)).isPresent();
            };
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }
}
