package org.medunion.consultation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Recurring sessions at a host site (issue 14, CN-3; decision 0246): joint clinics, remote rounds and nursing-home
 * patrols as series that generate their sessions, each held session recording who attended and the residents seen.
 * Scoped to the caller: the two institutions' clinicians, the office of their consortium, the planner of the host's
 * jurisdiction; only the two sides record. Reads of patients are audited with the resident as subject.
 */
public interface ConsultationSeries {

    /** Creates the series and its sessions (TM-1 agreement for the telemedicine kinds: 422 when missing). */
    SeriesView create(CreateSeries command);

    SeriesView series(UUID id);

    /** The sessions of the series the caller sees, between two local days (both inclusive), in time order. */
    List<SessionView> calendar(LocalDate from, LocalDate to);

    SessionView session(UUID id);

    /** Records attendance and the residents seen; the session is then held. */
    SessionView record(UUID id, RecordSession command);

    /** Cancels a planned session with a reason. */
    SessionView cancel(UUID id, ConsultationNote reason);
}
