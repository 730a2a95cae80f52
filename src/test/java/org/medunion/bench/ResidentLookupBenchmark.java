package org.medunion.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.medunion.shared.ResidentIdNumber;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * P-6 (quality.md): resident look-up by ID number at 10M residents, p99 &lt; 2 ms in process. NOT a test — a
 * program:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.medunion.bench.ResidentLookupBenchmark 1000000
 * </pre>
 *
 * Arguments: N residents (default 1,000,000), lookups to time (default 200,000). Creates the database
 * {@code medunion_bench_residents} on 127.0.0.1:5432 if missing (MEDUNION_BENCH_PG_URL overrides), migrates
 * it with the application's Flyway migrations, tops residents_resident up to N rows with COPY, then looks
 * residents up by ID number through a Hikari pool with the same SQL as the residents module's store
 * ({@code select … from residents_resident r where r.id_number = ?}, answered by the unique index), and prints
 * p50 / p99 / p99.9 / max.
 */
public final class ResidentLookupBenchmark {

    private static final String COLUMNS = "r.id, r.id_number, r.name, r.sex, r.birth_date, r.phone, r.district_code, "
            + "r.source_institution, r.created_at, r.version";
    private static final String[] REGIONS = {"310101", "310104", "310105", "310106", "310107", "310109", "310110",
            "310112", "310113", "310114", "310115", "310116", "310117", "310118", "310120", "310151"};
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1930, 1, 1);

    private ResidentLookupBenchmark() {
    }

    /** The i-th synthetic resident ID number: unique per i (birth day = i / 1000, sequence = i % 1000). */
    static String idNumber(long i) {
        LocalDate birth = FIRST_BIRTH.plusDays(i / 1000);
        String first17 = REGIONS[(int) (i % REGIONS.length)]
                + String.format(Locale.ROOT, "%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), i % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000L;
        int lookups = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 200_000;
        String url = System.getenv().getOrDefault("MEDUNION_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/medunion_bench_residents");
        String user = System.getenv().getOrDefault("MEDUNION_TEST_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("MEDUNION_TEST_PG_PASSWORD", "");
        createDatabaseIfMissing(url, user, password);
        Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").outOfOrder(true).load().migrate();

        long existing;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            existing = JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true))
                    .sql("select count(*) from residents_resident").query(Long.class).single();
            if (existing < n) {
                long t0 = System.nanoTime();
                load(c, existing, n);
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "loaded %,d residents with COPY in %.1f s (%,.0f rows/s)%n", n - existing, s,
                        (n - existing) / s);
                try (var st = c.createStatement()) {
                    st.execute("analyze residents_resident");
                }
            }
        }
        long rows = Math.max(existing, n);

        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        try (var ds = new HikariDataSource(config)) {
            JdbcClient jdbc = JdbcClient.create(ds);
            var random = new SplittableRandom(42);
            String sql = "select " + COLUMNS + " from residents_resident r where r.id_number = ?";
            // warm-up: JIT, pool, plan cache, and a share of the index in shared buffers
            for (int i = 0; i < 20_000; i++) {
                lookup(jdbc, sql, idNumber(random.nextLong(rows)));
            }
            long[] nanos = new long[lookups];
            int found = 0;
            long start = System.nanoTime();
            for (int i = 0; i < lookups; i++) {
                String id = idNumber(random.nextLong(rows));
                long t = System.nanoTime();
                found += lookup(jdbc, sql, id);
                nanos[i] = System.nanoTime() - t;
            }
            double total = (System.nanoTime() - start) / 1e9;
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT,
                    "P-6 resident look-up by ID number: N=%,d residents, %,d lookups (%d found), %.0f lookups/s single-threaded%n",
                    rows, lookups, found, lookups / total);
            System.out.printf(Locale.ROOT,
                    "  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms  (target p99 < 2 ms at 10M)%n",
                    pct(nanos, 50), pct(nanos, 90), pct(nanos, 99), pct(nanos, 99.9), nanos[nanos.length - 1] / 1e6);
            long size = jdbc.sql("select pg_total_relation_size('residents_resident')").query(Long.class).single();
            System.out.printf(Locale.ROOT, "  residents_resident with indexes: %,d MB; at %s%n", size / (1024 * 1024), Instant.now());
        }
    }

    private static int lookup(JdbcClient jdbc, String sql, String idNumber) {
        return jdbc.sql(sql).param(idNumber).query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getDate(5), rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class),
                rs.getTimestamp(9), rs.getLong(10)}).optional().isPresent() ? 1 : 0;
    }

    private static double pct(long[] sorted, double p) {
        int idx = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, idx)] / 1e6;
    }

    /** Adds synthetic residents {@code from} … {@code to − 1} with COPY (no source institution); also used by P-1. */
    public static void load(Connection c, long from, long to) throws Exception {
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        String[] surnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"};
        String[] given = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超"};
        String now = Instant.now().toString();
        int chunk = 100_000;
        var random = new SplittableRandom(7 + from * 1_000_003L); // a top-up must not repeat the UUIDs of an earlier load
        for (long start = from; start < to; start += chunk) {
            long end = Math.min(to, start + chunk);
            var sb = new StringBuilder((int) (end - start) * 140);
            for (long i = start; i < end; i++) {
                String id = idNumber(i);
                LocalDate birth = FIRST_BIRTH.plusDays(i / 1000);
                String sex = ((id.charAt(16) - '0') % 2 == 1) ? "1" : "2";
                sb.append(new UUID(random.nextLong(), random.nextLong())).append('\t').append(id).append('\t')
                        .append(surnames[(int) (i % 16)]).append(given[(int) ((i / 16) % 16)]).append('\t').append(sex).append('\t')
                        .append(birth).append('\t').append("13").append(String.format(Locale.ROOT, "%09d", i % 1_000_000_000L)).append('\t')
                        .append(id, 0, 6).append('\t').append("\\N").append('\t').append(now).append('\t').append('0').append('\n');
            }
            copy.copyIn(
                    "copy residents_resident (id, id_number, name, sex, birth_date, phone, district_code, source_institution, created_at, version) from stdin",
                    new StringReader(sb.toString()));
            if ((end / chunk) % 10 == 0) {
                System.out.printf(Locale.ROOT, "  … %,d rows%n", end);
            }
        }
    }

    /** Creates the benchmark's database on the same server when it is not there (the other benchmarks reuse it). */
    static void createDatabaseIfMissing(String url, String user, String password) throws Exception {
        String db = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, user, password); var st = c.createStatement()) {
            var rs = st.executeQuery("select 1 from pg_database where datname = '" + db.replace("'", "") + "'");
            if (!rs.next()) {
                st.execute("create database " + db.replaceAll("[^a-z0-9_]", ""));
                System.out.println("created database " + db);
            }
        }
    }
}
