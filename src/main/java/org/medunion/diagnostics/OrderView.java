package org.medunion.diagnostics;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order to a centre with its turnaround clock (due at, escalated when overdue, SC-2) and, for a critical
 * result, the acknowledgement clock of the ordering clinician (SC-5). {@code centreInstitutionId} is the institution
 * running the centre (the FHIR performer and Task owner).
 * {@code rejection} is set when the centre sent the order back for quality (SC-3); {@code examBooking} when the order
 * booked an exam slot (SC-4, SC-6). {@code specimenType} is the item's specimen (lab and pathology orders; null for
 * imaging and ECG), {@code updatedAt} when the order last changed (any step, acknowledgement or escalation: FHIR
 * meta.lastUpdated).
 */
public record OrderView(OrderId id, UUID residentId, String itemCode, String itemName, ItemKind itemKind, CentreId centreId,
                        String centreName, UUID centreInstitutionId, UUID orderingInstitutionId, String orderingInstitutionName,
                        String orderedBy, OrderStatus status, boolean urgent, Instant orderedAt, Instant dueAt, boolean overdue,
                        boolean escalated,
                        @Nullable UUID reportId, boolean critical, @Nullable Instant criticalDueAt,
                        @Nullable Instant criticalAcknowledgedAt, boolean criticalEscalated, long version,
                        @Nullable OrderRejection rejection, @Nullable ExamBooking examBooking, @Nullable Instant receivedAt,
                        @Nullable SpecimenType specimenType, Instant updatedAt) {
}
