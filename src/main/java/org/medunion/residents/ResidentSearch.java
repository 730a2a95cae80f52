package org.medunion.residents;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Search: by ID number (exact) or by name (prefix); {@code limit} defaults to 50, at most 200. {@code updatedFrom}
 * and {@code updatedTo} (inclusive, either may be null) keep residents whose record last changed in that range
 * (FHIR {@code _lastUpdated}); a range alone is a search criterion too.
 */
public record ResidentSearch(@Nullable String idNumber, @Nullable String name, @Nullable Integer limit,
                             @Nullable Instant updatedFrom, @Nullable Instant updatedTo) {

    private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9Xx]");

    public ResidentSearch(@Nullable String idNumber, @Nullable String name, @Nullable Integer limit) {
        this(idNumber, name, limit, null, null);
    }

    /**
     * What a picker's one search box means: eighteen characters shaped like an ID number look the resident up by it,
     * anything else is the start of a name — the same rule on every page that picks a resident.
     */
    public static ResidentSearch typed(String text, int limit) {
        String t = text.strip();
        return ID_NUMBER.matcher(t).matches() ? new ResidentSearch(t.toUpperCase(Locale.ROOT), null, limit)
                : new ResidentSearch(null, t, limit);
    }
}
