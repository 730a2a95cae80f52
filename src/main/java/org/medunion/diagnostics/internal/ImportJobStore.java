package org.medunion.diagnostics.internal;

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
import org.medunion.shared.ImportJobTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * Result import jobs (V11_80, decision 0238): the file while it waits and runs (cleared when the job ends: it holds ID
 * numbers), the figures as they grow, the rejected rows (ID numbers masked) as JSON once it has ended. The columns every
 * job table has alike, and the job's life cycle on them, are {@link ImportJobTable}'s (decision 0268).
 */
@Component
class ImportJobStore {

    private static final TypeReference<List<ResultImport.Rejected>> REJECTED = new TypeReference<>() {
    };
    private static final String FIGURES = """
            id, performer_institution_id, uploaded_by, file_name, status, rows_total, rows_done, created_count, existing_count,
            rejected_count, error_code, submitted_at, started_at, finished_at""";

    private final JdbcClient jdbc;
    private final ImportJobTable jobs;

    ImportJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.jobs = new ImportJobTable(jdbc, "diagnostics_import_job");
    }

    /** The job's life cycle (start, file, failed, interrupted, waiting), as the runner drives it. */
    ImportJobTable jobs() {
        return jobs;
    }

    void insert(UUID id, UUID performer, String by, String fileName, byte[] content, int rows, Instant at) {
        jdbc.sql("""
                insert into diagnostics_import_job (id, performer_institution_id, uploaded_by, file_name, status, content, rows_total,
                    submitted_at) values (?, ?, ?, ?, 'QUEUED', ?, ?, ?)""")
                .params(id, performer, by, fileName, content, rows, Timestamp.from(at)).update();
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
                        ImportJobTable.json(result.rejected()), Timestamp.from(at), id)
                .update();
    }

    /** One job with its rejected rows. */
    Optional<ImportJobView> find(UUID id) {
        return jdbc.sql("select " + FIGURES + ", rejected from diagnostics_import_job where id = ?").param(id)
                .query((rs, n) -> view(rs, ImportJobTable.rejected(rs.getBytes("rejected"), REJECTED))).optional();
    }

    /** The newest jobs for a performing institution, or sent by a user (an administrator), without rejected rows. */
    List<ImportJobView> recent(@Nullable UUID performer, String uploadedBy, int limit) {
        String where = performer == null ? "uploaded_by = ?" : "performer_institution_id = ?";
        return jdbc.sql("select " + FIGURES + " from diagnostics_import_job where " + where
                + " order by submitted_at desc fetch first " + limit + " rows only")
                .param(performer == null ? uploadedBy : performer).query((rs, n) -> view(rs, List.of())).list();
    }

    private static ImportJobView view(ResultSet rs, List<ResultImport.Rejected> rejected) throws SQLException {
        return new ImportJobView(new ImportJobId(rs.getObject("id", UUID.class)), rs.getObject("performer_institution_id", UUID.class),
                rs.getString("uploaded_by"), rs.getString("file_name"), ImportJobStatus.valueOf(rs.getString("status")),
                rs.getInt("rows_total"), rs.getInt("rows_done"), rs.getInt("created_count"), rs.getInt("existing_count"),
                rs.getInt("rejected_count"), rejected, rs.getString("error_code"), rs.getTimestamp("submitted_at").toInstant(),
                ImportJobTable.instant(rs, "started_at"), ImportJobTable.instant(rs, "finished_at"));
    }
}
