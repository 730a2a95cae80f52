package org.medunion.bench.workflow;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The free slots the last search returned, shared by all clients: a booking picks one of them at random, so
 * clients race for the same slots as users of one search page would (the losers get 409).
 */
final class SlotPool {

    private volatile List<String> latest = List.of();

    void offer(List<String> slotIds) {
        if (!slotIds.isEmpty()) {
            latest = List.copyOf(slotIds);
        }
    }

    /** A slot from the last non-empty search, or null before the first one. */
    String pick(ThreadLocalRandom random) {
        List<String> now = latest;
        return now.isEmpty() ? null : now.get(random.nextInt(now.size()));
    }
}
