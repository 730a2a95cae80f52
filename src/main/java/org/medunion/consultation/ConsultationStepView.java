package org.medunion.consultation;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One recorded step: who moved the consultation from which status to which, when and why. */
public record ConsultationStepView(ConsultationAction action, @Nullable ConsultationStatus fromStatus,
                                   ConsultationStatus toStatus, String actor, Instant at, @Nullable String note,
                                   @Nullable UUID institutionId) {
}
