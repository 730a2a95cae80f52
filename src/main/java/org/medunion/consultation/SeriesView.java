package org.medunion.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A series as the caller sees it: who meets where, how often, under which agreement, and how many sessions it has. */
public record SeriesView(UUID id, SessionKind kind, String title, UUID hostInstitutionId, @Nullable String hostName,
                         UUID visitingInstitutionId, @Nullable String visitingName, @Nullable String department,
                         List<Person> experts, @Nullable UUID agreementId, @Nullable UUID consortiumId,
                         SessionRecurrence recurrence, int weekday, LocalTime startTime, int durationMinutes,
                         LocalDate firstDay, LocalDate lastDay, int sessions, String createdBy, Instant createdAt) {

    public SeriesView {
        experts = List.copyOf(experts);
    }

    /** A practitioner or a resident by name (no identifiers beyond the ID the caller may act on). */
    public record Person(UUID id, @Nullable String name) {
    }
}
