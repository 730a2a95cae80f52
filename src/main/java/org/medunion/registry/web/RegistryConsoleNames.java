package org.medunion.registry.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.medunion.identity.ScopeType;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DistrictView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionSearch;
import org.medunion.registry.RegistryManagement;
import org.medunion.web.console.ConsoleNames;
import org.medunion.web.console.ScopeChoice;
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

    @Override
    public List<ScopeChoice> scopeChoices(ScopeType type, String text, int limit) {
        String t = text == null ? "" : text.strip();
        Stream<ScopeChoice> found = switch (type) {
            case GLOBAL -> Stream.empty();
            case JURISDICTION -> registry.districts().stream()
                    .filter(d -> d.name().contains(t) || d.code().startsWith(t))
                    .sorted(Comparator.comparing((DistrictView d) -> d.parentCode() != null).thenComparing(DistrictView::code))
                    .map(d -> new ScopeChoice(d.code(), d.name()));
            case CONSORTIUM -> registry.consortia().stream()
                    .filter(c -> c.active() && c.name().contains(t))
                    .sorted(Comparator.comparing(ConsortiumView::name))
                    .map(c -> new ScopeChoice(c.id().toString(), c.name()));
            case INSTITUTION -> registry.searchInstitutions(new InstitutionSearch(t.isEmpty() ? null : t, null, null, null,
                    null, null, null, 0, limit)).stream()
                    .map(i -> new ScopeChoice(i.id().toString(), i.name()));
        };
        return found.limit(limit).toList();
    }
}
