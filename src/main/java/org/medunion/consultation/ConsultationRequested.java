package org.medunion.consultation;

import java.time.Instant;
import java.util.UUID;

/** A consultation was requested by the inviting side (TM-2/TM-3 checked, TM-1 agreement found). */
public record ConsultationRequested(UUID eventId, ConsultationId consultationId, String number, Instant occurredAt,
                                    ConsultationType type, ConsultationUrgency urgency, UUID fromInstitutionId, UUID toInstitutionId,
                                    Instant decideBy)
        implements
            ConsultationEvent {
}
