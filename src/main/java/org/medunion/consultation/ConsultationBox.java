package org.medunion.consultation;

/**
 * The lists: the inviting side's requests, the invited side's work list, the consortium office's overdue queue, and the
 * closed consultations (newest first) with their price items (TM-13) — every one the caller may see.
 */
public enum ConsultationBox {
    MINE, TO_ME, OVERDUE, CLOSED
}
