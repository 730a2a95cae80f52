package org.medunion.indicators;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Large encounter files as background jobs (issue 17, decision 0267): the same rules and idempotence as
 * {@link IndicatorsManagement#ingestTable(List)}, written chunk by chunk with progress; a rejected row is listed and
 * the other rows are written. A job is its submitter's alone: anyone else is told it does not exist.
 */
public interface EncounterImports {

    /** Most rows in one file. */
    int MAX_ROWS = 100_000;
    /** Largest file accepted, in bytes (10 MB). */
    int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
    /** The published CSV columns (docs/indicators.md), in the order of the spec. */
    List<String> COLUMNS = List.of("source_record_id", "institution_id", "kind", "occurred_at", "admitted_at", "resident_id",
            "principal_diagnosis", "drg_weight", "drg_group", "operation_levels");
    /** The columns every file must have. */
    List<String> REQUIRED = List.of("source_record_id", "institution_id", "kind", "occurred_at");

    /**
     * Checks the table's structure (header, columns, row count) and that the caller may submit for every institution it
     * names, stores it as a job and hands it to the worker once the caller's transaction commits. A malformed file is
     * a 400 {@code INDICATORS-0003}, a foreign institution 403 {@code INDICATORS-0002}; then nothing is stored.
     */
    EncounterImportView start(@Nullable String fileName, List<List<String>> table);

    /** One job with its rejected rows; another user's job or an unknown id is a 404. */
    EncounterImportView job(UUID id);

    /** The caller's newest jobs, newest first, without their rejected rows. */
    List<EncounterImportView> mine();
}
