package org.medunion.indicators;

import org.medunion.diagnostics.DiagnosticsMeasures.CoveredItem;

/** An item of the recognised-item list behind I-23, with how many of the subject's institutions hold a valid QC pass. */
public record ListedItemRecord(CoveredItem item, DrillDown.Counted counted) {
}
