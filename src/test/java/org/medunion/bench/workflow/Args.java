package org.medunion.bench.workflow;

import java.util.HashMap;
import java.util.Map;

/** {@code key=value} command-line arguments with defaults. */
record Args(Map<String, String> values) {

    static Args parse(String[] args) {
        var map = new HashMap<String, String>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected key=value, got " + a);
            }
            map.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return new Args(map);
    }

    String text(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    int number(String key, int fallback) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key).replace("_", "")) : fallback;
    }
}
