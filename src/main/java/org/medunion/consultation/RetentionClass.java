package org.medunion.consultation;

/**
 * TM-9: how long a consultation's record is kept — the outpatient record period, or the inpatient one for a
 * consultation in an inpatient context (remote ward rounds, 远程查房). The conversation (process records) has its own,
 * shorter period in both classes.
 */
public enum RetentionClass {
    OUTPATIENT,
    INPATIENT
}
