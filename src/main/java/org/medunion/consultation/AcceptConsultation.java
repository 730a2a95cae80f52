package org.medunion.consultation;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The invited side accepts with a time (or session) and the physician who will answer (TM-5). */
public record AcceptConsultation(@Nullable Instant sessionAt, @Nullable UUID expertPractitionerId, @Nullable String note) {
}
