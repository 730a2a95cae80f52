package org.medunion.consultation;

/** Who pays a consultation's price item (TM-13), as the agreement says. */
public enum FeePayer {
    /** The inviting institution pays the invited one (settled between the two under the agreement). */
    INVITING_INSTITUTION,
    /** The patient pays, billed at the inviting institution. */
    PATIENT
}
