package org.medunion.scheduling;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;

/**
 * Publish a schedule and generate its slots: every day of [periodStart, periodEnd] (both inclusive),
 * from {@code dayStart} to {@code dayEnd} in steps of {@code slotMinutes}, {@code perInterval} slots per
 * step (parallel rooms or devices). Beds ({@link ScheduleKind#INPATIENT_BED}) get {@code perInterval} bed-day
 * slots per day and ignore the times. {@code ceil(total × reservedShare)} slots, spread evenly, are reserved
 * for primary care (NN-4).
 *
 * @param reservedShare    e.g. {@code "1/3"}; null = the jurisdiction's default for the kind
 * @param releaseLeadTime  a reserved slot still free this long before its start goes public; null = default
 */
public record PublishSchedule(@Nullable InstitutionId institutionId, @Nullable String department,
                              @Nullable String discipline, @Nullable PractitionerId practitionerId,
                              @Nullable ScheduleKind kind, @Nullable LocalDate periodStart,
                              @Nullable LocalDate periodEnd, @Nullable LocalTime dayStart, @Nullable LocalTime dayEnd,
                              @Nullable Integer slotMinutes, @Nullable Integer perInterval, @Nullable String reservedShare,
                              @Nullable Duration releaseLeadTime) {
}
