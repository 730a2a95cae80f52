package org.medunion.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * A page of referrals visible to the caller, newest first; every criterion is optional (null = any).
 *
 * @param updatedFrom first last-change instant admitted (inclusive)
 * @param updatedTo   last last-change instant admitted (inclusive)
 * @param limit       rows of the page (1–500)
 * @param offset      rows skipped (≥ 0)
 */
public record ReferralSearch(UUID toInstitutionId, UUID fromInstitutionId, UUID residentId, ReferralStatus status,
                             Instant updatedFrom, Instant updatedTo, int limit, int offset) {
}
