package org.medunion.consultation;

import java.util.Locale;

/** Urgency of a request; each has its own decision deadline, a TM-4 parameter. */
public enum ConsultationUrgency {

    ROUTINE, URGENT, EMERGENCY;

    /** The TM-4 parameter naming this urgency's deadline. */
    public String deadlineParameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
