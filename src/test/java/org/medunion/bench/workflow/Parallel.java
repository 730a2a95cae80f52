package org.medunion.bench.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs {@code n} seeding calls on a few threads and keeps their results in order. */
final class Parallel {

    private Parallel() {
    }

    static <T> List<T> map(int n, int threads, IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> call.apply(k)));
            }
            var out = new ArrayList<T>(n);
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
