package org.medunion.referral;

/** Closes the loop: the visit or discharge summary goes back to the referrer. */
public record CompleteReferral(String summary) {
}
