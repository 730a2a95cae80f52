package org.medunion.consultation;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A request went past its TM-4 deadline and was escalated to the consortium office. */
public record ConsultationEscalated(UUID eventId, ConsultationId consultationId, String number, Instant occurredAt,
                                    UUID toInstitutionId, @Nullable UUID consortiumId,
                                    ConsultationUrgency urgency)
        implements
            ConsultationEvent {
}
