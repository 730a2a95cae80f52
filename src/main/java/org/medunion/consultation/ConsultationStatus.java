package org.medunion.consultation;

/** Workflow states of a consultation; {@link #isTerminal()} states accept no further action. */
public enum ConsultationStatus {

    REQUESTED,
    INFO_REQUESTED,
    ACCEPTED,
    DECLINED,
    IN_SESSION,
    OPINION_DRAFTED,
    OPINION_SIGNED,
    ACKNOWLEDGED,
    CLOSED,
    CANCELLED,
    EXPIRED;

    public boolean isTerminal() {
        return this == DECLINED || this == CLOSED || this == CANCELLED || this == EXPIRED;
    }

    /** Open: the invited side still works on it, so it holds a care relationship with the resident. */
    public boolean isOpen() {
        return !isTerminal();
    }
}
