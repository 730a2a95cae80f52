package org.medunion.consultation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One session of a series as the caller sees it; {@code patients} only for the two sides (the office and the planner
 * see counts), {@code mayRecord} whether the caller may record attendance and patients.
 */
public record SessionView(UUID id, UUID seriesId, SessionKind kind, String title, UUID hostInstitutionId,
                          @Nullable String hostName, UUID visitingInstitutionId, @Nullable String visitingName,
                          @Nullable String department, Instant startsAt, Instant endsAt, SessionStatus status,
                          @Nullable String note, List<SeriesView.Person> attendees, List<SeriesView.Person> patients,
                          int patientCount, @Nullable String recordedBy, @Nullable Instant recordedAt, boolean mayRecord) {

    public SessionView {
        attendees = List.copyOf(attendees);
        patients = List.copyOf(patients);
    }
}
