package org.medunion.policy.internal;

/** Counts of one evaluation run. */
public record EvaluationResult(int findings, long open, long overridden, long noData, int appeared, int resolved, long elapsedMs) {
}
