package org.medunion.web;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs browser tests only when the system Chromium and its driver are installed; says so loudly when
 * they are not — and never skips in CI ({@code CI=true}), where a missing browser is a failure.
 */
class ChromiumAvailable implements ExecutionCondition {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
            return ConditionEvaluationResult.enabled("Chromium found");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI: Chromium expected at " + CHROMIUM + " — the test will fail");
        }
        String notice = "NOTICE: Chromium or chromedriver not found at " + CHROMIUM + " / " + DRIVER
                + " — skipping " + context.getDisplayName();
        System.out.println(notice);
        return ConditionEvaluationResult.disabled(notice);
    }
}
