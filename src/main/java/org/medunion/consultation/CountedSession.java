package org.medunion.consultation;

import java.time.Instant;
import java.util.UUID;

/**
 * A joint clinic or remote round behind I-19: held at the host (primary) institution at {@code at}, by the visiting
 * institution, with the patients it saw. A session of a series counts its recorded residents; consultations grouped at
 * one time, pair and form count as one session with each consultation a patient (decision 0246).
 *
 * @param fromSeries whether the session is a recorded series session (else a group of consultations)
 */
public record CountedSession(ConsultationType kind, UUID hostInstitutionId, UUID visitingInstitutionId, Instant at,
                             long patients, boolean fromSeries) {
}
