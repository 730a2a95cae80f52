package org.medunion.policy.rules;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The seed clauses, verbatim, by rule ID — data, not code (resource {@code policy/clauses.properties}, UTF-8). */
public final class Clauses {

    private static final Properties CLAUSES = load();

    private Clauses() {
    }

    public static String of(String ruleId) {
        String c = CLAUSES.getProperty(ruleId);
        if (c == null) {
            throw new IllegalStateException("no clause for " + ruleId);
        }
        return c;
    }

    /** Which seed file a rule quotes. */
    public static String source(String ruleId) {
        return CLAUSES.getProperty(ruleId + ".source", "");
    }

    private static Properties load() {
        var p = new Properties();
        try (var in = Clauses.class.getResourceAsStream("/policy/clauses.properties")) {
            if (in == null) {
                throw new IllegalStateException("policy/clauses.properties missing");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
