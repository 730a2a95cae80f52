package org.medunion.bench.workflow;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Random choice and query helpers for the workloads. */
final class Mix {

    private Mix() {
    }

    /** A query parameter value, percent-encoded (Chinese department and person names). */
    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static <T> T pick(List<T> list, ThreadLocalRandom random) {
        return list.get(random.nextInt(list.size()));
    }
}
