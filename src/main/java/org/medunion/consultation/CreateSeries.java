package org.medunion.consultation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A recurring series (decision 0246): the host site, the visiting institution (the lead hospital, or for a patrol the
 * community health centre), its department and named experts, and the recurrence — {@code weekday} 1 (Monday) to 7,
 * a start time (Asia/Shanghai), a duration, and the first and last day, both inclusive.
 */
public record CreateSeries(@Nullable SessionKind kind, @Nullable String title, @Nullable UUID hostInstitutionId,
                           @Nullable UUID visitingInstitutionId, @Nullable String department,
                           @Nullable List<UUID> expertPractitionerIds, @Nullable SessionRecurrence recurrence,
                           @Nullable Integer weekday, @Nullable LocalTime startTime, @Nullable Integer durationMinutes,
                           @Nullable LocalDate firstDay, @Nullable LocalDate lastDay) {
}
