package org.medunion.residents;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;

/** Event: a new resident entered the index (not published when a record is linked to an existing one). */
public record ResidentRegistered(ResidentId residentId, @Nullable InstitutionId sourceInstitutionId, String districtCode,
                                 Instant registeredAt) {
}
