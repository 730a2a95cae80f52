package org.medunion.registry;

/**
 * Filters for institution search; null means any. Results are always limited to the caller's scope.
 *
 * @param text       part of the name or the credit code
 * @param primaryOnly only primary institutions
 */
public record InstitutionSearch(String text, InstitutionCategory category, HospitalLevel level, Affiliation affiliation,
                                String districtCode, ConsortiumId consortiumId, Boolean primaryOnly, int offset, int limit) {

    public static InstitutionSearch all() {
        return new InstitutionSearch(null, null, null, null, null, null, null, 0, 10_000);
    }
}
