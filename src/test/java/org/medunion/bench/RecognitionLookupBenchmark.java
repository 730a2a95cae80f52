package org.medunion.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.ToIntFunction;
import javax.sql.DataSource;
import org.medunion.MedUnionApplication;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * P-8 (quality.md): result-recognition look-up at order entry at 10 million results, p99 &lt; 20 ms in process. NOT
 * a test — a program:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) org.medunion.bench.RecognitionLookupBenchmark
 * </pre>
 *
 * Arguments: N results (default 10,000,000), R residents (default 1,500,000), look-ups to time (default 100,000).
 * Creates the database {@code medunion_bench_recognition} on 127.0.0.1:5432 if missing (MEDUNION_BENCH_PG overrides
 * the server URL up to the database name) and starts the whole application on it: the first start migrates it and
 * loads the demo city (catalogue, the Shanghai and Guangxi lists, centres and QC records, the gp account); later
 * starts find the demo city present and load nothing. Then it adds R residents whose records the gp's centre holds
 * and N results of theirs (server-side {@code insert … select … generate_series}; a re-run finds them and loads
 * nothing), and times {@link DiagnosticsManagement#findRecognisable} — the module's own transaction, care
 * relationship check, list, QC and registry look-ups, verdicts, reason texts and audit row — as the gp, for random
 * residents and items, single-threaded after a warm-up. The reference in the same run is the bare indexed SQL of the
 * look-up ({@code ResultStore.forLookup}) on the application's own pool.
 */
public final class RecognitionLookupBenchmark {

    /** The demo catalogue with the share of results per item (percent). */
    private static final List<String> ITEMS = List.of("GLU", "HBA1C", "LIPID4", "ELEC4", "CT-CHEST", "ECG12");
    private static final String TAG = "p8-bench";

    private RecognitionLookupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        int residents = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 1_500_000;
        int lookups = args.length > 2 ? Integer.parseInt(args[2].replace("_", "")) : 100_000;
        String host = System.getenv().getOrDefault("MEDUNION_BENCH_PG", "jdbc:postgresql://127.0.0.1:5432/");
        String db = "medunion_bench_recognition";
        try (var c = java.sql.DriverManager.getConnection(host + "postgres", "postgres", "");
                var st = c.createStatement()) {
            if (!st.executeQuery("select 1 from pg_database where datname = '" + db + "'").next()) {
                st.execute("create database " + db);
                System.out.println("created database " + db);
            }
        }
        long t0 = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(MedUnionApplication.class).profiles("demo")
                .run("--server.port=0", "--spring.datasource.url=" + host + db, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--medunion.data-dir=target/bench-recognition", "--logging.level.root=WARN",
                        "--logging.level.org.medunion=WARN", "--spring.main.banner-mode=off");
        System.out.printf(Locale.ROOT, "application started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            UUID gpCentre = UUID.fromString(jdbc.sql("select scope_ref from identity_account where username = 'gp'")
                    .query(String.class).single());
            new RecognitionBenchData(app.getBean(DataSource.class), TAG, gpCentre).ensure(n, residents, ITEMS);
            var user = new CurrentUser("gp", "gp", Role.GP, Scope.institution(gpCentre));
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null, List.of()));
            DiagnosticsManagement diagnostics = app.getBean(DiagnosticsManagement.class);
            LocalDate today = LocalDate.now();

            ToIntFunction<Pick> service = p -> diagnostics.findRecognisable(p.resident(), p.item(), null, today).candidates().size();
            ToIntFunction<Pick> bare = p -> jdbc.sql("""
                    select * from diagnostics_report where resident_id = ? and item_code = ?
                     order by result_date desc fetch first 20 rows only""").params(p.resident(), p.item())
                    .query((rs, i) -> rs.getObject("id", UUID.class)).list().size();
            long results = jdbc.sql("select count(*) from diagnostics_report").query(Long.class).single();
            double load = loadAverage();
            var s = time("findRecognisable (service, as gp)", service, residents, lookups, 20_000, 1);
            var r = time("bare indexed SQL (reference)", bare, residents, lookups, 20_000, 2);
            long size = jdbc.sql("select pg_total_relation_size('diagnostics_report')").query(Long.class).single();
            long index = jdbc.sql("select pg_relation_size('diagnostics_report_lookup')").query(Long.class).single();
            System.out.printf(Locale.ROOT, "P-8 at %,d results (%,d bench residents): service p99 %.3f ms, reference p99 %.3f ms"
                    + " (target p99 < 20 ms)%n", results, residents, s, r);
            System.out.printf(Locale.ROOT, "  diagnostics_report with indexes: %,d MB (lookup index %,d MB); load average %.2f before,"
                    + " %.2f after; at %s%n", size >> 20, index >> 20, load, loadAverage(), Instant.now());
        } finally {
            SecurityContextHolder.clearContext();
            app.close();
        }
    }

    record Pick(UUID resident, String item) {
    }

    /** Warm-up, then {@code lookups} timed look-ups of random residents and items; prints and returns the p99 in ms. */
    private static double time(String what, ToIntFunction<Pick> lookup, int residents, int lookups, int warmUp, long seed) {
        var random = new SplittableRandom(seed);
        long warm = 0;
        for (int i = 0; i < warmUp; i++) {
            warm += lookup.applyAsInt(pick(random, residents));
        }
        long[] nanos = new long[lookups];
        long candidates = 0;
        int empty = 0;
        long start = System.nanoTime();
        for (int i = 0; i < lookups; i++) {
            Pick p = pick(random, residents);
            long t = System.nanoTime();
            int found = lookup.applyAsInt(p);
            nanos[i] = System.nanoTime() - t;
            candidates += found;
            empty += found == 0 ? 1 : 0;
        }
        double total = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT,
                "%s: %,d look-ups after %,d warm-up (%,d results), %.0f/s single-threaded, %.2f results each (%,d none)%n",
                what, lookups, warmUp, warm, lookups / total, candidates / (double) lookups, empty);
        System.out.printf(Locale.ROOT, "  p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms%n", pct(nanos, 50),
                pct(nanos, 95), pct(nanos, 99), pct(nanos, 99.9), nanos[nanos.length - 1] / 1e6);
        return pct(nanos, 99);
    }

    private static Pick pick(SplittableRandom random, int residents) {
        return new Pick(RecognitionBenchData.residentId(TAG, random.nextInt(residents)), ITEMS.get(random.nextInt(ITEMS.size())));
    }

    private static double pct(long[] sorted, double p) {
        int idx = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, idx)] / 1e6;
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The UUID PostgreSQL makes of {@code md5(text)::uuid}. */
    static UUID md5Uuid(String text) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = (hi << 8) | (d[i] & 0xff);
                lo = (lo << 8) | (d[i + 8] & 0xff);
            }
            return new UUID(hi, lo);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
