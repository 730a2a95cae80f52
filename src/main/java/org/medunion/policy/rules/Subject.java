package org.medunion.policy.rules;

import org.jspecify.annotations.Nullable;
import org.medunion.registry.ConsortiumId;

/**
 * The object a finding is about.
 *
 * @param key          stable key (ID or GB/T 2260 code)
 * @param divisionCode the district (or jurisdiction) it lies in — decides which packs apply and who sees it
 * @param consortiumId the consortium concerned, if any (report per consortium, office scope)
 */
public record Subject(SubjectType type, String key, String name, @Nullable String divisionCode, @Nullable ConsortiumId consortiumId) {

    public String ref() {
        return type.name() + ":" + key;
    }
}
