package org.medunion.pharmacy.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.pharmacy.EncounterType;
import org.medunion.pharmacy.NotDispensedReason;
import org.medunion.pharmacy.PrescriptionAction;
import org.medunion.pharmacy.PrescriptionId;
import org.medunion.pharmacy.PrescriptionStatus;
import org.medunion.pharmacy.PrescriptionStatusChanged;
import org.medunion.pharmacy.PrescriptionWorkflow;
import org.medunion.shared.ConflictException;
import org.medunion.shared.PendingChanges;

/**
 * The prescription aggregate: the only place a prescription's status changes. Each move checks the transition table of
 * {@link PrescriptionWorkflow} (an illegal action is 409 {@code PHARMACY-0001} naming status and action), replaces the
 * {@link Progress} (who decided, when, why), records the {@link Transition} and registers a
 * {@link PrescriptionStatusChanged}; {@link PharmacyStore#save} writes all three with the version check (the pattern of
 * {@code Referral}, decision 0070). Input checks and access stay in the use-case services.
 */
@SuppressWarnings("checkstyle:VisibilityModifier") // the written content is filled by PrescriptionWriting and the store
final class Prescription {

    /** One stored line. */
    record Line(int line, String drugCode, BigDecimal dose, String doseUnit, String route, String frequency, int daysSupply,
                @Nullable BigDecimal quantity) {
    }

    UUID id;
    String number;
    UUID residentId;
    String residentName;
    @Nullable
    Integer residentAge;
    UUID prescribingInstitutionId;
    String prescriber;
    UUID reviewingInstitutionId;
    EncounterType encounterType;
    String diagnosisCode;
    String diagnosisText;
    boolean chronic;
    boolean urgent;
    @Nullable
    String reason;
    boolean longPrescription;
    /** I-28's denominator: for a contracted resident and an RX-5 listed chronic disease, as it stood when written. */
    boolean longEligible;
    /** I-28's denominator: a line beyond RX-6's normalDays of the jurisdiction, as it stood when written. */
    boolean beyondNormal;
    int maxDays;
    String longRule;
    @Nullable
    String assessmentNote;
    boolean patientConfirmed;
    int validityDays;
    boolean pregnant;
    @Nullable
    String allergies;
    @Nullable
    String guardianName;
    @Nullable
    Instant dueAt;
    UUID dispensingInstitutionId;
    boolean centralDistribution;
    boolean siteConfirmed;
    /** RX-16: the downward referral whose medication list this extended prescription renews. */
    @Nullable
    UUID referralId;
    Instant submittedAt;
    Instant updatedAt;
    List<Line> lines = new ArrayList<>();
    List<Prescreen.Finding> findings = new ArrayList<>();

    private Progress progress = Progress.NEW;
    private PendingChanges<Transition, PrescriptionStatusChanged> changes = new PendingChanges<>(0);

    /**
     * Where the prescription is in review and dispensing, with who decided and when; replaced whole by each move.
     *
     * @param dispenseReason a {@link NotDispensedReason} name, as stored
     */
    record Progress(PrescriptionStatus status, int reviewRound, int overrideCount, @Nullable String overrideReason,
                    @Nullable String reviewNote, @Nullable String returnReason, @Nullable String reviewedBy,
                    @Nullable Instant reviewedAt, @Nullable String dispenseReason, @Nullable String dispenseNote,
                    @Nullable String dispensedBy, @Nullable Instant dispensedAt) {

        static final Progress NEW = new Progress(PrescriptionStatus.IN_REVIEW, 1, 0, null, null, null, null, null, null, null,
                null, null);

        Progress to(PrescriptionStatus next) {
            return new Progress(next, reviewRound, overrideCount, overrideReason, reviewNote, returnReason, reviewedBy, reviewedAt,
                    dispenseReason, dispenseNote, dispensedBy, dispensedAt);
        }

        Progress reviewed(PrescriptionStatus next, String by, Instant at, @Nullable String note, @Nullable String returned) {
            return new Progress(next, reviewRound, overrideCount, overrideReason, note, returned, by, at, dispenseReason,
                    dispenseNote, dispensedBy, dispensedAt);
        }

        Progress nextRound(PrescriptionStatus next, int overrides, @Nullable String override, @Nullable String returned) {
            return new Progress(next, reviewRound + 1, overrides, override, reviewNote, returned, reviewedBy, reviewedAt,
                    dispenseReason, dispenseNote, dispensedBy, dispensedAt);
        }

        Progress dispensed(PrescriptionStatus next, @Nullable String why, @Nullable String note, String by, Instant at) {
            return new Progress(next, reviewRound, overrideCount, overrideReason, reviewNote, returnReason, reviewedBy, reviewedAt,
                    why, note, by, at);
        }
    }

    /** One recorded move: who did what, from which status to which, when and why. */
    record Transition(@Nullable PrescriptionStatus from, PrescriptionAction action, PrescriptionStatus to, String actor,
                      @Nullable String reason, Instant at) {
    }

    @SuppressWarnings("NullAway.Init") // filled by the writing service or the store's row mapper
    Prescription() {
    }

    /** The stored state, as the store read it at {@code version}. */
    void restore(Progress stored, long version) {
        progress = stored;
        changes = new PendingChanges<>(version);
    }

    PrescriptionStatus status() {
        return progress.status();
    }

    Progress progress() {
        return progress;
    }

    long version() {
        return changes.version();
    }

    /** The moves since reading, oldest first. */
    List<Transition> pendingTransitions() {
        return changes.steps();
    }

    /** The events since reading, in order. */
    List<PrescriptionStatusChanged> pendingEvents() {
        return changes.events();
    }

    /** Written as {@code newVersion}: nothing is pending any more. */
    void saved(long newVersion) {
        changes.saved(newVersion);
    }

    // ---------------------------------------------------------------- moves (table: PrescriptionWorkflow)

    /** The next status for {@code action}, or 409 {@code PHARMACY-0001} naming status and action; changes nothing. */
    PrescriptionStatus check(PrescriptionAction action) {
        PrescriptionStatus from = progress.status();
        return PrescriptionWorkflow.next(from, action)
                .orElseThrow(() -> new ConflictException(PharmacyError.ILLEGAL_TRANSITION, "status", from, action));
    }

    /** The first submission into the review queue (recorded as RESUBMIT from no status, as since the start). */
    void submitted(String actor, Instant now) {
        record(null, PrescriptionAction.RESUBMIT, null, actor, now);
    }

    /** Approved, with or without a note (RX-8: dispensing only from here). */
    void approve(@Nullable String note, String actor, Instant now) {
        var action = note == null ? PrescriptionAction.APPROVE : PrescriptionAction.APPROVE_WITH_NOTE;
        PrescriptionStatus from = progress.status();
        progress = progress.reviewed(check(action), actor, now, note, null);
        record(from, action, note, actor, now);
    }

    /** Returned to the prescriber with a reason (decision 0122). */
    void returnToPrescriber(String reason, String actor, Instant now) {
        PrescriptionStatus from = progress.status();
        progress = progress.reviewed(check(PrescriptionAction.RETURN), actor, now, null, reason);
        record(from, PrescriptionAction.RETURN, reason, actor, now);
    }

    /** The prescriber keeps the returned prescription as written: back to the queue, counted (decision 0122). */
    void override(String reason, String actor, Instant now) {
        PrescriptionStatus from = progress.status();
        progress = progress.nextRound(check(PrescriptionAction.OVERRIDE), progress.overrideCount() + 1, reason,
                progress.returnReason());
        record(from, PrescriptionAction.OVERRIDE, reason, actor, now);
    }

    /** The fixed prescription goes back to the queue for a new round; the caller filled the fixed content first. */
    void resubmit(String actor, Instant now) {
        PrescriptionStatus from = progress.status();
        progress = progress.nextRound(check(PrescriptionAction.RESUBMIT), progress.overrideCount(), progress.overrideReason(),
                null);
        record(from, PrescriptionAction.RESUBMIT, null, actor, now);
    }

    void cancel(String reason, String actor, Instant now) {
        PrescriptionStatus from = progress.status();
        progress = progress.to(check(PrescriptionAction.CANCEL));
        record(from, PrescriptionAction.CANCEL, reason, actor, now);
    }

    /** A dispensing outcome (DISPENSE, DISPENSE_PARTIAL or NOT_DISPENSE) with its coded reason and note. */
    void dispense(PrescriptionAction outcome, @Nullable NotDispensedReason why, @Nullable String note, String actor,
                  Instant now) {
        String reasonName = why == null ? null : why.name();
        PrescriptionStatus from = progress.status();
        progress = progress.dispensed(check(outcome), reasonName, note, actor, now);
        record(from, outcome, reasonName, actor, now);
    }

    /** The patient-confirmed dispensing site; only until dispensing starts (not a workflow move, so not recorded). */
    void chooseSite(UUID site, boolean central, Instant now) {
        PrescriptionStatus s = progress.status();
        if (s != PrescriptionStatus.IN_REVIEW && s != PrescriptionStatus.RETURNED && s != PrescriptionStatus.APPROVED) {
            throw new ConflictException(PharmacyError.ILLEGAL_TRANSITION, "status", s, "CHOOSE_SITE");
        }
        dispensingInstitutionId = site;
        centralDistribution = central;
        siteConfirmed = true;
        updatedAt = now;
    }

    private void record(@Nullable PrescriptionStatus from, PrescriptionAction action, @Nullable String reason, String actor,
                        Instant now) {
        updatedAt = now;
        PrescriptionStatus to = progress.status();
        changes.step(new Transition(from, action, to, actor, reason, now));
        changes.event(new PrescriptionStatusChanged(UUID.randomUUID(), new PrescriptionId(id), number, now, from, action, to,
                prescribingInstitutionId, dispensingInstitutionId));
    }
}
