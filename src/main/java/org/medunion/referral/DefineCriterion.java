package org.medunion.referral;

import java.util.UUID;

/** Creates or replaces a referral criterion. */
public record DefineCriterion(UUID consortiumId, ReferralDirection direction, String department, String diagnosisPrefix,
                              String text) {
}
