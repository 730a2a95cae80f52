package org.medunion.registry;

import org.jspecify.annotations.Nullable;

/**
 * Filters for institution search; null means any. Results are always limited to the caller's scope.
 *
 * @param text       part of the name or the credit code
 * @param primaryOnly only primary institutions
 * @param order      null: by district, then name
 * @param descending the order's first key from the end
 */
public record InstitutionSearch(@Nullable String text, @Nullable InstitutionCategory category, @Nullable HospitalLevel level,
                                @Nullable Affiliation affiliation,
                                @Nullable String districtCode, @Nullable ConsortiumId consortiumId, @Nullable Boolean primaryOnly,
                                int offset, int limit,
                                @Nullable InstitutionOrder order, boolean descending) {

    /** In the default order (district, then name). */
    public InstitutionSearch(@Nullable String text, @Nullable InstitutionCategory category, @Nullable HospitalLevel level,
                             @Nullable Affiliation affiliation, @Nullable String districtCode,
                             @Nullable ConsortiumId consortiumId, @Nullable Boolean primaryOnly, int offset, int limit) {
        this(text, category, level, affiliation, districtCode, consortiumId, primaryOnly, offset, limit, null, false);
    }

    public static InstitutionSearch all() {
        return new InstitutionSearch(null, null, null, null, null, null, null, 0, 10_000);
    }
}
