package org.medunion.indicators;

import org.jspecify.annotations.Nullable;
import org.medunion.residents.ContractMeasures.CountedResident;

/**
 * A resident I-11 counts, shown without the resident: the registering institution, the age group and the contract in
 * force (family-doctor team and its institution, sign and end dates, status), if any.
 */
public record ContractRecord(CountedResident resident, String registeredBy, @Nullable String teamInstitution,
                             DrillDown.Counted counted) {
}
