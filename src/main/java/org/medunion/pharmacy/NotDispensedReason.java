package org.medunion.pharmacy;

/** Coded reasons for a partial or not-dispensed outcome (after the NHS EPS not-dispensed codes). */
public enum NotDispensedReason {
    PATIENT_DECLINED, OUT_OF_STOCK, PATIENT_DID_NOT_COLLECT, CLINICAL_CONCERN, PRESCRIPTION_EXPIRED, OBTAINED_ELSEWHERE
}
