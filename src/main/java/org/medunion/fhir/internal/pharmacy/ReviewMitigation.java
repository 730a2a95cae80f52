package org.medunion.fhir.internal.pharmacy;

/**
 * {@code DetectedIssue.mitigation.action} of the pharmacist's review (CodeSystem {@code review-mitigation}, RX-8):
 * approved, approved with a note, returned to the prescriber, overridden by the prescriber with a reason.
 */
public enum ReviewMitigation {
    APPROVED, APPROVED_WITH_NOTE, RETURNED, OVERRIDDEN_BY_PRESCRIBER
}
