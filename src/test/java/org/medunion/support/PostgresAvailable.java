package org.medunion.support;

import java.sql.DriverManager;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs PostgreSQL tests only when the server answers; says so loudly when it does not. */
public class PostgresAvailable implements ExecutionCondition {

    private static Boolean available;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (isAvailable()) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            // In CI the database must be there; run the test so that it fails instead of passing silently.
            return ConditionEvaluationResult.enabled("CI: PostgreSQL expected");
        }
        String notice = "NOTICE: PostgreSQL not reachable at " + url() + " — skipping " + context.getDisplayName();
        System.out.println(notice);
        return ConditionEvaluationResult.disabled(notice);
    }

    static synchronized boolean isAvailable() {
        if (available == null) {
            try (var c = DriverManager.getConnection(url(), user(), password())) {
                available = c.isValid(2);
            } catch (Exception e) {
                available = false;
            }
        }
        return available;
    }

    /** The test server's database ({@code MEDUNION_TEST_PG_URL}); the R-2 crash test derives its own from it. */
    public static String url() {
        return System.getenv().getOrDefault("MEDUNION_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/medunion_test");
    }

    public static String user() {
        return System.getenv().getOrDefault("MEDUNION_TEST_PG_USER", "postgres");
    }

    public static String password() {
        return System.getenv().getOrDefault("MEDUNION_TEST_PG_PASSWORD", "");
    }
}
