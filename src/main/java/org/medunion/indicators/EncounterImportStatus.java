package org.medunion.indicators;

/** Where an encounter import job is (decision 0267); a job interrupted by a restart ends {@link #FAILED}. */
public enum EncounterImportStatus {

    QUEUED, RUNNING, DONE, FAILED;

    public boolean ended() {
        return this == DONE || this == FAILED;
    }
}
