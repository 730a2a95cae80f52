package org.medunion.referral.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.referral.ReferralAccepted;
import org.medunion.referral.ReferralAction;
import org.medunion.referral.ReferralCompleted;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralError;
import org.medunion.referral.ReferralEscalated;
import org.medunion.referral.ReferralEvent;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralRedirected;
import org.medunion.referral.ReferralRejected;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.ReferralSubmitted;
import org.medunion.referral.ReferralView;
import org.medunion.referral.ReferralWorkflow;
import org.medunion.referral.RejectionReason;
import org.medunion.referral.TransitionView;
import org.medunion.referral.Urgency;
import org.medunion.shared.ConflictException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.PendingChanges;

/**
 * The referral aggregate: the only place a referral's status changes. Every transition method checks the
 * transition table ({@link ReferralWorkflow}), changes the state, appends the transition (who, when, why) and
 * registers the event; {@link ReferralStore#save} writes all three in the caller's transaction (the
 * spring-restbucks {@code Order.markPaid()} pattern). Access checks and bookings stay in the services.
 */
final class Referral {

    static final String SYSTEM = "system";

    private final UUID id;
    private final String number;
    private final ReferralDirection direction;
    private final Sender sender;
    private final ReferredResident resident;
    private final Diagnosis diagnosis;
    private final Urgency urgency;
    private final Justification justification;
    private final ReferralView.Priority priority;
    private final Instant createdAt;
    private Receiver receiver;
    private ReferralStatus status;
    private Deadline deadline;
    private Booking booking;
    private Rejection rejection;
    private Instant updatedAt;
    private final PendingChanges<TransitionView, ReferralEvent> changes;

    @SuppressWarnings("checkstyle:ParameterNumber") // the stored state, restored in one step by ReferralStore
    Referral(UUID id, String number, ReferralDirection direction, Sender sender, Receiver receiver,
             ReferredResident resident, Diagnosis diagnosis, Urgency urgency, Justification justification,
             ReferralView.Priority priority, ReferralStatus status, Deadline deadline, Booking booking,
             Rejection rejection, long version, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.number = number;
        this.direction = direction;
        this.sender = sender;
        this.receiver = receiver;
        this.resident = resident;
        this.diagnosis = diagnosis;
        this.urgency = urgency;
        this.justification = justification;
        this.priority = priority;
        this.status = status;
        this.deadline = deadline;
        this.booking = booking;
        this.rejection = rejection;
        this.changes = new PendingChanges<>(version);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new draft, with its CREATE transition recorded (nothing is published for a draft). */
    @SuppressWarnings("checkstyle:ParameterNumber")
    static Referral draft(String number, ReferralDirection direction, Sender sender, Receiver receiver,
                          ReferredResident resident, Diagnosis diagnosis, Urgency urgency, Justification justification,
                          ReferralView.Priority priority, Instant now) {
        var r = new Referral(UUID.randomUUID(), number, direction, sender, receiver, resident, diagnosis, urgency,
                justification, priority, ReferralStatus.DRAFT, Deadline.NONE, Booking.NONE, Rejection.NONE, 0, now, now);
        r.changes.step(new TransitionView(ReferralAction.CREATE, null, ReferralStatus.DRAFT, sender.username(), now,
                null, sender.institutionId()));
        return r;
    }

    // ---------------------------------------------------------------- transitions

    /**
     * The next status for the action, or 409 {@code REFERRAL-0001} naming both statuses. Services call it before
     * side effects (a booking) so an illegal action changes nothing anywhere.
     */
    ReferralStatus check(ReferralAction action) {
        return ReferralWorkflow.next(status, action).orElseThrow(() -> new ConflictException(
                ReferralError.ILLEGAL_TRANSITION, "status", status.name(), action.requestedStatus().name()));
    }

    /** Sends the draft (or a redirected referral) with a fresh acceptance deadline; needs criteria or a reason. */
    void submit(Instant acceptBy, String actor, Instant now) {
        ReferralStatus next = check(ReferralAction.SUBMIT);
        if (!justification.given()) {
            throw new InvalidInputException("noCriteriaReason", ReferralError.NO_CRITERIA_REASON);
        }
        deadline = Deadline.from(now, acceptBy);
        move(ReferralAction.SUBMIT, next, actor, now, null, receiver.institutionId());
        changes.event(new ReferralSubmitted(UUID.randomUUID(), referralId(), number, now, direction, sender.institutionId(),
                receiver.institutionId(), urgency, acceptBy));
    }

    /** Accepted with what the receiver booked ({@link Booking#NONE} for home-based care). */
    void accept(Booking booked, @Nullable String note, String actor, Instant now) {
        ReferralStatus next = check(ReferralAction.ACCEPT);
        booking = booked;
        move(ReferralAction.ACCEPT, next, actor, now, note, receiver.institutionId());
        changes.event(new ReferralAccepted(UUID.randomUUID(), referralId(), number, now, sender.institutionId(),
                receiver.institutionId(), booked.kind(), booked.id(), priority.any()));
    }

    void reject(RejectionReason reason, @Nullable String text, String actor, Instant now) {
        ReferralStatus next = check(ReferralAction.REJECT);
        rejection = new Rejection(reason, text == null || text.isBlank() ? null : text.trim());
        move(ReferralAction.REJECT, next, actor, now, reason.name() + (text == null ? "" : ": " + text.trim()),
                receiver.institutionId());
        changes.event(new ReferralRejected(UUID.randomUUID(), referralId(), number, now, sender.institutionId(),
                receiver.institutionId(), reason));
    }

    /**
     * Redirected to another institution: recorded as SUBMITTED → REDIRECTED at the old one and REDIRECTED →
     * SUBMITTED at the new one (a microsecond later, so the timeline keeps their order), with a fresh deadline.
     */
    void redirect(Receiver to, Instant acceptBy, String reason, String actor, Instant now) {
        ReferralStatus mid = check(ReferralAction.REDIRECT);
        ReferralStatus next = ReferralWorkflow.next(mid, ReferralAction.SUBMIT).orElseThrow();
        UUID previous = receiver.institutionId();
        move(ReferralAction.REDIRECT, mid, actor, now, reason, previous);
        receiver = to;
        deadline = Deadline.from(now, acceptBy);
        move(ReferralAction.SUBMIT, next, actor, now.plusNanos(1000), null, to.institutionId());
        updatedAt = now;
        changes.event(new ReferralRedirected(UUID.randomUUID(), referralId(), number, now, sender.institutionId(), previous,
                to.institutionId()));
        changes.event(new ReferralSubmitted(UUID.randomUUID(), referralId(), number, now, direction, sender.institutionId(),
                to.institutionId(), urgency, acceptBy));
    }

    void arrive(String actor, Instant now) {
        move(ReferralAction.ARRIVE, check(ReferralAction.ARRIVE), actor, now, null, receiver.institutionId());
    }

    /** Completed; the receiver's summary (the closed loop, I-3) is stored beside by the service. */
    void complete(String actor, Instant now) {
        move(ReferralAction.COMPLETE, check(ReferralAction.COMPLETE), actor, now, null, receiver.institutionId());
        changes.event(new ReferralCompleted(UUID.randomUUID(), referralId(), number, now, direction, sender.institutionId(),
                receiver.institutionId()));
    }

    void cancel(@Nullable String reason, String actor, Instant now) {
        move(ReferralAction.CANCEL, check(ReferralAction.CANCEL), actor, now, reason, sender.institutionId());
    }

    /** The deadline job alerts the consortium's desk: the status stays SUBMITTED. */
    void escalate(Instant now) {
        ReferralStatus next = check(ReferralAction.ESCALATE);
        deadline = deadline.escalatedAt(now);
        move(ReferralAction.ESCALATE, next, SYSTEM, now, "deadline " + deadline.acceptBy(), receiver.consortiumId());
        changes.event(new ReferralEscalated(UUID.randomUUID(), referralId(), number, now, receiver.consortiumId(),
                receiver.institutionId(), urgency));
    }

    /**
     * Expired far past its deadline. The transition is recorded a microsecond after {@code now} so that an
     * escalation in the same run comes first on the timeline.
     */
    void expire(Instant now) {
        ReferralStatus next = check(ReferralAction.EXPIRE);
        move(ReferralAction.EXPIRE, next, SYSTEM, now.plusNanos(1000), "deadline " + deadline.acceptBy(), null);
        updatedAt = now;
    }

    private void move(ReferralAction action, ReferralStatus next, String actor, Instant at, @Nullable String reason,
                      @Nullable UUID institution) {
        changes.step(new TransitionView(action, status, next, actor, at, reason, institution));
        status = next;
        updatedAt = at;
    }

    /** The transitions and events since loading, in order; {@link ReferralStore} takes them once. */
    List<TransitionView> pendingTransitions() {
        return changes.steps();
    }

    List<ReferralEvent> pendingEvents() {
        return changes.events();
    }

    /** Written with {@code newVersion}: what was pending is done. */
    void saved(long newVersion) {
        changes.saved(newVersion);
    }

    // ---------------------------------------------------------------- state

    ReferralId referralId() {
        return new ReferralId(id);
    }

    UUID id() {
        return id;
    }

    String number() {
        return number;
    }

    ReferralDirection direction() {
        return direction;
    }

    Sender sender() {
        return sender;
    }

    Receiver receiver() {
        return receiver;
    }

    ReferredResident resident() {
        return resident;
    }

    Diagnosis diagnosis() {
        return diagnosis;
    }

    Urgency urgency() {
        return urgency;
    }

    Justification justification() {
        return justification;
    }

    ReferralView.Priority priority() {
        return priority;
    }

    ReferralStatus status() {
        return status;
    }

    Deadline deadline() {
        return deadline;
    }

    Booking booking() {
        return booking;
    }

    Rejection rejection() {
        return rejection;
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

    /** Shortcuts for the access rules, which ask these most. */
    @Nullable
    UUID fromInstitutionId() {
        return sender.institutionId();
    }

    @Nullable
    UUID toInstitutionId() {
        return receiver.institutionId();
    }

    @Nullable
    UUID consortiumId() {
        return receiver.consortiumId();
    }

    UUID residentId() {
        return resident.id();
    }

    /** Submitted and past its deadline (or already escalated to the desk). */
    boolean overdue(Instant now) {
        return status == ReferralStatus.SUBMITTED && deadline.passed(now);
    }
}
