package org.medunion.registry;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A change the registry is about to commit, handed to every {@link RegistryChangeGuard} while the
 * change is applied but not yet committed — the guards see the registry as it would be afterwards.
 *
 * @param action         what happened, e.g. {@code CONSORTIUM_FORMED}, {@code MEMBER_ADDED}, {@code DISPATCH_RECORDED}
 * @param consortiumId   the consortium concerned, if any
 * @param institutionIds the institutions concerned
 * @param overrideReason a planner's reason to let blocked rules through; null if none was given
 */
public record RegistryChange(String action, @Nullable ConsortiumId consortiumId, List<InstitutionId> institutionIds,
                             @Nullable String overrideReason) {
}
