package org.medunion.consultation;

/** The lists: the inviting side's requests, the invited side's work list, the consortium office's overdue queue. */
public enum ConsultationBox {
    MINE, TO_ME, OVERDUE
}
