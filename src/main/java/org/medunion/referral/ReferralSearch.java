package org.medunion.referral;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A page of referrals visible to the caller, newest first; every criterion is optional (null = any).
 *
 * @param updatedFrom first last-change instant admitted (inclusive)
 * @param updatedTo   last last-change instant admitted (inclusive)
 * @param limit       rows of the page (1–500)
 * @param offset      rows skipped (≥ 0)
 */
public record ReferralSearch(@Nullable UUID toInstitutionId, @Nullable UUID fromInstitutionId, @Nullable UUID residentId,
                             @Nullable ReferralStatus status,
                             @Nullable Instant updatedFrom, @Nullable Instant updatedTo, int limit, int offset) {
}
