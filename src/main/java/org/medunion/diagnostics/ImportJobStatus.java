package org.medunion.diagnostics;

/**
 * Where a result import job stands (decision 0238): waiting for a worker, running, done (every report written, already
 * there or refused), failed (an error stopped it; the reports written before stay), or interrupted by a restart of the
 * platform (the reports written before stay; uploading the file again counts them as already there).
 */
public enum ImportJobStatus {

    QUEUED, RUNNING, DONE, FAILED, INTERRUPTED;

    /** Whether the job has ended: nothing more will change. */
    public boolean ended() {
        return this == DONE || this == FAILED || this == INTERRUPTED;
    }
}
