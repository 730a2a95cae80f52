package org.medunion.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.medunion.demo.internal.SyntheticEncounters.Site;
import org.medunion.indicators.internal.DaySums;
import org.medunion.indicators.internal.DaySums.Window;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's queries (P-3, p95 &lt; 100 ms): the module's own {@link DaySums} — the one query behind every
 * encounter indicator value — for random subjects and periods of the loaded year: an institution's month, a
 * consortium's month, quarter and year, a district's month and year (and its hospitals only, I-4), single-threaded
 * after a warm-up; percentiles per kind and over all.
 */
final class IndicatorsDashboardQueries {

    private static final int WARM_UP = 50;
    private static final int TIMED = 300;

    private final DaySums sums;
    private final List<Site> sites;
    private final Map<UUID, List<Site>> consortia = new LinkedHashMap<>();
    private final Map<String, List<Site>> districts = new LinkedHashMap<>();

    IndicatorsDashboardQueries(JdbcTemplate jdbc, List<Site> sites) {
        this.sums = new DaySums(JdbcClient.create(jdbc));
        this.sites = sites;
        sites.forEach(s -> {
            if (s.consortium() != null) {
                consortia.computeIfAbsent(s.consortium(), k -> new ArrayList<>()).add(s);
            }
            districts.computeIfAbsent(s.district(), k -> new ArrayList<>()).add(s);
        });
    }

    private record Kind(String name, int months, boolean hospitalsOnly) {
    }

    void run(LocalDate from, LocalDate to) {
        var random = new SplittableRandom(7);
        var kinds = List.of(new Kind("institution month", 1, false), new Kind("consortium month", 1, false),
                new Kind("consortium quarter", 3, false), new Kind("consortium year", 12, false),
                new Kind("district month", 1, false), new Kind("district year", 12, false),
                new Kind("district year, hospitals (I-4)", 12, true));
        var all = new ArrayList<Double>();
        System.out.printf(Locale.ROOT,
                "dashboard queries (DaySums over day rows and closed months' rows, %d timed each after %d warm-up):%n", TIMED,
                WARM_UP);
        for (Kind k : kinds) {
            var times = new ArrayList<Double>();
            for (int i = 0; i < WARM_UP + TIMED; i++) {
                List<Window> windows = windows(k, random, from, to);
                double ms = IndicatorsScaleBenchmark.time(() -> sums.sums(windows, k.hospitalsOnly()));
                if (i >= WARM_UP) {
                    times.add(ms);
                }
            }
            all.addAll(times);
            System.out.printf(Locale.ROOT, "  %-32s p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (%d institutions)%n", k.name(),
                    pct(times, 50), pct(times, 95), pct(times, 99), pct(times, 100), windows(k, new SplittableRandom(1), from, to).size());
        }
        System.out.printf(Locale.ROOT, "  all: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms over %d queries%n", pct(all, 50), pct(all, 95),
                pct(all, 99), all.size());
    }

    private List<Window> windows(Kind k, SplittableRandom random, LocalDate from, LocalDate to) {
        LocalDate start = k.months() == 12 ? from : from.plusMonths(random.nextInt(12 / k.months()) * (long) k.months());
        LocalDate end = k.months() == 12 ? to : start.plusMonths(k.months());
        List<Site> members;
        if (k.name().startsWith("institution")) {
            members = List.of(sites.get(random.nextInt(sites.size())));
        } else if (k.name().startsWith("consortium")) {
            var list = new ArrayList<>(consortia.values());
            members = list.get(random.nextInt(list.size()));
        } else {
            var list = new ArrayList<>(districts.values());
            members = list.get(random.nextInt(list.size()));
        }
        return members.stream().map(s -> new Window(s.institution(), start, end)).toList();
    }

    static double pct(List<Double> xs, int p) {
        var s = xs.stream().sorted().toList();
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1 < 0 ? 0 : (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }
}
