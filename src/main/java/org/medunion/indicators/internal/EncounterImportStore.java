package org.medunion.indicators.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.indicators.EncounterImportStatus;
import org.medunion.indicators.EncounterImportView;
import org.medunion.indicators.IngestReport.RowError;
import org.medunion.shared.ImportJobTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * Encounter import jobs (V13_77, decision 0267): the file while it waits and runs (cleared when the job ends: it holds
 * resident ids), the figures as they grow, the rejected rows as JSON. The columns every job table has alike, and the
 * job's life cycle on them, are {@link ImportJobTable}'s (decision 0268).
 */
@Component
class EncounterImportStore {

    private static final TypeReference<List<RowError>> REJECTED = new TypeReference<>() {
    };
    private static final String FIGURES = """
            id, submitted_by, scope_type, scope_reference, file_name, status, rows_total, rows_done, accepted_count,
            created_count, corrected_count, unchanged_count, rejected_count, error_code, submitted_at, started_at, finished_at""";

    private final JdbcClient jdbc;
    private final ImportJobTable jobs;

    EncounterImportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.jobs = new ImportJobTable(jdbc, "indicators_import_job");
    }

    /** The job's life cycle (start, file, failed, interrupted, waiting), as the runner drives it. */
    ImportJobTable jobs() {
        return jobs;
    }

    void insert(UUID id, CurrentUser by, String fileName, byte @Nullable [] content, int rows, Instant at) {
        jdbc.sql("""
                insert into indicators_import_job (id, submitted_by, scope_type, scope_reference, file_name, status, content,
                    rows_total, submitted_at) values (?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)""")
                .params(Arrays.asList(id, by.username(), by.scope().type().name(), by.scope().reference(), fileName, content,
                        rows, Timestamp.from(at)))
                .update();
    }

    /** The figures so far of a running job, written in the transaction of the chunk they count. */
    void progress(UUID id, Figures f) {
        jdbc.sql("""
                update indicators_import_job set rows_done = ?, accepted_count = ?, created_count = ?, corrected_count = ?,
                    unchanged_count = ?, rejected_count = ? where id = ? and status = 'RUNNING'""")
                .params(f.rowsDone(), f.accepted(), f.created(), f.corrected(), f.unchanged(), f.rejected(), id).update();
    }

    /** The job done: its figures and rejected rows; the file is dropped. */
    void done(UUID id, Figures f, List<RowError> rejected, Instant at) {
        jdbc.sql("""
                update indicators_import_job set status = 'DONE', content = null, rows_done = ?, accepted_count = ?,
                    created_count = ?, corrected_count = ?, unchanged_count = ?, rejected_count = ?, rejected = ?, finished_at = ?
                 where id = ? and status = 'RUNNING'""")
                .params(f.rowsDone(), f.accepted(), f.created(), f.corrected(), f.unchanged(), f.rejected(), ImportJobTable.json(rejected),
                        Timestamp.from(at), id)
                .update();
    }

    /** One job with its rejected rows. */
    Optional<EncounterImportView> find(UUID id) {
        return jdbc.sql("select " + FIGURES + ", rejected from indicators_import_job where id = ?").param(id)
                .query((rs, n) -> view(rs, ImportJobTable.rejected(rs.getBytes("rejected"), REJECTED))).optional();
    }

    /** A user's newest jobs, without their rejected rows. */
    List<EncounterImportView> recent(String submittedBy, int limit) {
        return jdbc.sql("select " + FIGURES + " from indicators_import_job where submitted_by = ?"
                + " order by submitted_at desc, id fetch first " + limit + " rows only")
                .param(submittedBy).query((rs, n) -> view(rs, List.of())).list();
    }

    private static EncounterImportView view(ResultSet rs, List<RowError> rejected) throws SQLException {
        int total = rs.getInt("rows_total");
        Integer rowsTotal = rs.wasNull() ? null : total;
        int rowsDone = rs.getInt("rows_done");
        return new EncounterImportView(rs.getObject("id", UUID.class), rs.getString("submitted_by"), rs.getString("scope_type"),
                rs.getString("scope_reference"), rs.getString("file_name"), EncounterImportStatus.valueOf(rs.getString("status")),
                rowsTotal, rowsDone, EncounterImportView.percentOf(rowsTotal, rowsDone), rs.getInt("accepted_count"),
                rs.getInt("created_count"),
                rs.getInt("corrected_count"), rs.getInt("unchanged_count"), rs.getInt("rejected_count"), rejected,
                rs.getString("error_code"), rs.getTimestamp("submitted_at").toInstant(), ImportJobTable.instant(rs, "started_at"),
                ImportJobTable.instant(rs, "finished_at"));
    }

    /** The figures of a job: rows processed, accepted (written or found unchanged), by kind, and rejected. */
    record Figures(int rowsDone, int accepted, int created, int corrected, int unchanged, int rejected) {
    }
}
