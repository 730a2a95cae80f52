package org.medunion.consultation;

/** Which side of a consultation a session participant belongs to (TM-6 counts the inviting side's physicians). */
public enum ParticipantSide {
    /** The inviting institution (the patient's site). */
    INVITING,
    /** The invited institution and its experts. */
    INVITED
}
