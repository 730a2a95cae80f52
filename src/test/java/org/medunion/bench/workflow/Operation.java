package org.medunion.bench.workflow;

import java.util.concurrent.ThreadLocalRandom;

/**
 * One kind of workflow transaction in the mix: a name, a weight and the requests it makes. {@code run} returns
 * the HTTP status that decides the transaction (the first non-2xx of its requests, else the last one).
 */
record Operation(String name, int weight, Body body) {

    @FunctionalInterface
    interface Body {

        int run(ThreadLocalRandom random);
    }

    /** The status of a transaction of several requests: the first that failed, else the last. */
    static int first(int... statuses) {
        for (int s : statuses) {
            if (s < 200 || s >= 300) {
                return s;
            }
        }
        return statuses[statuses.length - 1];
    }
}
