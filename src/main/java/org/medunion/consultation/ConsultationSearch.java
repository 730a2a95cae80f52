package org.medunion.consultation;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A page of the consultations the caller may see, newest change first; every criterion is optional (null or empty =
 * any) and each is a SQL filter of the scoped query, so paging and the total are exact.
 *
 * @param number      the consultation number (TC-…), exact
 * @param statuses    any of these states
 * @param updatedFrom first last-change instant admitted (inclusive)
 * @param updatedTo   last last-change instant admitted (inclusive)
 * @param limit       rows of the page (1–500); 0 asks only for the total (nothing read, nothing audited)
 * @param offset      rows skipped (≥ 0)
 */
public record ConsultationSearch(@Nullable String number, @Nullable UUID toInstitutionId, @Nullable UUID fromInstitutionId,
                                 @Nullable UUID residentId, @Nullable Set<ConsultationStatus> statuses,
                                 @Nullable Instant updatedFrom, @Nullable Instant updatedTo, int limit, int offset) {

    /** No statuses (null) means any state. */
    public ConsultationSearch {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
