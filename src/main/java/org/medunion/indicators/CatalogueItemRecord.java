package org.medunion.indicators;

import org.medunion.pharmacy.PrescriptionMeasures.CatalogueEntry;

/** A member's catalogue item behind I-29 with its institution's name; mapped to the consortium formulary or not. */
public record CatalogueItemRecord(CatalogueEntry entry, String institution, DrillDown.Counted counted) {
}
