package org.medunion.consultation.backfill;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.AcceptConsultation;
import org.medunion.consultation.ConsultationAction;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationManagement;
import org.medunion.consultation.ConsultationStatus;
import org.medunion.consultation.CreateSeries;
import org.medunion.consultation.RecordSession;
import org.medunion.consultation.RequestConsultation;
import org.medunion.consultation.SetConsultationFee;

/**
 * The consultation commands as the system runs them for consultations that happened earlier (the demo city, an
 * import): each names who acted and when, instead of taking the logged-in caller and the clock. The actor acts as a
 * general practitioner of the inviting institution or a specialist of the invited one, whichever side the step
 * belongs to; the input checks, the TM gates, the transition table, the steps' record, the events and the audit are
 * those of {@link ConsultationManagement}. Refused to any logged-in caller. Returns ids and states only.
 */
public interface ConsultationBackfill {

    /** Requests as {@code actor}, a general practitioner of {@code fromInstitutionId}, at {@code at}. */
    ConsultationId request(RequestConsultation command, UUID fromInstitutionId, String actor, Instant at);

    /** Accepts as {@code actor}, a specialist of the invited institution. */
    ConsultationStatus accept(ConsultationId id, AcceptConsultation command, String actor, Instant at);

    /**
     * Any other manual step by the side it belongs to; {@code text} is the reason, question, answer or opinion the
     * step needs (see {@link ConsultationManagement}).
     */
    ConsultationStatus step(ConsultationId id, ConsultationAction action, @Nullable String text, String actor, Instant at);

    /** Sets a fee (TM-13) as {@code actor}, the office of {@code consortiumId}, at {@code at}. */
    void fee(SetConsultationFee command, UUID consortiumId, String actor, Instant at);

    /**
     * Creates a series (joint clinics, remote rounds, patrols) as {@code actor}, a clinician of the visiting
     * institution, at {@code at}; the checks of {@code ConsultationSeries#create}. Returns its sessions in time order.
     */
    List<BackfilledSession> series(CreateSeries command, String actor, Instant at);

    /** Records a session held as {@code actor}, a clinician of the host institution, at {@code at} (after its start). */
    void hold(UUID sessionId, RecordSession command, String actor, Instant at);

    /** A generated session of a backfilled series. */
    record BackfilledSession(UUID id, Instant startsAt) {
    }
}
