package org.medunion.pharmacy;

/** What a prescriber, pharmacist or dispenser does to a prescription ({@link PrescriptionWorkflow}). */
public enum PrescriptionAction {
    APPROVE, APPROVE_WITH_NOTE, RETURN, RESUBMIT, OVERRIDE, CANCEL, DISPENSE, DISPENSE_PARTIAL, NOT_DISPENSE
}
