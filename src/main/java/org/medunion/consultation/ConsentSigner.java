package org.medunion.consultation;

/** Who signed the written consent (TM-2): the patient, or a guardian or close relative with a reason. */
public enum ConsentSigner {
    PATIENT, GUARDIAN, CLOSE_RELATIVE
}
