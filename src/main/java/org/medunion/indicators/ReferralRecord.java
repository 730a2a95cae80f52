package org.medunion.indicators;

import org.jspecify.annotations.Nullable;
import org.medunion.referral.ReferralMeasures.CountedReferral;

/**
 * A referral behind I-2, I-3 or I-13 with its institutions' names, so the reader of a value can check its count. No
 * resident data: the referral module keeps the resident on its side.
 *
 * @param toInstitution null for a referral sent to the consortium's desk
 */
public record ReferralRecord(CountedReferral referral, String fromInstitution, @Nullable String toInstitution,
                             DrillDown.Counted counted) {
}
