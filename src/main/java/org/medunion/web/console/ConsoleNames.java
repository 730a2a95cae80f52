package org.medunion.web.console;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.medunion.identity.ScopeType;

/**
 * Display names of the places and organisations a page mentions, whatever the caller's scope: a name is no
 * personal data, and a referral's other side or a user's scope may lie outside what the caller may list.
 * The registry implements it; the shell only asks, so it does not depend on the registry (decision 0085).
 */
public interface ConsoleNames {

    /** A district or city by its GB/T 2260 code. */
    Optional<String> district(String code);

    Optional<String> consortium(UUID id);

    Optional<String> institution(UUID id);

    /**
     * What a scope of this type may point at and whose name contains {@code text} (all when blank), at most
     * {@code limit}, for the account form's picker: districts and the city for a jurisdiction, consortia, or
     * institutions, as far as the caller may list them.
     */
    List<ScopeChoice> scopeChoices(ScopeType type, String text, int limit);

    /** Names of the institutions a page shows; one look-up each, unknown ones left out. */
    default Map<UUID, String> institutions(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        ids.stream().filter(Objects::nonNull).distinct().forEach(id -> institution(id).ifPresent(n -> names.put(id, n)));
        return names;
    }
}
