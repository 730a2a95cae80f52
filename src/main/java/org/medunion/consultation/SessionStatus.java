package org.medunion.consultation;

/** A generated session: on the calendar, held (attendance and patients recorded) or cancelled with a reason. */
public enum SessionStatus {
    PLANNED,
    HELD,
    CANCELLED
}
