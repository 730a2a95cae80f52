package org.medunion.consultation;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A departure from routing recorded with the request, as a warning (the request is not refused): TM-15, a nursing
 * home in an emergency zone invited another institution than the zone's backing hospital (CN-3).
 */
public record RoutingWarning(String ruleId, UUID suggestedInstitutionId, @Nullable String suggestedInstitutionName) {
}
