package org.medunion.consultation;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.medunion.shared.Slice;

/**
 * The consultation module's facade. Every read is scoped to the caller (the inviting institution, the invited
 * institution, the office of the consortium they share) and audited with the resident as subject; every change is
 * one transaction that records the step (who, when, why) and publishes its event through the outbox. Rule pack TM
 * gates refuse with 422 citing the rule and its clause, writing nothing.
 */
public interface ConsultationManagement {

    ConsultationView request(RequestConsultation command);

    /**
     * Where a consultation for the resident should go, best first: the backing hospital of a nursing home's emergency
     * zone (TM-15, CN-3), the resident's contract hospitals (SH-15), then the consortium — each saying whether a TM-1
     * agreement is in force. For a clinician of an institution that cares for the resident (audited: it reads the
     * contract).
     */
    List<ConsultationDestination> destinations(UUID residentId);

    ConsultationView accept(ConsultationId id, AcceptConsultation command);

    ConsultationView decline(ConsultationId id, ConsultationNote reason);

    ConsultationView askInformation(ConsultationId id, ConsultationNote question);

    ConsultationView answer(ConsultationId id, ConsultationNote answer);

    ConsultationView start(ConsultationId id);

    ConsultationView draftOpinion(ConsultationId id, ConsultationNote opinion);

    ConsultationView signOpinion(ConsultationId id);

    ConsultationView acknowledge(ConsultationId id);

    ConsultationView close(ConsultationId id);

    ConsultationView cancel(ConsultationId id, ConsultationNote reason);

    /** TM-16: only when the requester authorised it; the new referral is submitted with the opinion. */
    ConsultationView convertToReferral(ConsultationId id, ConvertToReferral command);

    /** Audited read. */
    ConsultationView get(ConsultationId id);

    /** Audited read of the recorded steps, oldest first. */
    List<ConsultationStepView> steps(ConsultationId id);

    /** Audited list: the caller's requests, work list (earliest deadline first) or the office's overdue queue. */
    List<ConsultationView> list(ConsultationBox box, int limit);

    /** One page of {@link #list(ConsultationBox, int)} cut in SQL from {@code offset}, with the count of the whole box. */
    Slice<ConsultationView> list(ConsultationBox box, int limit, int offset);

    /** One page of the consultations the caller may see, cut in SQL, with the count of all matches (each audited). */
    Slice<ConsultationView> search(ConsultationSearch search);

    /** The conversation, oldest first (audited); both sides only — not the office. */
    List<MessageView> messages(ConsultationId id);

    MessageView postMessage(ConsultationId id, PostMessage command);

    /**
     * The consultation a message of a conversation belongs to, for the two sides only: the office and anyone else
     * get 404, as for {@link #messages(ConsultationId)} (FHIR {@code Communication/<id>} reads a message by its id).
     */
    ConsultationId conversationOf(UUID message);

    /** The manual actions the caller may take now. */
    Set<ConsultationAction> allowedActions(ConsultationId id);

    /**
     * Deadline job (TM-4): flags requests past their decision deadline as escalated to the consortium office and
     * expires those past the second limit. Idempotent.
     */
    EscalationRun escalateOverdue(Instant now);

    /** What one run of the deadline job did. */
    record EscalationRun(int escalated, int expired) {
    }
}
