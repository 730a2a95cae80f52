package org.medunion.indicators.internal;

import java.nio.charset.StandardCharsets;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encounter import jobs (V13_77, decision 0267): the file while it waits and runs (cleared when the job ends: it holds
 * resident ids), the figures as they grow, the rejected rows as JSON.
 */
@Component
class EncounterImportStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<RowError>> REJECTED = new TypeReference<>() {
    };
    private static final String FIGURES = """
            id, submitted_by, scope_type, scope_reference, file_name, status, rows_total, rows_done, accepted_count,
            created_count, corrected_count, unchanged_count, rejected_count, error_code, submitted_at, started_at, finished_at""";

    private final JdbcClient jdbc;

    EncounterImportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, CurrentUser by, String fileName, byte[] content, int rows, Instant at) {
        jdbc.sql("""
                insert into indicators_import_job (id, submitted_by, scope_type, scope_reference, file_name, status, content,
                    rows_total, submitted_at) values (?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)""")
                .params(Arrays.asList(id, by.username(), by.scope().type().name(), by.scope().reference(), fileName, content,
                        rows, Timestamp.from(at)))
                .update();
    }

    /** QUEUED → RUNNING; false when the job was no longer waiting. */
    boolean start(UUID id, Instant at) {
        return jdbc.sql("update indicators_import_job set status = 'RUNNING', started_at = ? where id = ? and status = 'QUEUED'")
                .params(Timestamp.from(at), id).update() == 1;
    }

    /** The stored file; empty once the job has ended (or for no job). */
    Optional<byte[]> content(UUID id) {
        return jdbc.sql("select content from indicators_import_job where id = ? and content is not null").param(id)
                .query((rs, n) -> rs.getBytes(1)).optional();
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
                .params(f.rowsDone(), f.accepted(), f.created(), f.corrected(), f.unchanged(), f.rejected(), json(rejected),
                        Timestamp.from(at), id)
                .update();
    }

    /** The job stopped by an error (its figures so far stay); the file is dropped. */
    void failed(UUID id, String errorCode, Instant at) {
        jdbc.sql("""
                update indicators_import_job set status = 'FAILED', content = null, error_code = ?, finished_at = ?
                 where id = ? and status in ('QUEUED', 'RUNNING')""")
                .params(errorCode, Timestamp.from(at), id).update();
    }

    /** At start-up: every job still waiting or running was interrupted by the restart. */
    int interruptAll(String errorCode, Instant at) {
        return jdbc.sql("""
                update indicators_import_job set status = 'FAILED', content = null, error_code = ?, finished_at = ?
                 where status in ('QUEUED', 'RUNNING')""")
                .params(errorCode, Timestamp.from(at)).update();
    }

    /** Jobs waiting for the worker. */
    int waiting() {
        return jdbc.sql("select count(*) from indicators_import_job where status = 'QUEUED'").query(Integer.class).single();
    }

    /** One job with its rejected rows. */
    Optional<EncounterImportView> find(UUID id) {
        return jdbc.sql("select " + FIGURES + ", rejected from indicators_import_job where id = ?").param(id)
                .query((rs, n) -> view(rs, rejected(rs.getBytes("rejected")))).optional();
    }

    /** A user's newest jobs, without their rejected rows. */
    List<EncounterImportView> recent(String submittedBy, int limit) {
        return jdbc.sql("select " + FIGURES + " from indicators_import_job where submitted_by = ?"
                + " order by submitted_at desc, id fetch first " + limit + " rows only")
                .param(submittedBy).query((rs, n) -> view(rs, List.of())).list();
    }

    private static byte[] json(List<RowError> rejected) {
        return JSON.writeValueAsString(rejected).getBytes(StandardCharsets.UTF_8);
    }

    private static List<RowError> rejected(byte @Nullable [] json) {
        return json == null ? List.of() : JSON.readValue(new String(json, StandardCharsets.UTF_8), REJECTED);
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
                rs.getString("error_code"), rs.getTimestamp("submitted_at").toInstant(), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** The figures of a job: rows processed, accepted (written or found unchanged), by kind, and rejected. */
    record Figures(int rowsDone, int accepted, int created, int corrected, int unchanged, int rejected) {
    }
}
