package org.medunion.consultation.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationAccepted;
import org.medunion.consultation.ConsultationAction;
import org.medunion.consultation.ConsultationClosed;
import org.medunion.consultation.ConsultationDeclined;
import org.medunion.consultation.ConsultationError;
import org.medunion.consultation.ConsultationEscalated;
import org.medunion.consultation.ConsultationEvent;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationOpinionSigned;
import org.medunion.consultation.ConsultationRequested;
import org.medunion.consultation.ConsultationStatus;
import org.medunion.consultation.ConsultationStepView;
import org.medunion.consultation.ConsultationType;
import org.medunion.consultation.ConsultationUrgency;
import org.medunion.consultation.ConsultationView;
import org.medunion.consultation.ConsultationWorkflow;
import org.medunion.shared.ConflictException;
import org.medunion.shared.PendingChanges;

/**
 * The consultation aggregate: the only place a consultation's status changes. Every step method checks the
 * transition table ({@link ConsultationWorkflow}), changes the state, appends the step (who, when, why) and
 * registers the event; {@link ConsultationStore#save} writes all three in the caller's transaction. Access checks
 * and the TM gates stay in the services, which run them before calling a step.
 */
@SuppressWarnings("checkstyle:ParameterNumber") // the stored state, restored in one step by ConsultationStore
final class Consultation {

    static final String SYSTEM = "system";

    private final UUID id;
    private final String number;
    private final ConsultationType type;
    private final ConsultationUrgency urgency;
    private final Parties parties;
    private final UUID residentId;
    private final @Nullable String residentName;
    private final ConsultationView.Request request;
    private final ConsultationView.Consent consent;
    private final boolean conversionAuthorised;
    private final Instant createdAt;
    private ConsultationStatus status;
    private @Nullable UUID expertPractitionerId;
    private ConsultationView.Deadline deadline;
    private @Nullable Instant sessionAt;
    private @Nullable String declineReason;
    private ConsultationView.@Nullable Opinion opinion;
    private @Nullable String acknowledgedBy;
    private @Nullable Instant acknowledgedAt;
    private @Nullable UUID referralId;
    private Instant updatedAt;
    private final PendingChanges<ConsultationStepView, ConsultationEvent> changes;

    Consultation(UUID id, String number, ConsultationType type, ConsultationUrgency urgency, Parties parties,
                 UUID residentId, @Nullable String residentName, ConsultationView.Request request,
                 ConsultationView.Consent consent, boolean conversionAuthorised, ConsultationStatus status,
                 @Nullable UUID expertPractitionerId, ConsultationView.Deadline deadline, @Nullable Instant sessionAt,
                 @Nullable String declineReason, ConsultationView.@Nullable Opinion opinion,
                 @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt, @Nullable UUID referralId,
                 long version, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.number = number;
        this.type = type;
        this.urgency = urgency;
        this.parties = parties;
        this.residentId = residentId;
        this.residentName = residentName;
        this.request = request;
        this.consent = consent;
        this.conversionAuthorised = conversionAuthorised;
        this.status = status;
        this.expertPractitionerId = expertPractitionerId;
        this.deadline = deadline;
        this.sessionAt = sessionAt;
        this.declineReason = declineReason;
        this.opinion = opinion;
        this.acknowledgedBy = acknowledgedBy;
        this.acknowledgedAt = acknowledgedAt;
        this.referralId = referralId;
        this.changes = new PendingChanges<>(version);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new request, sent at once (the gates have passed): its REQUEST step and event are recorded. */
    static Consultation request(String number, ConsultationType type, ConsultationUrgency urgency, Parties parties,
                                @Nullable UUID expert, UUID residentId, @Nullable String residentName,
                                ConsultationView.Request request, ConsultationView.Consent consent,
                                boolean conversionAuthorised, Instant decideBy, Instant expiresAt, Instant now) {
        var c = new Consultation(UUID.randomUUID(), number, type, urgency, parties, residentId, residentName, request,
                consent, conversionAuthorised, ConsultationStatus.REQUESTED, expert,
                new ConsultationView.Deadline(decideBy, expiresAt, false, null), null, null, null, null, null, null, 0,
                now, now);
        c.changes.step(new ConsultationStepView(ConsultationAction.REQUEST, null, ConsultationStatus.REQUESTED,
                parties.fromUsername(), now, null, parties.fromInstitutionId()));
        c.changes.event(new ConsultationRequested(UUID.randomUUID(), c.consultationId(), number, now, type, urgency,
                parties.fromInstitutionId(), parties.toInstitutionId(), decideBy));
        return c;
    }

    // ---------------------------------------------------------------- steps

    /** The next status for the action, or 409 {@code CONSULTATION-0001} naming the status and the action. */
    ConsultationStatus check(ConsultationAction action) {
        return ConsultationWorkflow.next(status, action).orElseThrow(() -> new ConflictException(
                ConsultationError.ILLEGAL_TRANSITION, "status", status.name(), action.name()));
    }

    void accept(@Nullable Instant at, UUID expert, @Nullable String note, String actor, Instant now) {
        ConsultationStatus next = check(ConsultationAction.ACCEPT);
        expertPractitionerId = expert;
        sessionAt = at;
        move(ConsultationAction.ACCEPT, next, actor, now, note, parties.toInstitutionId());
        changes.event(new ConsultationAccepted(UUID.randomUUID(), consultationId(), number, now, parties.fromInstitutionId(),
                parties.toInstitutionId(), expert));
    }

    void decline(String reason, String actor, Instant now) {
        ConsultationStatus next = check(ConsultationAction.DECLINE);
        declineReason = reason;
        move(ConsultationAction.DECLINE, next, actor, now, reason, parties.toInstitutionId());
        changes.event(new ConsultationDeclined(UUID.randomUUID(), consultationId(), number, now, parties.fromInstitutionId(),
                parties.toInstitutionId(), reason));
    }

    void askInformation(String question, String actor, Instant now) {
        move(ConsultationAction.ASK_INFO, check(ConsultationAction.ASK_INFO), actor, now, question,
                parties.toInstitutionId());
    }

    /** Answered: back in the invited side's work list with a fresh TM-4 deadline. */
    void answer(String answer, Instant decideBy, Instant expiresAt, String actor, Instant now) {
        ConsultationStatus next = check(ConsultationAction.ANSWER);
        deadline = new ConsultationView.Deadline(decideBy, expiresAt, false, null);
        move(ConsultationAction.ANSWER, next, actor, now, answer, parties.fromInstitutionId());
    }

    void start(String actor, Instant now) {
        move(ConsultationAction.START, check(ConsultationAction.START), actor, now, null, parties.toInstitutionId());
    }

    void draftOpinion(String text, String actor, Instant now) {
        ConsultationStatus next = check(ConsultationAction.DRAFT_OPINION);
        opinion = new ConsultationView.Opinion(text, actor, null, null);
        move(ConsultationAction.DRAFT_OPINION, next, actor, now, null, parties.toInstitutionId());
    }

    void signOpinion(String actor, Instant now) {
        ConsultationStatus next = check(ConsultationAction.SIGN_OPINION);
        var draft = opinion;
        if (draft == null) {
            throw new ConflictException(ConsultationError.NO_OPINION, "opinion");
        }
        opinion = new ConsultationView.Opinion(draft.text(), draft.draftedBy(), actor, now);
        move(ConsultationAction.SIGN_OPINION, next, actor, now, null, parties.toInstitutionId());
        changes.event(new ConsultationOpinionSigned(UUID.randomUUID(), consultationId(), number, now,
                parties.fromInstitutionId(), parties.toInstitutionId(), actor));
    }

    void acknowledge(String actor, Instant now) {
        ConsultationStatus next = check(ConsultationAction.ACKNOWLEDGE);
        acknowledgedBy = actor;
        acknowledgedAt = now;
        move(ConsultationAction.ACKNOWLEDGE, next, actor, now, null, parties.fromInstitutionId());
    }

    void close(String actor, Instant now) {
        move(ConsultationAction.CLOSE, check(ConsultationAction.CLOSE), actor, now, null, parties.fromInstitutionId());
        changes.event(new ConsultationClosed(UUID.randomUUID(), consultationId(), number, now, parties.fromInstitutionId(),
                parties.toInstitutionId()));
    }

    void cancel(@Nullable String reason, String actor, Instant now) {
        move(ConsultationAction.CANCEL, check(ConsultationAction.CANCEL), actor, now, reason,
                parties.fromInstitutionId());
    }

    /** The deadline job alerts the consortium office: the status stays REQUESTED. */
    void escalate(Instant now) {
        ConsultationStatus next = check(ConsultationAction.ESCALATE);
        deadline = new ConsultationView.Deadline(deadline.decideBy(), deadline.expiresAt(), true, now);
        move(ConsultationAction.ESCALATE, next, SYSTEM, now, "deadline " + deadline.decideBy(), parties.consortiumId());
        changes.event(new ConsultationEscalated(UUID.randomUUID(), consultationId(), number, now, parties.toInstitutionId(),
                parties.consortiumId(), urgency));
    }

    /** Expired at the second limit; recorded a microsecond after {@code now} so an escalation in the same run comes first. */
    void expire(Instant now) {
        ConsultationStatus next = check(ConsultationAction.EXPIRE);
        move(ConsultationAction.EXPIRE, next, SYSTEM, now.plusNanos(1000), "expires " + deadline.expiresAt(), null);
        updatedAt = now;
    }

    /** The referral made from this consultation (TM-16); the status does not change. */
    void convertedInto(UUID referral, String actor, Instant now) {
        if (referralId != null) {
            throw new ConflictException(ConsultationError.ALREADY_CONVERTED, "referralId", referralId);
        }
        referralId = referral;
        updatedAt = now;
    }

    private void move(ConsultationAction action, ConsultationStatus next, String actor, Instant at, @Nullable String note,
                      @Nullable UUID institution) {
        changes.step(new ConsultationStepView(action, status, next, actor, at, note, institution));
        status = next;
        updatedAt = at;
    }

    List<ConsultationStepView> pendingSteps() {
        return changes.steps();
    }

    List<ConsultationEvent> pendingEvents() {
        return changes.events();
    }

    void saved(long newVersion) {
        changes.saved(newVersion);
    }

    // ---------------------------------------------------------------- state

    ConsultationId consultationId() {
        return new ConsultationId(id);
    }

    UUID id() {
        return id;
    }

    String number() {
        return number;
    }

    ConsultationType type() {
        return type;
    }

    ConsultationUrgency urgency() {
        return urgency;
    }

    Parties parties() {
        return parties;
    }

    UUID residentId() {
        return residentId;
    }

    @Nullable
    String residentName() {
        return residentName;
    }

    ConsultationView.Request request() {
        return request;
    }

    ConsultationView.Consent consent() {
        return consent;
    }

    boolean conversionAuthorised() {
        return conversionAuthorised;
    }

    ConsultationStatus status() {
        return status;
    }

    @Nullable
    UUID expertPractitionerId() {
        return expertPractitionerId;
    }

    ConsultationView.Deadline deadline() {
        return deadline;
    }

    @Nullable
    Instant sessionAt() {
        return sessionAt;
    }

    @Nullable
    String declineReason() {
        return declineReason;
    }

    ConsultationView.@Nullable Opinion opinion() {
        return opinion;
    }

    @Nullable
    String acknowledgedBy() {
        return acknowledgedBy;
    }

    @Nullable
    Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    @Nullable
    UUID referralId() {
        return referralId;
    }

    long version() {
        return changes.version();
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    UUID fromInstitutionId() {
        return parties.fromInstitutionId();
    }

    UUID toInstitutionId() {
        return parties.toInstitutionId();
    }

    @Nullable
    UUID consortiumId() {
        return parties.consortiumId();
    }
}
