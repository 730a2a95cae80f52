package org.medunion.indicators;

/** What an encounter fact records. */
public enum EncounterKind {

    /** 门诊 — an outpatient visit, counted on its visit day. */
    OUTPATIENT,
    /** 急诊 — an emergency visit, counted with outpatient visits (I-1, I-4). */
    EMERGENCY,
    /** 出院 — an inpatient stay, counted on its discharge day with its bed-days, operations and DRG weight. */
    INPATIENT;

    public boolean isVisit() {
        return this != INPATIENT;
    }
}
