package org.medunion.consultation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.SessionKind;
import org.medunion.consultation.SessionRecurrence;

/** A stored series (consultation_series). */
record SeriesRow(UUID id, SessionKind kind, String title, UUID hostInstitutionId, @Nullable String hostDistrict,
                 UUID visitingInstitutionId, @Nullable String department, @Nullable UUID agreementId,
                 @Nullable UUID consortiumId, SessionRecurrence recurrence, int weekday, LocalTime startTime,
                 int durationMinutes, LocalDate firstDay, LocalDate lastDay, String createdBy, Instant createdAt) {
}
