package org.medunion.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.medunion.demo.internal.SyntheticEncounters;
import org.medunion.demo.internal.SyntheticEncounters.Scale;
import org.medunion.demo.internal.SyntheticEncounters.Site;
import org.medunion.indicators.EncounterKind;
import org.medunion.indicators.internal.DayDeltas;
import org.medunion.indicators.internal.DayRollups;
import org.medunion.indicators.internal.MonthRollups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * P-3 and P-4 (quality.md). NOT a test — a program, run with the test classpath:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) org.medunion.bench.IndicatorsScaleBenchmark district
 * java -Xmx1g -cp … org.medunion.bench.IndicatorsScaleBenchmark city
 * </pre>
 *
 * {@code district}: database {@code medunion_bench_h5_district} (created and migrated with the application's Flyway
 * migrations, PostgreSQL locations, so the facts are partitioned by month); a year of {@link SyntheticEncounters} (10M
 * visits, 3,100 institutions) loaded with COPY once; then P-4 — the module's full recompute of the year
 * ({@link DayRollups#recompute}) against one hand-written aggregate of the same rows into a table of the same shape,
 * and the same aggregate in DuckDB ({@link IndicatorsDuckDb}); P-3 — a day of new encounters, the module's refresh
 * ({@link DayRollups#refresh}) against one hand-written aggregate over that day's rows; and the dashboard queries
 * ({@link IndicatorsDashboardQueries}). {@code city}: database {@code medunion_bench_h5_city}; 100M visits over 9,000
 * institutions streamed through the generator and folded into day rows as they pass (the facts are not stored), then
 * the dashboard queries. Every timing is the median of alternating runs, printed with its reference and the ratio.
 */
public final class IndicatorsScaleBenchmark {

    static final long SEED = 42;
    static final LocalDate FROM = LocalDate.of(2025, 12, 1);
    static final int DAYS = 365;
    static final LocalDate TO = FROM.plusDays(DAYS);
    /** The day of new encounters for P-3: the day after the loaded year. */
    static final LocalDate NEW_DAY = TO;
    static final int DISTRICTS = 16;

    private IndicatorsScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Scale scale = Scale.parse(args.length > 0 ? args[0] : "district");
        // -Dbench.fraction=10: a tenth of the scale's visits (same institutions) in its own database, to iterate quickly
        int fraction = Integer.getInteger("bench.fraction", 1);
        long visits = scale.visitsPerYear / fraction;
        String url = System.getenv().getOrDefault("MEDUNION_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/medunion_bench_h5_"
                + scale.name().toLowerCase(Locale.ROOT) + (fraction == 1 ? "" : "_" + fraction));
        // -Dbench.only=p3,p4: the parts to run (default all: p4, p3, dashboard)
        List<String> only = Arrays.asList(System.getProperty("bench.only", "p4,p3,dashboard").split(","));
        String user = System.getenv().getOrDefault("MEDUNION_TEST_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("MEDUNION_TEST_PG_PASSWORD", "");
        System.out.println("load average before: " + loadAverage());
        ResidentLookupBenchmark.createDatabaseIfMissing(url, user, password);
        Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").outOfOrder(true).load().migrate();
        List<Site> sites = SyntheticEncounters.sites(SEED, scale.institutions, DISTRICTS);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            var jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));
            if (Boolean.getBoolean("bench.explain")) { // every statement's plan with timings and buffers to the server log
                jdbc.execute("load 'auto_explain'");
                jdbc.execute("set auto_explain.log_min_duration = 0");
                jdbc.execute("set auto_explain.log_analyze = on");
                jdbc.execute("set auto_explain.log_buffers = on");
            }
            if (scale == Scale.CITY) {
                loadCityDays(c, jdbc, sites, visits);
                closeMonths(jdbc);
            } else {
                loadFacts(c, jdbc, sites, visits);
                closeMonths(jdbc);
                if (only.contains("p4")) {
                    p4(jdbc, sites);
                }
                if (only.contains("p3")) {
                    p3(c, jdbc, sites, visits);
                }
                if (Arrays.asList(args).contains("duckdb")) {
                    IndicatorsDuckDb.run(c, jdbc, Path.of(System.getProperty("java.io.tmpdir"), "medunion-bench-h5"));
                }
            }
            if (only.contains("dashboard")) {
                new IndicatorsDashboardQueries(jdbc, sites).run(FROM, TO);
            }
        }
        System.out.println("load average after: " + loadAverage());
    }

    /**
     * The loaded year's months closed as the application closes them after each month ends (decision 0266): their
     * month rows written from the day rows. P-3's new day is in the open month after the year.
     */
    private static void closeMonths(JdbcTemplate jdbc) {
        if (Boolean.getBoolean("bench.daysOnly")) { // -Dbench.daysOnly=true: the dashboard over day rows alone, as before 0266
            System.out.println("months left open: the dashboard reads day rows only");
            return;
        }
        var months = new MonthRollups(jdbc);
        var open = months.toClose(TO);
        long t0 = System.nanoTime();
        open.forEach(m -> months.close(m, Instant.now()));
        if (!open.isEmpty()) {
            jdbc.execute("vacuum analyze indicators_month");
            System.out.printf(Locale.ROOT, "closed %d months in %.1f s: %,d month rows%n", open.size(), (System.nanoTime() - t0) / 1e9,
                    jdbc.queryForObject("select count(*) from indicators_month", Long.class));
        }
    }

    private static void loadFacts(Connection c, JdbcTemplate jdbc, List<Site> sites, long visits) throws Exception {
        Long facts = jdbc.queryForObject("select count(*) from indicators_encounter where local_day < ?", Long.class, TO);
        if (facts != null && facts > 0) {
            System.out.printf(Locale.ROOT, "facts present: %,d (nothing loaded)%n", facts);
            return;
        }
        IndicatorsBenchData.partitions(c, FROM, TO.plusDays(1));
        var sink = new IndicatorsBenchData.CopySink(c);
        long t0 = System.nanoTime();
        var summary = SyntheticEncounters.generate(SEED, visits, sites, FROM, DAYS, sink);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "loaded %,d facts (%,d visits, %,d discharges, %,d operations, %,d level 4) for %,d institutions "
                + "with COPY in %.1f s: %,.0f rows/s; max heap used at a day's end %d MB, peak RSS %d MB%n", sink.rows, summary.visits(),
                summary.discharges(), summary.operations(), summary.level4(), sites.size(), s, sink.rows / s,
                sink.memory.maxHeapUsed >> 20, IndicatorsBenchData.Memory.peakRssMb());
        jdbc.execute("vacuum analyze indicators_encounter");
        jdbc.execute("vacuum analyze indicators_encounter_key");
        System.out.println("facts size with indexes: " + jdbc.queryForObject(
                "select pg_size_pretty(sum(pg_total_relation_size(c.oid))) from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                        + "where i.inhparent = 'indicators_encounter'::regclass",
                String.class)
                + "; key table: " + jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('indicators_encounter_key'))",
                        String.class));
    }

    private static void loadCityDays(Connection c, JdbcTemplate jdbc, List<Site> sites, long visits) throws Exception {
        Long rows = jdbc.queryForObject("select count(*) from indicators_day", Long.class);
        if (rows != null && rows > 0) {
            System.out.printf(Locale.ROOT, "day rows present: %,d (nothing loaded)%n", rows);
            return;
        }
        IndicatorsBenchData.partitions(c, FROM, TO.plusDays(1)); // the day rows' monthly partitions (V13_60)
        var sink = new IndicatorsBenchData.DayRowSink(c, sites);
        long t0 = System.nanoTime();
        var summary = SyntheticEncounters.generate(SEED, visits, sites, FROM, DAYS, sink);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "streamed %,d facts (%,d visits, %,d discharges) for %,d institutions in %.1f s (%,.0f facts/s), "
                + "folded into %,d day rows written with COPY; max heap used at a day's end %d MB, peak RSS %d MB%n", sink.facts,
                summary.visits(), summary.discharges(), sites.size(), s, sink.facts / s, sink.dayRows, sink.memory.maxHeapUsed >> 20,
                IndicatorsBenchData.Memory.peakRssMb());
        jdbc.execute("vacuum analyze indicators_day");
    }

    /** P-4: the module's full recompute of the year against one hand-written aggregate into a table of the same shape. */
    private static void p4(JdbcTemplate jdbc, List<Site> sites) {
        var rollups = new DayRollups(jdbc);
        Set<UUID> primary = new HashSet<>();
        sites.stream().filter(Site::primary).forEach(s -> primary.add(s.institution()));
        referenceTable(jdbc);
        var module = new ArrayList<Double>();
        var reference = new ArrayList<Double>();
        var aggregateOnly = new ArrayList<Double>();
        for (int rep = 0; rep < 3; rep++) {
            module.add(time(() -> rollups.recompute(FROM, TO, primary, Instant.now())));
            jdbc.execute("vacuum analyze indicators_day");
            jdbc.execute("truncate bench_ref_day");
            reference.add(time(() -> jdbc.update("insert into bench_ref_day " + handWritten("local_day >= ? and local_day < ?"),
                    FROM, TO)));
            aggregateOnly.add(time(() -> jdbc.queryForObject("select count(*) from (" + handWritten(
                    "local_day >= ? and local_day < ?") + ") a", Long.class, FROM, TO)));
        }
        print("P-4 full recompute of a year", module, reference, aggregateOnly);
        Long dayRows = jdbc.queryForObject("select count(*) from indicators_day where local_day >= ? and local_day < ?", Long.class, FROM,
                TO);
        Long same = jdbc.queryForObject("""
                select count(*) from indicators_day d join bench_ref_day r on r.institution_id = d.institution_id
                and r.local_day = d.local_day and r.visits = d.visits and r.discharges = d.discharges and r.bed_days = d.bed_days
                and r.level4_operations = d.level4_operations and r.drg_weight_sum = d.drg_weight_sum""", Long.class);
        System.out.printf(Locale.ROOT, "  day rows %,d; equal to the hand-written aggregate's: %,d%n", dayRows, same);
    }

    /** P-3: a day of new encounters (COPY, not timed here: P-5), then the module's refresh of that day vs one aggregate. */
    private static void p3(Connection c, JdbcTemplate jdbc, List<Site> sites, long visits) throws Exception {
        Long present = jdbc.queryForObject("select count(*) from indicators_encounter where local_day = ?", Long.class, NEW_DAY);
        if (present == null || present == 0) {
            IndicatorsBenchData.partitions(c, NEW_DAY, NEW_DAY.plusDays(1));
            var sink = new IndicatorsBenchData.CopySink(c);
            SyntheticEncounters.generate(SEED + 1, visits, sites, NEW_DAY, 1, sink);
            jdbc.execute("analyze indicators_encounter");
            present = sink.rows;
        }
        Map<UUID, Boolean> primaryOf = new LinkedHashMap<>();
        sites.forEach(s -> primaryOf.put(s.institution(), s.primary()));
        var touched = new LinkedHashMap<UUID, Boolean>();
        jdbc.queryForList("select distinct institution_id from indicators_encounter where local_day = ?", UUID.class, NEW_DAY)
                .forEach(i -> touched.put(i, primaryOf.getOrDefault(i, false)));
        var days = new TreeMap<LocalDate, Map<UUID, Boolean>>(Map.of(NEW_DAY, touched));
        referenceTable(jdbc); // P-3 alone (-Dbench.only=p3) runs without P-4, which made it before
        var rollups = new DayRollups(jdbc);
        // the day's facts as an ingest holds them in memory (read untimed): the delta path adds their sums (decision 0270)
        var facts = jdbc.query("select institution_id, kind, bed_days, operations, level4_operations, drg_weight "
                + "from indicators_encounter where local_day = ?",
                (rs, n) -> new DayFact(rs.getObject(1, UUID.class),
                        EncounterKind.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getBigDecimal(6)),
                NEW_DAY);
        var module = new ArrayList<Double>();
        var delta = new ArrayList<Double>();
        var fresh = new ArrayList<Double>();
        var reference = new ArrayList<Double>();
        var aggregateOnly = new ArrayList<Double>();
        inTransaction(c, () -> rollups.refresh(days, Instant.now())); // the day's rows exist: each timed refresh replaces them
        // three untimed rounds first: the module's Java (the delta sums, the arrays) runs compiled, as in a running server
        for (int rep = -WARM_UP; rep < 9; rep++) {
            var timed = rep >= 0;
            // the refresh as the ingest runs it: its statements in one transaction, with the one commit the reference has too
            keep(timed, module, time(() -> inTransaction(c, () -> rollups.refresh(days, Instant.now()))));
            jdbc.execute("truncate bench_ref_day");
            keep(timed, reference, time(() -> jdbc.update("insert into bench_ref_day " + handWritten("local_day = ?"), NEW_DAY)));
            jdbc.update("delete from indicators_day where local_day = ?", NEW_DAY); // untimed, like the reference's truncate
            keep(timed, fresh, time(() -> inTransaction(c, () -> rollups.refresh(days, Instant.now()))));
            keep(timed, aggregateOnly, time(() -> jdbc.queryForObject("select count(*) from (" + handWritten("local_day = ?")
                    + ") a", Long.class, NEW_DAY)));
            jdbc.update("delete from indicators_day where local_day = ?", NEW_DAY); // untimed, as above
            keep(timed, delta, time(() -> inTransaction(c, () -> rollups.refresh(Map.of(), deltas(facts, primaryOf),
                    Instant.now()))));
        }
        System.out.printf(Locale.ROOT, "P-3 a day of new encounters: %,d facts at %,d institutions%n", present, touched.size());
        print("P-3 refresh after a day, its rows present (replaced)", module, reference, aggregateOnly);
        print("P-3 refresh after a day, its rows absent (written)", fresh, reference, aggregateOnly);
        print("P-3 the day's new facts' sums added (delta, rows absent)", delta, reference, aggregateOnly);
    }

    /** Untimed rounds of P-3 before the nine timed ones. */
    private static final int WARM_UP = 3;

    private static void keep(boolean timed, List<Double> runs, double ms) {
        if (timed) {
            runs.add(ms);
        }
    }

    /** A fact of the new day as the ingest holds it before writing. */
    private record DayFact(UUID institution, EncounterKind kind, int bedDays, int operations, int level4,
                           @Nullable BigDecimal drgWeight) {
    }

    /** The sums per institution of the day, taken in memory as {@code EncounterIngest} takes them. */
    private static List<DayDeltas.Delta> deltas(List<DayFact> facts, Map<UUID, Boolean> primaryOf) {
        var out = new LinkedHashMap<UUID, DayDeltas.Delta>();
        for (DayFact f : facts) {
            out.computeIfAbsent(f.institution(), i -> new DayDeltas.Delta(i, NEW_DAY, primaryOf.getOrDefault(i, false)))
                    .add(f.kind(), f.bedDays(), f.operations(), f.level4(), f.drgWeight());
        }
        return new ArrayList<>(out.values());
    }

    /** Runs {@code work} in one transaction on the benchmark's single connection and commits it. */
    static <T> T inTransaction(Connection c, Supplier<T> work) {
        try {
            c.setAutoCommit(false);
            T result = work.get();
            c.commit();
            c.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One hand-written aggregate of the facts into the day rollup's columns (every institution non-primary). */
    static String handWritten(String where) {
        return """
                select institution_id, local_day, false,
                       sum(case when kind = 'INPATIENT' then 0 else 1 end), sum(case when kind = 'INPATIENT' then 1 else 0 end),
                       sum(bed_days), sum(operations), sum(level4_operations), coalesce(sum(drg_weight), 0), count(drg_weight),
                       count(*), now()
                from indicators_encounter""" + " where " + where + " group by institution_id, local_day";
    }

    private static void referenceTable(JdbcTemplate jdbc) {
        jdbc.execute("create table if not exists bench_ref_day (like indicators_day including all)");
    }

    static double time(Supplier<?> work) {
        long t0 = System.nanoTime();
        Object unused = work.get();
        return (System.nanoTime() - t0) / 1e6;
    }

    static double median(List<Double> xs) {
        var s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }

    private static void print(String what, List<Double> module, List<Double> reference, List<Double> aggregateOnly) {
        double m = median(module);
        double r = median(reference);
        double a = median(aggregateOnly);
        System.out.printf(Locale.ROOT, "%s: module %.1f ms, hand-written aggregate into a table %.1f ms (ratio %.2f), aggregate alone "
                + "%.1f ms (ratio %.2f)%n  runs module %s, reference %s, aggregate alone %s%n  per-run ratios module / reference %s, "
                + "median %.2f%n", what, m, r, m / r, a, m / a, round(module), round(reference), round(aggregateOnly),
                round(ratios(module,
                        reference)),
                median(ratios(module, reference)));
    }

    /** Each run's module time over the reference time of the same repetition (they alternate). */
    static List<Double> ratios(List<Double> module, List<Double> reference) {
        var out = new ArrayList<Double>();
        for (int i = 0; i < module.size(); i++) {
            out.add(module.get(i) / reference.get(i));
        }
        return out;
    }

    static String round(List<Double> xs) {
        return xs.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList().toString();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }
}
