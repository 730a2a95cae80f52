package org.medunion.shared;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of an import job's row every module's job table has alike (decision 0268): {@code id}, {@code status}
 * (QUEUED, RUNNING, DONE and the module's ended states), the stored file {@code content} (cleared when the job ends:
 * it holds personal data), {@code error_code}, {@code started_at}, {@code finished_at}, and the rejected rows as JSON.
 * Each module keeps its own table, its insert, figures and views; this is only the life cycle the runner drives.
 */
public final class ImportJobTable {

    /** The table name goes into the SQL text, so only a plain lower-case name is taken. */
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final String table;

    public ImportJobTable(JdbcClient jdbc, String table) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.jdbc = jdbc;
        this.table = table;
    }

    /** QUEUED → RUNNING; false when the job was no longer waiting (interrupted meanwhile). */
    public boolean start(UUID id, Instant at) {
        return jdbc.sql("update " + table + " set status = 'RUNNING', started_at = ? where id = ? and status = 'QUEUED'")
                .params(Timestamp.from(at), id).update() == 1;
    }

    /** The stored file; empty once the job has ended (or for no job). */
    public Optional<byte[]> content(UUID id) {
        return jdbc.sql("select content from " + table + " where id = ? and content is not null").param(id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** The job stopped by an error (its figures so far stay); the file is dropped. */
    public void failed(UUID id, String errorCode, Instant at) {
        jdbc.sql("update " + table + " set status = 'FAILED', content = null, error_code = ?, finished_at = ?"
                + " where id = ? and status in ('QUEUED', 'RUNNING')")
                .params(errorCode, Timestamp.from(at), id).update();
    }

    /** At start-up: every job still waiting or running was interrupted by the restart; it ends with {@code status}. */
    public int interruptAll(String status, String errorCode, Instant at) {
        return jdbc.sql("update " + table + " set status = ?, content = null, error_code = ?, finished_at = ?"
                + " where status in ('QUEUED', 'RUNNING')")
                .params(status, errorCode, Timestamp.from(at)).update();
    }

    /** Jobs waiting for the worker. */
    public int waiting() {
        return jdbc.sql("select count(*) from " + table + " where status = 'QUEUED'").query(Integer.class).single();
    }

    /** Rejected rows as stored in the {@code rejected} column. */
    public static byte[] json(List<?> rejected) {
        return JSON.writeValueAsString(rejected).getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code rejected} column read back; none when it is null (the job has not ended, or a list leaves them out). */
    public static <T> List<T> rejected(byte @Nullable [] json, TypeReference<List<T>> type) {
        return json == null ? List.of() : JSON.readValue(new String(json, StandardCharsets.UTF_8), type);
    }

    /** A time column that is null until its step happens ({@code started_at}, {@code finished_at}). */
    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
