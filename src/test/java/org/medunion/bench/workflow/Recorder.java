package org.medunion.bench.workflow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Latencies and outcomes per operation. A 409 is a definitive answer (a lost race or a stale version) and is
 * counted apart from other 4xx, which are benchmark or application faults.
 */
final class Recorder {

    private final Map<String, Series> series = new TreeMap<>();

    synchronized void record(String op, long nanos, int status) {
        series.computeIfAbsent(op, k -> new Series()).add(nanos, status);
    }

    synchronized Series total() {
        var all = new Series();
        series.values().forEach(all::addAll);
        return all;
    }

    synchronized void print(double seconds) {
        System.out.printf(Locale.ROOT, "%-22s %8s %8s %7s %6s %6s %6s %5s %9s %9s %9s %9s%n", "operation", "tx", "tx/s",
                "2xx", "409", "4xx", "5xx", "io", "p50 ms", "p95 ms", "p99 ms", "max ms");
        series.forEach((op, s) -> s.print(op, seconds));
        total().print("ALL", seconds);
    }

    /** One operation's samples. Status 0 = the request failed without an answer (I/O, timeout). */
    static final class Series {

        private long[] nanos = new long[1024];
        private int n;
        int ok;
        int conflict;
        int clientError;
        int serverError;
        int io;

        void add(long t, int status) {
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = t;
            if (status == 0) {
                io++;
            } else if (status == 409) {
                conflict++;
            } else if (status >= 500) {
                serverError++;
            } else if (status >= 400) {
                clientError++;
            } else {
                ok++;
            }
        }

        void addAll(Series o) {
            for (int i = 0; i < o.n; i++) {
                if (n == nanos.length) {
                    nanos = Arrays.copyOf(nanos, Math.max(n * 2, 1024));
                }
                nanos[n++] = o.nanos[i];
            }
            ok += o.ok;
            conflict += o.conflict;
            clientError += o.clientError;
            serverError += o.serverError;
            io += o.io;
        }

        int count() {
            return n;
        }

        double percentileMs(double p) {
            if (n == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(nanos, n);
            Arrays.sort(sorted);
            int idx = (int) Math.min(n - 1, Math.max(0, Math.ceil(p / 100.0 * n) - 1));
            return sorted[idx] / 1e6;
        }

        void print(String op, double seconds) {
            System.out.printf(Locale.ROOT, "%-22s %8d %8.1f %7d %6d %6d %6d %5d %9.1f %9.1f %9.1f %9.1f%n", op, n, n / seconds,
                    ok, conflict, clientError, serverError, io, percentileMs(50), percentileMs(95), percentileMs(99), percentileMs(100));
        }
    }
}
