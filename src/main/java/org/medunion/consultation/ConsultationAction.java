package org.medunion.consultation;

/** What someone (or the deadline job) does to a consultation; the transition table maps (status, action) to a status. */
public enum ConsultationAction {

    REQUEST,
    ACCEPT,
    DECLINE,
    ASK_INFO,
    ANSWER,
    START,
    DRAFT_OPINION,
    SIGN_OPINION,
    ACKNOWLEDGE,
    CLOSE,
    CANCEL,
    ESCALATE,
    EXPIRE;

    /** Actions of the inviting side; the others (but the job's) belong to the invited side. */
    public boolean byInvitingSide() {
        return this == REQUEST || this == ANSWER || this == ACKNOWLEDGE || this == CLOSE || this == CANCEL;
    }

    /** Actions a person takes through the API (not the deadline job's). */
    public boolean isManual() {
        return this != REQUEST && this != ESCALATE && this != EXPIRE;
    }
}
