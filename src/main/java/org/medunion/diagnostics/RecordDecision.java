package org.medunion.diagnostics;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The clinician's decision (NAT-R-5): {@code reportId} set = recognise that (offered) result; otherwise re-examine
 * with {@code reasonCode} 01–08 (free text required for 07 and 08) or 98/99. {@code asOf} defaults to today.
 */
public record RecordDecision(@Nullable UUID residentId, @Nullable String itemCode, @Nullable UUID orderingInstitutionId,
                             @Nullable UUID reportId, @Nullable String reasonCode, @Nullable String reasonText,
                             @Nullable LocalDate asOf) {
}
