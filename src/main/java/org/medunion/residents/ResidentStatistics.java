package org.medunion.residents;

import java.util.Map;

/** Aggregates for planners: counts only, never identities. */
public record ResidentStatistics(long residents, long activeContracts, long teams,
                                 Map<PriorityGroup, Long> activeContractsByPriorityGroup,
                                 long possibleDuplicates) {
}
