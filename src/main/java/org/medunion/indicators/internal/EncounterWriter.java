package org.medunion.indicators.internal;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the new facts of an ingest (P-5, decisions 0262 and 0269). On PostgreSQL the rows go with one COPY straight into
 * the partitioned table: COPY routes each row to its month's partition and fires the key table's statement trigger
 * once, with all the rows in its transition table, so a source record id stored meanwhile fails the whole COPY as it
 * failed the insert. A staging table and an {@code insert … select} cost a second pass: 1,246 ms of server time against
 * 1,043 ms for the same 80,000 rows in chunks of 10,000 (P-5, 2026-12-05). On H2 they go as one JDBC batch. Both paths
 * store the same columns from the same values, inside the caller's
 * transaction.
 */
final class EncounterWriter {

    static final String COLUMNS = "id, institution_id, source_record_id, kind, occurred_at, local_day, admitted_at, "
            + "bed_days, operations, level4_operations, drg_weight, drg_group, principal_diagnosis, resident_id, revision, received_at";

    private final JdbcTemplate jdbc;
    private final boolean copy;

    EncounterWriter(JdbcTemplate jdbc, boolean copy) {
        this.jdbc = jdbc;
        this.copy = copy;
    }

    /** Whether the rows go by COPY, so a caller may build their {@link #copyText} ahead. */
    boolean copies() {
        return copy;
    }

    /**
     * Each row holds the values of {@link #COLUMNS} in order (nulls allowed where the column is nullable); {@code text}
     * is their {@link #copyText} when the caller built it ahead.
     */
    void insert(List<Object[]> rows, @Nullable String text) {
        if (rows.isEmpty()) {
            return;
        }
        if (!copy) {
            jdbc.batchUpdate("insert into indicators_encounter (" + COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            return;
        }
        String copyText = text != null ? text : copyText(rows);
        jdbc.execute((ConnectionCallback<Long>) c -> {
            try {
                return c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy indicators_encounter (" + COLUMNS
                        + ") from stdin", new StringReader(copyText));
            } catch (IOException e) {
                throw new SQLException("COPY of the new encounters failed", e);
            }
        });
    }

    /**
     * COPY text format: tab-separated, {@code \N} for null. The values are UUIDs, numbers, ISO timestamps and dates,
     * the kind, and a source id, diagnosis and DRG group that passed their patterns (no tab, newline or backslash).
     */
    static String copyText(List<Object[]> rows) {
        var out = new StringBuilder(rows.size() * 200);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append('\t');
                }
                append(out, row[i]);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * One value: times and dates digit by digit, as {@code toString} would write them but without building a string
     * each (the COPY text of 80,000 rows took 100–190 ms before, P-5).
     */
    private static void append(StringBuilder out, @Nullable Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof OffsetDateTime t && t.getOffset().equals(ZoneOffset.UTC)) {
            appendDate(out, t.toLocalDate());
            out.append('T');
            pad(out, t.getHour());
            out.append(':');
            pad(out, t.getMinute());
            out.append(':');
            pad(out, t.getSecond());
            if (t.getNano() > 0) {
                String nanos = Integer.toString(1_000_000_000 + t.getNano());
                out.append('.').append(nanos, 1, nanos.length());
            }
            out.append('Z');
        } else if (value instanceof LocalDate d) {
            appendDate(out, d);
        } else if (value instanceof Integer n) {
            out.append(n.intValue());
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else {
            out.append(value);
        }
    }

    private static void appendDate(StringBuilder out, LocalDate d) {
        if (d.getYear() < 1000 || d.getYear() > 9999) {
            out.append(d);
            return;
        }
        out.append(d.getYear()).append('-');
        pad(out, d.getMonthValue());
        out.append('-');
        pad(out, d.getDayOfMonth());
    }

    private static void pad(StringBuilder out, int twoDigits) {
        out.append((char) ('0' + twoDigits / 10)).append((char) ('0' + twoDigits % 10));
    }
}
