package org.medunion.diagnostics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A result import job (decision 0238): the file, who sent it for which performing institution, where it stands and
 * the figures so far. {@code rejected} lists every rejected row once the job has ended (ID numbers masked); while it
 * runs only {@code rejectedRows} counts them.
 *
 * @param rowsTotal    data rows of the file (the header not counted)
 * @param rowsDone     data rows decided so far: their report written, already there or refused
 * @param created      reports written by this job
 * @param existing     reports already recorded under their member report number (not written again)
 * @param rejectedRows rejected rows so far
 * @param errorCode    why a FAILED or INTERRUPTED job stopped (a message code), else null
 */
public record ImportJobView(ImportJobId id, UUID performerInstitutionId, String uploadedBy, String fileName, ImportJobStatus status,
                            int rowsTotal, int rowsDone, int created, int existing, int rejectedRows,
                            List<ResultImport.Rejected> rejected, @Nullable String errorCode, Instant submittedAt,
                            @Nullable Instant startedAt, @Nullable Instant finishedAt) {

    public ImportJobView {
        rejected = List.copyOf(rejected);
    }

    /** Percent of the rows decided (0–100). */
    public int percent() {
        return rowsTotal == 0 ? 100 : (int) Math.min(100, (long) rowsDone * 100 / rowsTotal);
    }
}
