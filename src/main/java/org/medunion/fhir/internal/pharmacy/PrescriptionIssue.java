package org.medunion.fhir.internal.pharmacy;

/**
 * {@code DetectedIssue.code} of a prescription (CodeSystem {@code prescription-issue}): the pre-screen's finding
 * categories (RX-9, RX-12) and the pharmacist's review (RX-8).
 */
public enum PrescriptionIssue {
    FORMAT, DOSE, DUPLICATION, INTERACTION, CONTRAINDICATION, LONG_PRESCRIPTION, PHARMACIST_REVIEW
}
