package org.medunion.pharmacy.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.pharmacy.EncounterType;
import org.medunion.pharmacy.PrescriptionAction;
import org.medunion.pharmacy.PrescriptionStatus;
import org.medunion.pharmacy.PrescriptionWorkflow;
import org.medunion.shared.ConflictException;

/**
 * The prescription aggregate: its status changes only through {@link #apply}, which checks the transition table of
 * {@link PrescriptionWorkflow} (an illegal action is 409 {@code PHARMACY-0001} naming status and action).
 */
@SuppressWarnings("checkstyle:VisibilityModifier") // a mutable row holder inside the module; the store maps it
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
    PrescriptionStatus status = PrescriptionStatus.IN_REVIEW;
    int reviewRound = 1;
    int overrideCount;
    @Nullable
    String overrideReason;
    @Nullable
    String reviewNote;
    @Nullable
    String returnReason;
    @Nullable
    String reviewedBy;
    @Nullable
    Instant reviewedAt;
    @Nullable
    Instant dueAt;
    UUID dispensingInstitutionId;
    boolean centralDistribution;
    boolean siteConfirmed;
    @Nullable
    String dispenseReason;
    @Nullable
    String dispenseNote;
    @Nullable
    String dispensedBy;
    @Nullable
    Instant dispensedAt;
    Instant submittedAt;
    Instant updatedAt;
    long version;
    List<Line> lines = new ArrayList<>();
    List<Prescreen.Finding> findings = new ArrayList<>();

    @SuppressWarnings("NullAway.Init") // filled by the creation service or the store's row mapper
    Prescription() {
    }

    /** Moves to the next status or refuses; returns the status it left. */
    PrescriptionStatus apply(PrescriptionAction action) {
        PrescriptionStatus from = status;
        status = PrescriptionWorkflow.next(status, action)
                .orElseThrow(() -> new ConflictException(PharmacyError.ILLEGAL_TRANSITION, "status", from, action));
        return from;
    }
}
