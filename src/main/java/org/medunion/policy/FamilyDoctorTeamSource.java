package org.medunion.policy;

import java.util.Map;
import java.util.Set;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;

/**
 * Extension point for NN-5: the physicians from other institutions that sit in a primary institution's active
 * family-doctor teams. The residents module implements it; without an implementation NN-5 reports NO_DATA.
 */
public interface FamilyDoctorTeamSource {

    /**
     * Specialist members of every primary institution's active teams, each once per institution, read in one go
     * (one evaluation covers thousands of institutions). An institution without a team has no entry.
     */
    Map<InstitutionId, Set<PractitionerId>> teamSpecialists();
}
