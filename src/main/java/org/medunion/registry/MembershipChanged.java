package org.medunion.registry;

import java.util.UUID;

/** Event: an institution joined or left a consortium. */
public record MembershipChanged(ConsortiumId consortiumId, InstitutionId institutionId, MembershipRole role,
                                UUID membershipId, boolean ended) {
}
