package org.medunion.indicators;

import org.medunion.diagnostics.DiagnosticsMeasures.CountedDecision;

/** A recognition decision behind I-10, I-24 or I-25 with the ordering institution's name; no resident data. */
public record DecisionRecord(CountedDecision decision, String institution, DrillDown.Counted counted) {
}
