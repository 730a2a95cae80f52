package org.medunion.bench.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Closed-loop load: N client threads, each picking an operation by weight and sending its requests as soon as
 * the previous transaction answered. A warm-up period runs first (not recorded); transactions that start in the
 * measured window are recorded.
 */
final class LoadDriver {

    private final List<Operation> mix;
    private final int totalWeight;

    LoadDriver(List<Operation> mix) {
        this.mix = mix;
        this.totalWeight = mix.stream().mapToInt(Operation::weight).sum();
    }

    Recorder run(int clients, int warmupSeconds, int seconds) throws InterruptedException {
        var recorder = new Recorder();
        long start = System.nanoTime();
        long measureFrom = start + warmupSeconds * 1_000_000_000L;
        long measureTo = measureFrom + seconds * 1_000_000_000L;
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            var t = new Thread(() -> loop(recorder, measureFrom, measureTo), "client-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf(Locale.ROOT, "clients=%d warm-up=%d s measured=%d s%n", clients, warmupSeconds, seconds);
        return recorder;
    }

    private void loop(Recorder recorder, long measureFrom, long measureTo) {
        var random = ThreadLocalRandom.current();
        while (true) {
            long t0 = System.nanoTime();
            if (t0 >= measureTo) {
                return;
            }
            Operation op = pick(random.nextInt(totalWeight));
            int status;
            try {
                status = op.body().run(random);
            } catch (RuntimeException e) {
                status = 0;
            }
            if (t0 >= measureFrom) {
                recorder.record(op.name(), System.nanoTime() - t0, status);
            }
        }
    }

    private Operation pick(int ticket) {
        for (Operation op : mix) {
            ticket -= op.weight();
            if (ticket < 0) {
                return op;
            }
        }
        throw new IllegalStateException("weights");
    }
}
