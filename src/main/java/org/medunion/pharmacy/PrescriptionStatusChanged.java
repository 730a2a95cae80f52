package org.medunion.pharmacy;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A prescription moved in the review and dispensing workflow ({@link PrescriptionWorkflow}); published in the
 * transaction that wrote the move. {@code from} is empty for the first submission.
 */
public record PrescriptionStatusChanged(UUID eventId, PrescriptionId prescriptionId, String number, Instant at,
                                        @Nullable PrescriptionStatus from, PrescriptionAction action, PrescriptionStatus to,
                                        UUID prescribingInstitutionId, UUID dispensingInstitutionId) {
}
