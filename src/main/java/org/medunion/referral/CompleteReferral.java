package org.medunion.referral;

import org.jspecify.annotations.Nullable;

/** Closes the loop: the visit or discharge summary goes back to the referrer. */
public record CompleteReferral(@Nullable String summary) {
}
