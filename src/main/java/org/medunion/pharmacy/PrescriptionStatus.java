package org.medunion.pharmacy;

/** Where a prescription is in review and dispensing (RX-8: nothing is dispensed before APPROVED). */
public enum PrescriptionStatus {
    IN_REVIEW, RETURNED, APPROVED, PARTIALLY_DISPENSED, DISPENSED, NOT_DISPENSED, CANCELLED
}
