package org.medunion.pharmacy;

/**
 * What waits for the caller, counted without reading a prescription (the home page's to-do lines): a pharmacist's
 * review queue and how much of it is past its due time (RX-8), the prescriptions to dispense at the pharmacist's
 * institution (RX-15), and a prescriber institution's returned prescriptions.
 */
public record PrescriptionWorkload(long inReview, long overdue, long toDispense, long returned) {

    /** The caller's counts; nothing is read for roles without prescriptions. */
    public interface Source {

        PrescriptionWorkload workload();
    }
}
