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

/**
 * P-5: CSV encounter ingest over HTTP (as an integrator would send it, files under the 1 MB request limit) against
 * PostgreSQL COPY of the same rows, as the ingest stores them, into a scratch copy of the facts table with its indexes.
 * Run with {@code -Dmedunion.bench.ingest=true}; prints both rates and their ratio.
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

    @Test
    void csvIngestAgainstCopy() throws Exception {
        UUID lead = SchedulingFixture.group(registry, residents, accounts).lead().value();
        String tag = Long.toString(System.nanoTime(), 36);
        String integrator = "p5in-" + tag;
        accounts.ensureAccount(new NewAccount(integrator, "demo", integrator, Role.INTEGRATOR, Scope.jurisdiction("310000")));
        String[] files = new String[FILES];
        StringBuilder copy = new StringBuilder();
        for (int f = 0; f < FILES; f++) {
            StringBuilder csv = new StringBuilder(HEADER);
            for (int i = 0; i < ROWS; i++) {
                String id = "B" + tag + "-" + f + "-" + i;
                int day = 1 + (f * ROWS + i) % 28;
                String at = "2026-02-%02dT%02d:%02d".formatted(day, 8 + i % 10, i % 60);
                csv.append(id).append(',').append(lead).append(",OUTPATIENT,").append(at).append(",,,J06.9,,\n");
                copy.append(UUID.randomUUID()).append('\t').append(lead).append('\t').append("C").append(id)
                        .append("\tOUTPATIENT\t").append(at).append("+08\t2026-02-%02d".formatted(day))
                        .append("\t\\N\t0\t0\t0\t\\N\tJ06.9\t\\N\t1\t2026-12-01T00:00Z\n");
            }
            files[f] = csv.toString();
        }
        long t0 = System.nanoTime();
        for (String file : files) {
            var r = Api.as(port, integrator).send("POST", "/api/indicators/encounters", file, Map.of("Content-Type", "text/csv"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("created").asInt()).isEqualTo(ROWS);
        }
        double ingest = (System.nanoTime() - t0) / 1e9;
        double copySeconds;
        try (Connection c = dataSource.getConnection()) {
            try (var s = c.createStatement()) {
                s.execute("drop table if exists p5_copy_reference");
                s.execute("create table p5_copy_reference (like indicators_encounter including defaults "
                        + "including constraints including indexes)");
            }
            long t1 = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy p5_copy_reference (id, institution_id, "
                    + "source_record_id, kind, occurred_at, local_day, admitted_at, bed_days, operations, level4_operations, "
                    + "drg_weight, principal_diagnosis, resident_id, revision, received_at) from stdin",
                    new StringReader(copy.toString()));
            if (!c.getAutoCommit()) {
                c.commit();
            }
            copySeconds = (System.nanoTime() - t1) / 1e9;
            try (var s = c.createStatement()) {
                s.execute("drop table p5_copy_reference");
            }
        }
        int total = FILES * ROWS;
        System.out.printf("P-5 rows %,d: CSV ingest %.2f s = %,.0f rows/s; COPY %.2f s = %,.0f rows/s; ratio %.1f %%%n",
                total, ingest, total / ingest, copySeconds, total / copySeconds, 100 * copySeconds / ingest);
        assertThat(jdbc.sql("select count(*) from indicators_encounter where institution_id = ?").param(lead)
                .query(Long.class).single()).isGreaterThanOrEqualTo(total);
    }
}
