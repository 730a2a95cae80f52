package org.medunion.consultation;

/**
 * Live consultation sessions (decision 0255): either side records a session it held, with the practitioners present.
 * The result is on {@link ConsultationView#panel()}; scope, 404/403 and audit are those of {@link ConsultationManagement}.
 */
public interface ConsultationLiveSessions {

    /**
     * Records a held session of a live consultation that has started (in session or later, before it ends): 422 naming
     * {@code participantIds[i]} for a practitioner of neither side, 409 before the session started.
     */
    ConsultationView recordSession(ConsultationId id, RecordLiveSession command);
}
