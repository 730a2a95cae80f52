package org.medunion.referral;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Creates or replaces a referral criterion. */
public record DefineCriterion(@Nullable UUID consortiumId, @Nullable ReferralDirection direction, @Nullable String department,
                              @Nullable String diagnosisPrefix,
                              @Nullable String text) {
}
