package org.medunion.fhir.internal.diagnostics;

/**
 * What an order to a shared centre is on FHIR (CodeSystem {@code centre-order}): the {@code ServiceRequest.category}
 * and {@code Task.code} that tell it from a referral or a consultation, and that narrow a search to orders
 * ({@code ServiceRequest?category=centre-order}, {@code Task?code=centre-order}, decision 0230).
 */
public enum CentreOrderCode {
    CENTRE_ORDER
}
