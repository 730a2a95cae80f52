package org.medunion.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.scheduling.SchedulingFixture;
import org.medunion.support.Api;
import org.medunion.support.PostgresTest;
import org.medunion.support.RunningCity;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * P-5: CSV encounter ingest over HTTP (as an integrator would send it, files under the 1 MB request limit) against
 * PostgreSQL COPY of the same rows, as the ingest stores them (other source record ids), in the same run: into a plain
 * table with the facts' indexes, and into the facts table itself (its month partitions, indexes and the key table's
 * trigger; the rows are deleted afterwards, untimed). Run with {@code -Dmedunion.bench.ingest=true}; prints the rates and
 * the ratios.
 */
@PostgresTest
@EnabledIfSystemProperty(named = "medunion.bench.ingest", matches = "true")
class IngestBenchmarkPostgresTest extends RunningCity {

    private static final int FILES = 10;
    private static final int ROWS = 8_000;
    private static final String HEADER = "source_record_id,institution_id,kind,occurred_at,admitted_at,resident_id,"
            + "principal_diagnosis,drg_weight,operation_levels\n";

    @Autowired
    DataSource dataSource;

    /** The files as CSV and the same rows as COPY text, as the ingest stores them. */
    private record Rows(String[] files, String copy) {
    }

    private static Rows rows(UUID lead, String tag, int files, int rows) {
        String[] csvs = new String[files];
        StringBuilder copy = new StringBuilder();
        for (int f = 0; f < files; f++) {
            StringBuilder csv = new StringBuilder(HEADER);
            for (int i = 0; i < rows; i++) {
                String id = "B" + tag + "-" + f + "-" + i;
                int day = 1 + (f * rows + i) % 28;
                String at = "2026-02-%02dT%02d:%02d".formatted(day, 8 + i % 10, i % 60);
                csv.append(id).append(',').append(lead).append(",OUTPATIENT,").append(at).append(",,,J06.9,,\n");
                copy.append(UUID.randomUUID()).append('\t').append(lead).append('\t').append("C").append(id)
                        .append("\tOUTPATIENT\t").append(at).append("+08\t2026-02-%02d".formatted(day))
                        .append("\t\\N\t0\t0\t0\t\\N\tJ06.9\t\\N\t1\t2026-12-01T00:00Z\n");
            }
            csvs[f] = csv.toString();
        }
        return new Rows(csvs, copy.toString());
    }

    private String integrator(String tag) {
        String integrator = "p5in-" + tag;
        accounts.ensureAccount(new NewAccount(integrator, "demo", integrator, Role.INTEGRATOR, Scope.jurisdiction("310000")));
        return integrator;
    }

    @Test
    void csvIngestAgainstCopy() throws Exception {
        UUID lead = SchedulingFixture.group(registry, residents, accounts).lead().value();
        String tag = Long.toString(System.nanoTime(), 36);
        String integrator = integrator(tag);
        Rows rows = rows(lead, tag, FILES, ROWS);
        long t0 = System.nanoTime();
        for (String file : rows.files()) {
            var r = Api.as(port, integrator).send("POST", "/api/indicators/encounters", file, Map.of("Content-Type", "text/csv"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("created").asInt()).isEqualTo(ROWS);
        }
        report("CSV ingest", FILES * ROWS, (System.nanoTime() - t0) / 1e9, copySeconds(rows.copy()), lead);
    }

    /**
     * The same 80,000 rows as one file, an import job (decision 0267): from the upload to the job's end, as the
     * submitter polls it, after an untimed job of 10,000 other rows (January) so the server's code is compiled, as in a
     * server that has run before.
     */
    @Test
    void importJobAgainstCopy() throws Exception {
        UUID lead = SchedulingFixture.group(registry, residents, accounts).lead().value();
        String tag = Long.toString(System.nanoTime(), 36);
        String integrator = integrator(tag);
        Rows rows = rows(lead, tag, 1, FILES * ROWS);
        String warmUp = rows(lead, "W" + tag, 1, ROWS + 2_000).files()[0].replace("2026-02-", "2026-01-");
        assertThat(job(integrator, warmUp).get("created").asInt()).isEqualTo(ROWS + 2_000);
        long t0 = System.nanoTime();
        var done = job(integrator, rows.files()[0]);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(done.get("created").asInt()).as(done.toString()).isEqualTo(FILES * ROWS);
        report("import job", FILES * ROWS, seconds, copySeconds(rows.copy()), lead);
    }

    /** Uploads the file as an import job and waits for its end: the job as its submitter reads it then. */
    private JsonNode job(String integrator, String csv) throws Exception {
        var r = Api.as(port, integrator).send("POST", "/api/indicators/encounter-imports", csv, Map.of("Content-Type", "text/csv"));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        UUID job = UUID.fromString(r.json().get("id").asString());
        // the job row, not the API: polling over HTTP would meet the token rate limit
        String status = "QUEUED";
        while (!"DONE".equals(status) && !"FAILED".equals(status)) {
            Thread.sleep(5);
            status = jdbc.sql("select status from indicators_import_job where id = ?").param(job).query(String.class).single();
        }
        return Api.as(port, integrator).get("/api/indicators/encounter-imports/" + job).json();
    }

    /** The two references of the same run: COPY into a plain table with the facts' indexes, and into the facts table. */
    private record Copy(double plain, double facts) {
    }

    private Copy copySeconds(String copy) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (var s = c.createStatement()) {
                s.execute("drop table if exists p5_copy_reference");
                s.execute("create table p5_copy_reference (like indicators_encounter including defaults "
                        + "including constraints including indexes)");
            }
            double plain = timedCopy(c, "p5_copy_reference", copy);
            // the facts table itself: its month partitions, its three indexes and the key table's trigger
            double facts = timedCopy(c, "indicators_encounter", copy);
            try (var s = c.createStatement()) {
                s.execute("drop table p5_copy_reference");
                s.execute("delete from indicators_encounter where source_record_id like 'C%'");
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return new Copy(plain, facts);
        }
    }

    private static double timedCopy(Connection c, String table, String copy) throws Exception {
        long t1 = System.nanoTime();
        c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (id, institution_id, "
                + "source_record_id, kind, occurred_at, local_day, admitted_at, bed_days, operations, level4_operations, "
                + "drg_weight, principal_diagnosis, resident_id, revision, received_at) from stdin", new StringReader(copy));
        if (!c.getAutoCommit()) {
            c.commit();
        }
        return (System.nanoTime() - t1) / 1e9;
    }

    private void report(String what, int total, double ingest, Copy copy, UUID lead) {
        System.out.printf("P-5 rows %,d: %s %.2f s = %,.0f rows/s; COPY into a plain table %.2f s = %,.0f rows/s, ratio %.1f %%;"
                + " COPY into the facts table %.2f s = %,.0f rows/s, ratio %.1f %%%n", total, what, ingest, total / ingest,
                copy.plain(), total / copy.plain(), 100 * copy.plain() / ingest, copy.facts(), total / copy.facts(),
                100 * copy.facts() / ingest);
        assertThat(jdbc.sql("select count(*) from indicators_encounter where institution_id = ?").param(lead)
                .query(Long.class).single()).isGreaterThanOrEqualTo(total);
    }
}
