package org.medunion.pharmacy.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.pharmacy.PrescriptionAction;
import org.medunion.pharmacy.ReviewDecision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pre-dispensing review (RX-8, RX-11): the reviewing pharmacist approves or returns; the prescriber overrides a
 * return or cancels (decision 0122). Each step checks who may act and the input, then lets the aggregate move.
 */
@Service
@Transactional
class Reviewing {

    private final Prescriptions prescriptions;

    Reviewing(Prescriptions prescriptions) {
        this.prescriptions = prescriptions;
    }

    /** The review's approval of {@code p} by {@code user} at {@code now} (also the system's backfill step). */
    Prescription approve(Prescription p, @Nullable ReviewDecision d, CurrentUser user, Instant now) {
        PrescriptionAccess.requireReviewer(user, p);
        p.approve(PharmacyInput.note(d == null ? null : d.note()), user.username(), now);
        return saved(p);
    }

    /** The review's return of {@code p} by {@code user} at {@code now} (also the system's backfill step). */
    Prescription returnToPrescriber(Prescription p, @Nullable ReviewDecision d, CurrentUser user, Instant now) {
        PrescriptionAccess.requireReviewer(user, p);
        p.returnToPrescriber(PharmacyInput.reason(d), user.username(), now);
        return saved(p);
    }

    Prescription override(Prescription p, @Nullable ReviewDecision d, CurrentUser user, Instant now) {
        PrescriptionAccess.requirePrescriber(user, p);
        p.override(PharmacyInput.reason(d), user.username(), now);
        return saved(p);
    }

    Prescription cancel(Prescription p, @Nullable ReviewDecision d, CurrentUser user, Instant now) {
        PrescriptionAccess.requirePrescriber(user, p);
        p.cancel(PharmacyInput.reason(d), user.username(), now);
        return saved(p);
    }

    private Prescription saved(Prescription p) {
        var moves = p.pendingTransitions();
        PrescriptionAction last = moves.get(moves.size() - 1).action();
        return prescriptions.saved(p, false, last + " " + p.number);
    }
}
