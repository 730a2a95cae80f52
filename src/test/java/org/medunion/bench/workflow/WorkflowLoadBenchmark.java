package org.medunion.bench.workflow;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.medunion.bench.ResidentLookupBenchmark;

/**
 * P-1 (quality.md): the mixed workflow load over HTTP against a RUNNING MedUnion on PostgreSQL at district scale,
 * and the same FHIR operations against a stock HAPI FHIR JPA server. NOT a test — a program; see
 * docs/benchmarks.md "P-1 mixed workflow" for the whole procedure (generate, start, seed, run, references).
 *
 * <pre>
 * java -cp … org.medunion.bench.workflow.WorkflowLoadBenchmark mode=seed port=18301 residents=5000 contracts=3000 \
 *      bulkResidents=300000 db=jdbc:postgresql://127.0.0.1:5432/medunion_bench_p1 fixture=/tmp/p1/fixture.json
 * java -cp … org.medunion.bench.workflow.WorkflowLoadBenchmark mode=seed-slots port=18301 perInterval=4   # before each run
 * java -cp … org.medunion.bench.workflow.WorkflowLoadBenchmark mode=seed-results port=18301 residents=1000 perResident=2
 * java -cp … org.medunion.bench.workflow.WorkflowLoadBenchmark mode=rest port=18301 clients=16 warmup=20 seconds=60
 * java -cp … org.medunion.bench.workflow.WorkflowLoadBenchmark mode=fhir port=18301 clients=16 warmup=20 seconds=60
 * java -cp … org.medunion.bench.workflow.WorkflowLoadBenchmark mode=seed-hapi port=8080 residents=5000 fixture=/tmp/p1/hapi.json
 * java -cp … org.medunion.bench.workflow.WorkflowLoadBenchmark mode=seed-hapi-volume port=8080    # the same volume as MedUnion
 * java -cp … org.medunion.bench.workflow.WorkflowLoadBenchmark mode=hapi port=8080 contracts=3000 fixture=/tmp/p1/hapi.json
 * </pre>
 *
 * Each transaction of the mix (REST: slot search 20 %, booking 20 %, referral create + submit 15 %, referral accept
 * with a slot 15 %, resident search 15 %, consultation request 10 %, result-recognition look-up 5 % once
 * {@code mode=seed-results} gave residents results — else slot search 25 %; FHIR: the first five at
 * 30/20/20/15/15 %) is one workflow transaction.
 */
public final class WorkflowLoadBenchmark {

    private WorkflowLoadBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String mode = args.text("mode", "rest");
        int port = args.number("port", 18301);
        Path fixtureFile = Path.of(args.text("fixture", mode.contains("hapi") ? "/tmp/p1/hapi.json" : "/tmp/p1/fixture.json"));
        System.out.printf(Locale.ROOT, "P-1 %s against 127.0.0.1:%d at %s (load average %.2f)%n", mode, port, Instant.now(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        switch (mode) {
            case "seed" -> {
                copyBulkResidents(args);
                Fixture f = new MedUnionSeeder(port).seed(args.number("residents", 5000), args.number("contracts", 3000),
                        args.number("days", 14), !"false".equals(args.text("cityWide", "true")));
                f.save(fixtureFile);
            }
            case "seed-slots" -> {
                Fixture f = Fixture.load(fixtureFile);
                new MedUnionSeeder(port).agreement(f.consortium(), f.primary(), f.hospital());
                new MedUnionSeeder(port).moreSlots(f, args.number("perInterval", 4)).save(fixtureFile);
            }
            case "seed-results" -> new DiagnosticsSeeder(port).seed(Fixture.load(fixtureFile), args.number("residents", 1000),
                    args.number("perResident", 2)).save(fixtureFile);
            case "seed-hapi" -> new HapiSeeder(port).seed(args.number("residents", 5000), args.number("days", 14)).save(fixtureFile);
            case "seed-hapi-volume" -> new HapiVolume(port).load(args.number("organizations", 3086),
                    args.number("practitioners", 28890), args.number("patients", 305000), args.number("schedules", 299),
                    args.number("days", 14));
            case "rest" -> run(args, new RestWorkload(Fixture.load(fixtureFile), port).mix());
            case "fhir" -> run(args, new FhirWorkload(Fixture.load(fixtureFile), port, false).mix());
            case "hapi" -> {
                Fixture f = Fixture.load(fixtureFile);
                int contracted = Math.min(args.number("contracts", 3000), f.residents().size());
                Fixture same = new Fixture(f.primary(), f.hospital(), f.consortium(), f.schedules(), f.dates(),
                        f.residents().subList(0, contracted));
                run(args, new FhirWorkload(same, port, true).mix());
            }
            default -> throw new IllegalArgumentException("mode: seed, seed-slots, seed-results, seed-hapi, rest, fhir or hapi");
        }
        System.out.printf(Locale.ROOT, "done at %s (load average %.2f)%n", Instant.now(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void run(Args args, List<Operation> mix) throws Exception {
        int seconds = args.number("seconds", 60);
        Recorder recorder = new LoadDriver(mix).run(args.number("clients", 16), args.number("warmup", 20), seconds);
        recorder.print(seconds);
        Recorder.Series all = recorder.total();
        System.out.printf(Locale.ROOT, "workflow transactions/s: %.1f answered (2xx + 409: %.1f), p99 %.1f ms%n",
                all.count() / (double) seconds, (all.ok + all.conflict) / (double) seconds, all.percentileMs(99));
    }

    /**
     * Documented SQL step (not an application path): tops {@code residents_resident} up with synthetic residents
     * without a source institution, so the index has district volume while the GP's scope holds the seeded ones.
     */
    private static void copyBulkResidents(Args args) throws Exception {
        int bulk = args.number("bulkResidents", 0);
        if (bulk <= 0) {
            return;
        }
        String url = args.text("db", "jdbc:postgresql://127.0.0.1:5432/medunion_bench_p1");
        try (Connection c = DriverManager.getConnection(url, "postgres", System.getenv().getOrDefault("MEDUNION_TEST_PG_PASSWORD", ""));
                var st = c.createStatement()) {
            var rs = st.executeQuery("select count(*) from residents_resident where source_institution is null");
            rs.next();
            long have = rs.getLong(1);
            if (have < bulk) {
                long t0 = System.nanoTime();
                ResidentLookupBenchmark.load(c, have, bulk);
                st.execute("analyze residents_resident");
                System.out.printf(Locale.ROOT, "COPY %,d bulk residents in %.1f s%n", bulk - have, (System.nanoTime() - t0) / 1e9);
            }
        }
    }
}
