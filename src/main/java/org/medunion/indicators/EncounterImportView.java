package org.medunion.indicators;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.indicators.IngestReport.RowError;

/**
 * An encounter import job (decision 0267) as its submitter follows it.
 *
 * @param scopeType      the submitter's scope at the upload ({@code INSTITUTION}, {@code JURISDICTION}, …)
 * @param scopeReference the institution id or division code of that scope
 * @param rowsTotal      data rows of the file (null while not known)
 * @param rowsDone       rows processed: each is accepted or rejected
 * @param percent        rows processed of the total, 0–100 ({@link #percentOf})
 * @param accepted       rows written or found unchanged ({@code created + corrected + unchanged})
 * @param rejectedRows   rows refused, each with its reasons in {@code rejected} (listed once the job has ended)
 * @param errorCode      why a FAILED job stopped
 */
public record EncounterImportView(UUID id, String submittedBy, String scopeType, @Nullable String scopeReference,
                                  String fileName, EncounterImportStatus status, @Nullable Integer rowsTotal, int rowsDone,
                                  int percent, int accepted, int created, int corrected, int unchanged, int rejectedRows,
                                  List<RowError> rejected, @Nullable String errorCode, Instant submittedAt,
                                  @Nullable Instant startedAt, @Nullable Instant finishedAt) {

    public EncounterImportView {
        rejected = List.copyOf(rejected);
    }

    public boolean ended() {
        return status.ended();
    }

    /** Rows processed of the total, 0–100 (0 while the total is not known, 100 for an empty file). */
    public static int percentOf(@Nullable Integer rowsTotal, int rowsDone) {
        if (rowsTotal == null) {
            return 0;
        }
        return rowsTotal == 0 ? 100 : (int) Math.min(100, (long) rowsDone * 100 / rowsTotal);
    }
}
