package org.medunion.policy;

/**
 * A module that feeds the policy checks through an evidence source ({@link IndicatorEvidenceSource} and the like)
 * announces that its data changed, so the findings follow the data and not only registry changes: the policy module
 * re-evaluates soon (coalesced, in the background). The event lives here because the policy module cannot depend on
 * the modules that read its thresholds.
 *
 * @param source the module whose data changed, e.g. {@code indicators}
 */
public record EvidenceChanged(String source) {
}
