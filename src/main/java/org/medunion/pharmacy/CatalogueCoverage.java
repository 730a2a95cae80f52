package org.medunion.pharmacy;

import java.util.List;
import java.util.UUID;

/** RX-14: how much of a member's catalogue is mapped; {@code belowTarget} when under the RX-14 minCoverage. */
public record CatalogueCoverage(UUID institutionId, String institutionName, int items, int mapped, double coverage,
                                double target, boolean belowTarget, List<CatalogueItem> unmapped) {
}
