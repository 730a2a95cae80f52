package org.medunion.registry;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Event: an institution joined or left a consortium. */
public record MembershipChanged(ConsortiumId consortiumId, @Nullable InstitutionId institutionId, @Nullable MembershipRole role,
                                UUID membershipId, boolean ended) {
}
