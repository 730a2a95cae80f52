package org.medunion.diagnostics.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.ImportJobId;
import org.medunion.diagnostics.ImportJobStatus;
import org.medunion.diagnostics.ImportJobView;
import org.medunion.diagnostics.ResultImport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Result import jobs (V11_80, decision 0238): the file while it waits and runs (cleared when the job ends: it holds ID
 * numbers), the figures as they grow, the rejected rows (ID numbers masked) as JSON once it has ended.
 */
@Component
class ImportJobStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ResultImport.Rejected>> REJECTED = new TypeReference<>() {
    };
    private static final String FIGURES = """
            id, performer_institution_id, uploaded_by, file_name, status, rows_total, rows_done, created_count, existing_count,
            rejected_count, error_code, submitted_at, started_at, finished_at""";

    private final JdbcClient jdbc;

    ImportJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID performer, String by, String fileName, byte[] content, int rows, Instant at) {
        jdbc.sql("""
                insert into diagnostics_import_job (id, performer_institution_id, uploaded_by, file_name, status, content, rows_total,
                    submitted_at) values (?, ?, ?, ?, 'QUEUED', ?, ?, ?)""")
                .params(id, performer, by, fileName, content, rows, Timestamp.from(at)).update();
    }

    /** QUEUED → RUNNING; false when the job was no longer waiting (interrupted meanwhile). */
    boolean start(UUID id, Instant at) {
        return jdbc.sql("update diagnostics_import_job set status = 'RUNNING', started_at = ? where id = ? and status = 'QUEUED'")
                .params(Timestamp.from(at), id).update() == 1;
    }

    /** The stored file; empty once the job has ended (or for no job). */
    Optional<byte[]> content(UUID id) {
        return jdbc.sql("select content from diagnostics_import_job where id = ? and content is not null").param(id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    void progress(UUID id, int rowsDone, int created, int existing, int rejected) {
        jdbc.sql("""
                update diagnostics_import_job set rows_done = ?, created_count = ?, existing_count = ?, rejected_count = ?
                 where id = ? and status = 'RUNNING'""")
                .params(rowsDone, created, existing, rejected, id).update();
    }

    /** The job done: its figures and rejected rows; the file is dropped. */
    void done(UUID id, ResultImport result, Instant at) {
        jdbc.sql("""
                update diagnostics_import_job set status = 'DONE', content = null, rows_done = rows_total, created_count = ?,
                    existing_count = ?, rejected_count = ?, rejected = ?, finished_at = ? where id = ?""")
                .params(result.created(), result.existing(), result.rejected().size(),
                        JSON.writeValueAsString(result.rejected()).getBytes(StandardCharsets.UTF_8), Timestamp.from(at), id)
                .update();
    }

    /** The job stopped by an error (its figures so far stay); the file is dropped. */
    void failed(UUID id, String errorCode, Instant at) {
        jdbc.sql("""
                update diagnostics_import_job set status = 'FAILED', content = null, error_code = ?, finished_at = ?
                 where id = ? and status in ('QUEUED', 'RUNNING')""")
                .params(errorCode, Timestamp.from(at), id).update();
    }

    /** At start-up: every job still waiting or running was interrupted by the restart. */
    int interruptAll(String errorCode, Instant at) {
        return jdbc.sql("""
                update diagnostics_import_job set status = 'INTERRUPTED', content = null, error_code = ?, finished_at = ?
                 where status in ('QUEUED', 'RUNNING')""")
                .params(errorCode, Timestamp.from(at)).update();
    }

    /** Jobs waiting for a worker. */
    int waiting() {
        return jdbc.sql("select count(*) from diagnostics_import_job where status = 'QUEUED'").query(Integer.class).single();
    }

    /** One job with its rejected rows. */
    Optional<ImportJobView> find(UUID id) {
        return jdbc.sql("select " + FIGURES + ", rejected from diagnostics_import_job where id = ?").param(id)
                .query((rs, n) -> view(rs, rejected(rs.getBytes("rejected")))).optional();
    }

    /** The newest jobs for a performing institution, or sent by a user (an administrator), without rejected rows. */
    List<ImportJobView> recent(@Nullable UUID performer, String uploadedBy, int limit) {
        String where = performer == null ? "uploaded_by = ?" : "performer_institution_id = ?";
        return jdbc.sql("select " + FIGURES + " from diagnostics_import_job where " + where
                + " order by submitted_at desc fetch first " + limit + " rows only")
                .param(performer == null ? uploadedBy : performer).query((rs, n) -> view(rs, List.of())).list();
    }

    private static List<ResultImport.Rejected> rejected(byte @Nullable [] json) {
        return json == null ? List.of() : JSON.readValue(new String(json, StandardCharsets.UTF_8), REJECTED);
    }

    private static ImportJobView view(ResultSet rs, List<ResultImport.Rejected> rejected) throws SQLException {
        return new ImportJobView(new ImportJobId(rs.getObject("id", UUID.class)), rs.getObject("performer_institution_id", UUID.class),
                rs.getString("uploaded_by"), rs.getString("file_name"), ImportJobStatus.valueOf(rs.getString("status")),
                rs.getInt("rows_total"), rs.getInt("rows_done"), rs.getInt("created_count"), rs.getInt("existing_count"),
                rs.getInt("rejected_count"), rejected, rs.getString("error_code"), rs.getTimestamp("submitted_at").toInstant(),
                instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
