package org.medunion.fhir.internal.diagnostics;

/**
 * {@code Task.businessStatus} of an order to a centre (CodeSystem {@code centre-order-state}): what Task.status cannot
 * say — overdue against the turnaround target (SC-2) and escalated, a critical result awaiting the ordering clinician's
 * acknowledgement, escalated, or acknowledged (SC-5).
 */
public enum CentreOrderState {
    OVERDUE, ESCALATED, CRITICAL_UNACKNOWLEDGED, CRITICAL_ESCALATED, CRITICAL_ACKNOWLEDGED
}
