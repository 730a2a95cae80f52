package org.medunion.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * P-4's second reference: the same year of facts exported from PostgreSQL with COPY to CSV, read into DuckDB (in process,
 * org.duckdb:duckdb_jdbc), written to Parquet, and the same aggregate into day rows run there — over DuckDB's own table
 * and over the Parquet file — beside the hand-written PostgreSQL aggregate timed again in the same run.
 */
final class IndicatorsDuckDb {

    private static final String AGGREGATE = """
            select institution_id, local_day,
                   sum(case when kind = 'INPATIENT' then 0 else 1 end) visits, sum(case when kind = 'INPATIENT' then 1 else 0 end) discharges,
                   sum(bed_days) bed_days, sum(operations) operations, sum(level4_operations) level4, coalesce(sum(drg_weight), 0) w,
                   count(drg_weight) wd, count(*) n
            from %s group by institution_id, local_day""";

    private IndicatorsDuckDb() {
    }

    static void run(Connection pg, JdbcTemplate jdbc, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path csv = dir.resolve("facts.csv");
        Path parquet = dir.resolve("facts.parquet");
        Path db = dir.resolve("facts.duckdb");
        Files.deleteIfExists(db);
        long t0 = System.nanoTime();
        long rows;
        try (OutputStream out = Files.newOutputStream(csv)) {
            rows = pg.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (select institution_id, local_day, kind, bed_days, operations, "
                    + "level4_operations, drg_weight from indicators_encounter where local_day >= '" + IndicatorsScaleBenchmark.FROM
                    + "' and local_day < '" + IndicatorsScaleBenchmark.TO + "') to stdout with (format csv, header)", out);
        }
        System.out.printf(Locale.ROOT, "DuckDB: exported %,d facts to CSV (%d MB) in %.1f s%n", rows, Files.size(csv) >> 20,
                (System.nanoTime() - t0) / 1e9);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + db); var st = duck.createStatement()) {
            double load = IndicatorsScaleBenchmark.time(() -> exec(st, "create table facts as select * from read_csv('" + csv
                    + "', header = true, columns = {'institution_id': 'UUID', 'local_day': 'DATE', 'kind': 'VARCHAR', 'bed_days': 'INTEGER', "
                    + "'operations': 'INTEGER', 'level4_operations': 'INTEGER', 'drg_weight': 'DECIMAL(9,4)'})"));
            double toParquet = IndicatorsScaleBenchmark.time(() -> exec(st, "copy facts to '" + parquet + "' (format parquet)"));
            System.out.printf(Locale.ROOT, "DuckDB %s: CSV into a table %.0f ms, table to Parquet (%d MB) %.0f ms, threads %s%n",
                    version(st), load, Files.size(parquet) >> 20, toParquet, query(st, "select current_setting('threads')"));
            var table = new ArrayList<Double>();
            var file = new ArrayList<Double>();
            var postgres = new ArrayList<Double>();
            for (int rep = 0; rep < 3; rep++) {
                table.add(IndicatorsScaleBenchmark.time(() -> exec(st, "create or replace table day_rows as "
                        + String.format(Locale.ROOT, AGGREGATE, "facts"))));
                file.add(IndicatorsScaleBenchmark.time(() -> exec(st, "create or replace table day_rows as "
                        + String.format(Locale.ROOT, AGGREGATE, "read_parquet('" + parquet + "')"))));
                jdbc.execute("truncate bench_ref_day");
                postgres.add(IndicatorsScaleBenchmark.time(() -> jdbc.update("insert into bench_ref_day "
                        + IndicatorsScaleBenchmark.handWritten("local_day >= ? and local_day < ?"), IndicatorsScaleBenchmark.FROM,
                        IndicatorsScaleBenchmark.TO)));
            }
            System.out.printf(Locale.ROOT, "P-4 the same aggregate of the year: DuckDB table %.0f ms, DuckDB over Parquet %.0f ms, "
                    + "PostgreSQL hand-written %.0f ms (day rows in DuckDB: %s)%n  runs DuckDB table %s, Parquet %s, PostgreSQL %s%n",
                    IndicatorsScaleBenchmark.median(table), IndicatorsScaleBenchmark.median(file),
                    IndicatorsScaleBenchmark.median(postgres),
                    query(st, "select count(*) from day_rows"), IndicatorsScaleBenchmark.round(table),
                    IndicatorsScaleBenchmark.round(file), IndicatorsScaleBenchmark.round(postgres));
        }
        Files.deleteIfExists(csv);
    }

    private static Object exec(java.sql.Statement st, String sql) {
        try {
            st.execute(sql);
            return sql;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String version(java.sql.Statement st) throws java.sql.SQLException {
        return query(st, "select version()");
    }

    private static String query(java.sql.Statement st, String sql) throws java.sql.SQLException {
        try (var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

}
