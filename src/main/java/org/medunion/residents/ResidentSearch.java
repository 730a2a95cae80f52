package org.medunion.residents;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Search: by ID number (exact) or by name (prefix); {@code limit} defaults to 50, at most 200. {@code updatedFrom}
 * and {@code updatedTo} (inclusive, either may be null) keep residents whose record last changed in that range
 * (FHIR {@code _lastUpdated}); a range alone is a search criterion too.
 */
public record ResidentSearch(@Nullable String idNumber, @Nullable String name, @Nullable Integer limit,
                             @Nullable Instant updatedFrom, @Nullable Instant updatedTo) {

    public ResidentSearch(@Nullable String idNumber, @Nullable String name, @Nullable Integer limit) {
        this(idNumber, name, limit, null, null);
    }
}
