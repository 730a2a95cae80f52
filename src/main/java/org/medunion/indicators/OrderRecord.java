package org.medunion.indicators;

import org.medunion.diagnostics.DiagnosticsMeasures.CountedOrder;

/** A shared-centre order behind I-20 or I-21 with the institutions' names; no resident data. */
public record OrderRecord(CountedOrder order, String orderingInstitution, String centreInstitution, DrillDown.Counted counted) {
}
