package org.medunion.bench;

import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.medunion.MedUnionApplication;
import org.medunion.identity.AccountManagement;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ResidentsManagement;
import org.medunion.scheduling.SchedulingFixture;
import org.medunion.support.Api;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * P-2 booking contention (quality.md): many clients, few slots. Not a test — a program.
 * <p>
 * Starts MedUnion on a fresh PostgreSQL database ({@code medunion_bench_scheduling}, dropped and created),
 * builds one consortium with a contracted resident, and drives {@code POST /api/scheduling/bookings} over HTTP:
 * <ol>
 *   <li>uncontended: every client books its own slots (each request should succeed);</li>
 *   <li>contended: in each round all clients race for the same few slots (each client tries every slot).</li>
 * </ol>
 * Prints requests/s of both phases, their ratio (goal ≥ 0.5) and the double bookings found in the database
 * (goal 0). Arguments (all optional): {@code clients=32 ownSlots=20 rounds=10 slotsPerRound=10}.
 * <pre>
 * ./mvnw -B -o -q test-compile && java -cp target/test-classes:target/classes:$(cat target/bench.cp) \
 *     org.medunion.bench.BookingContentionBenchmark clients=32 ownSlots=20 rounds=10 slotsPerRound=10
 * </pre>
 */
public final class BookingContentionBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BookingContentionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = arg(args, "clients", 32);
        int ownSlots = arg(args, "ownSlots", 20);
        int rounds = arg(args, "rounds", 10);
        int slotsPerRound = arg(args, "slotsPerRound", 10);
        String host = System.getenv().getOrDefault("MEDUNION_BENCH_PG", "jdbc:postgresql://127.0.0.1:5432/");
        String db = "medunion_bench_scheduling";
        try (var c = DriverManager.getConnection(host + "postgres", "postgres", "")) {
            c.createStatement().execute("drop database if exists " + db + " with (force)");
            c.createStatement().execute("create database " + db);
        }
        var app = new SpringApplicationBuilder(MedUnionApplication.class).profiles("demo")
                .properties("server.port=0", "spring.datasource.url=" + host + db, "spring.datasource.username=postgres",
                        "spring.datasource.password=", "spring.datasource.hikari.maximum-pool-size=20",
                        "medunion.data-dir=target/bench-data", "logging.level.root=WARN",
                        "logging.level.org.medunion=WARN")
                .run();
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            var group = SchedulingFixture.group(app.getBean(RegistryManagement.class), app.getBean(ResidentsManagement.class),
                    app.getBean(AccountManagement.class));
            Api lead = Api.as(port, group.leadUser());
            Api gp = Api.as(port, group.gpUser());
            String resident = group.contracted().toString();

            // warm-up (JIT, connection pools), not measured
            var warm = slotIds(lead, jdbc, group.lead().toString(), LocalDate.now(ZONE).plusDays(2), 200);
            run(clients, partition(warm, clients), gp, resident);

            // 1. uncontended: each client its own slots
            var own = slotIds(lead, jdbc, group.lead().toString(), LocalDate.now(ZONE).plusDays(3), clients * ownSlots);
            var u = run(clients, partition(own, clients), gp, resident);

            // 2. contended: all clients race for the same slotsPerRound slots, round after round
            var shared = slotIds(lead, jdbc, group.lead().toString(), LocalDate.now(ZONE).plusDays(4), rounds * slotsPerRound);
            var plans = new ArrayList<List<String>>();
            for (int c = 0; c < clients; c++) {
                var plan = new ArrayList<String>();
                var random = new Random(c);
                for (int r = 0; r < rounds; r++) {
                    var round = new ArrayList<>(shared.subList(r * slotsPerRound, (r + 1) * slotsPerRound));
                    Collections.shuffle(round, random);
                    plan.addAll(round);
                }
                plans.add(plan);
            }
            var k = run(clients, plans, gp, resident);

            long doubles = jdbc.sql("select count(*) from (select slot_id from scheduling_booking where status = 'BOOKED' "
                    + "group by slot_id having count(*) > 1) d").query(Long.class).single();
            long booked = jdbc.sql("select count(*) from scheduling_slot where status = 'BOOKED'").query(Long.class).single();
            long bookings = jdbc.sql("select count(*) from scheduling_booking where status = 'BOOKED'").query(Long.class).single();

            double ratio = k.perSecond() / u.perSecond();
            System.out.println();
            System.out.println("P-2 booking contention (" + clients + " clients, PostgreSQL, HTTP)");
            System.out.printf("uncontended: %d requests in %.2f s = %.1f requests/s (201: %d, 409: %d, other: %d)%n",
                    u.requests, u.seconds, u.perSecond(), u.created, u.conflicts, u.other);
            System.out.printf(
                    "contended:   %d requests for %d slots (%d rounds x %d) in %.2f s = %.1f requests/s (201: %d, 409: %d, other: %d)%n",
                    k.requests, shared.size(), rounds, slotsPerRound, k.seconds, k.perSecond(), k.created, k.conflicts, k.other);
            System.out.printf("ratio contended / uncontended: %.2f (goal >= 0.50) %s%n", ratio, ratio >= 0.5 ? "PASS" : "FAIL");
            System.out.printf("double bookings: %d (goal 0) %s; booked slots %d = active bookings %d%n", doubles,
                    doubles == 0 ? "PASS" : "FAIL", booked, bookings);
            System.out.printf("contended winners: %d of %d slots%n", k.created, shared.size());
        } finally {
            app.close();
        }
    }

    record Phase(int requests, double seconds, int created, int conflicts, int other) {

        double perSecond() {
            return requests / seconds;
        }
    }

    static Phase run(int clients, List<List<String>> plans, Api gp, String resident) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        var created = new AtomicInteger();
        var conflicts = new AtomicInteger();
        var other = new AtomicInteger();
        try {
            var tasks = new ArrayList<Callable<Void>>();
            for (var plan : plans) {
                tasks.add(() -> {
                    for (String slot : plan) {
                        var r = gp.post("/api/scheduling/bookings", "{\"slotId\":\"" + slot + "\",\"residentId\":\"" + resident + "\"}");
                        switch (r.status()) {
                            case 201 -> created.incrementAndGet();
                            case 409 -> conflicts.incrementAndGet();
                            default -> other.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            long t0 = System.nanoTime();
            for (var f : pool.invokeAll(tasks)) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            int requests = plans.stream().mapToInt(List::size).sum();
            return new Phase(requests, seconds, created.get(), conflicts.get(), other.get());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Publishes one day of public and reserved expert slots (5-minute, parallel rooms) and returns at least {@code n} IDs. */
    static List<String> slotIds(Api lead, JdbcClient jdbc, String institution, LocalDate day, int n) {
        int perInterval = Math.max(1, (n + 287) / 288);
        var r = lead.post("/api/scheduling/schedules", """
                {"institutionId":"%s","department":"心内科","kind":"OUTPATIENT_EXPERT","periodStart":"%s","periodEnd":"%s",
                 "dayStart":"00:00","dayEnd":"23:55","slotMinutes":5,"perInterval":%d}""".formatted(institution, day, day, perInterval));
        if (r.status() != 201) {
            throw new IllegalStateException(r.body());
        }
        List<String> out = jdbc.sql("select id from scheduling_slot where schedule_id = ? order by start_at, id")
                .param(java.util.UUID.fromString(r.json().get("id").asString()))
                .query((rs, i) -> rs.getString(1)).list();
        if (out.size() < n) {
            throw new IllegalStateException("need " + n + " slots, got " + out.size());
        }
        return new ArrayList<>(out.subList(0, n));
    }

    static List<List<String>> partition(List<String> ids, int parts) {
        var out = new ArrayList<List<String>>();
        for (int i = 0; i < parts; i++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < ids.size(); i++) {
            out.get(i % parts).add(ids.get(i));
        }
        return out;
    }

    private static int arg(String[] args, String name, int fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 1));
            }
        }
        return fallback;
    }
}
