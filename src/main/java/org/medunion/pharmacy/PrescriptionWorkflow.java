package org.medunion.pharmacy;

import java.util.Map;
import java.util.Optional;
import org.medunion.shared.TransitionTable;

/**
 * The review and dispensing workflow as a transition table (status, action) → next status; anything else is refused
 * with {@code PHARMACY-0001} (409). A returned prescription is fixed and resubmitted, or the prescriber overrides the
 * return with a reason: both go back to the queue, the override recorded and counted (decision 0122).
 */
public final class PrescriptionWorkflow {

    private static final TransitionTable<PrescriptionStatus, PrescriptionAction> TABLE = TransitionTable
            .of(PrescriptionStatus.class, PrescriptionAction.class)
            .allow(PrescriptionStatus.IN_REVIEW, PrescriptionAction.APPROVE, PrescriptionStatus.APPROVED)
            .allow(PrescriptionStatus.IN_REVIEW, PrescriptionAction.APPROVE_WITH_NOTE, PrescriptionStatus.APPROVED)
            .allow(PrescriptionStatus.IN_REVIEW, PrescriptionAction.RETURN, PrescriptionStatus.RETURNED)
            .allow(PrescriptionStatus.IN_REVIEW, PrescriptionAction.CANCEL, PrescriptionStatus.CANCELLED)
            .allow(PrescriptionStatus.RETURNED, PrescriptionAction.RESUBMIT, PrescriptionStatus.IN_REVIEW)
            .allow(PrescriptionStatus.RETURNED, PrescriptionAction.OVERRIDE, PrescriptionStatus.IN_REVIEW)
            .allow(PrescriptionStatus.RETURNED, PrescriptionAction.CANCEL, PrescriptionStatus.CANCELLED)
            .allow(PrescriptionStatus.APPROVED, PrescriptionAction.DISPENSE, PrescriptionStatus.DISPENSED)
            .allow(PrescriptionStatus.APPROVED, PrescriptionAction.DISPENSE_PARTIAL, PrescriptionStatus.PARTIALLY_DISPENSED)
            .allow(PrescriptionStatus.APPROVED, PrescriptionAction.NOT_DISPENSE, PrescriptionStatus.NOT_DISPENSED)
            .allow(PrescriptionStatus.APPROVED, PrescriptionAction.CANCEL, PrescriptionStatus.CANCELLED)
            .allow(PrescriptionStatus.PARTIALLY_DISPENSED, PrescriptionAction.DISPENSE, PrescriptionStatus.DISPENSED)
            .allow(PrescriptionStatus.PARTIALLY_DISPENSED, PrescriptionAction.NOT_DISPENSE, PrescriptionStatus.NOT_DISPENSED);

    private PrescriptionWorkflow() {
    }

    /** The next status, or empty when the action is illegal in this status. */
    public static Optional<PrescriptionStatus> next(PrescriptionStatus current, PrescriptionAction action) {
        return TABLE.next(current, action);
    }

    public static boolean isLegal(PrescriptionStatus current, PrescriptionAction action) {
        return TABLE.isLegal(current, action);
    }

    /** The whole table, read-only (docs, tests, the console's buttons). */
    public static Map<PrescriptionStatus, Map<PrescriptionAction, PrescriptionStatus>> table() {
        return TABLE.asMap();
    }
}
