package org.medunion.referral;

import java.util.UUID;

/**
 * A referral criterion (转诊标准) of a consortium, maintained by its management office.
 *
 * @param department       department it applies to (null = any)
 * @param diagnosisPrefix  ICD-10 code prefix it applies to (null = any), e.g. {@code I10}, {@code E11}
 */
public record CriterionView(UUID id, UUID consortiumId, ReferralDirection direction, String department,
                            String diagnosisPrefix, String text, boolean active, long version) {
}
