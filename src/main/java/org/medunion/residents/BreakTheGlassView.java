package org.medunion.residents;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;

/**
 * A break-the-glass access: who opened which resident's record, why, and until when.
 *
 * @param notifiedInstitutionId the resident's contracted primary institution the access is reported to (may be null)
 */
public record BreakTheGlassView(UUID id, ResidentId residentId, InstitutionId institutionId, String username,
                                String reason, Instant grantedAt, Instant expiresAt, @Nullable InstitutionId notifiedInstitutionId) {
}
