package org.medunion.residents;

import java.util.List;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;

/**
 * Command: form a family-doctor team at a primary institution. The GP and the nurse work at that
 * institution; {@code specialistPractitionerIds} must include at least one physician of a secondary or
 * tertiary hospital (NN-5).
 */
public record FormTeam(InstitutionId institutionId, String name, PractitionerId gpPractitionerId,
                       PractitionerId nursePractitionerId, List<PractitionerId> specialistPractitionerIds) {
}
