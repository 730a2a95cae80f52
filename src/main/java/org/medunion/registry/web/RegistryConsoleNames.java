package org.medunion.registry.web;

import java.util.Optional;
import java.util.UUID;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RegistryManagement;
import org.medunion.web.console.ConsoleNames;
import org.springframework.stereotype.Component;

/** The registry's names for the console shell (a user's scope, a referral's other side): names only, no scope check. */
@Component
class RegistryConsoleNames implements ConsoleNames {

    private final RegistryManagement registry;

    RegistryConsoleNames(RegistryManagement registry) {
        this.registry = registry;
    }

    @Override
    public Optional<String> district(String code) {
        return registry.district(code).map(d -> d.name());
    }

    @Override
    public Optional<String> consortium(UUID id) {
        return registry.consortiumEntry(new ConsortiumId(id)).map(c -> c.name());
    }

    @Override
    public Optional<String> institution(UUID id) {
        return registry.institutionEntry(new InstitutionId(id)).map(i -> i.name());
    }
}
