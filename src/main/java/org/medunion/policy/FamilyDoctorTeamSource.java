package org.medunion.policy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;

/**
 * Extension point for NN-5: the physicians from other institutions that sit in a primary institution's active
 * family-doctor teams; and for CQ-10: how many poverty-group residents are under contract. The residents module
 * implements it; without an implementation NN-5 and CQ-10 report NO_DATA. Counts only, never identities.
 */
public interface FamilyDoctorTeamSource {

    /**
     * Specialist members of every primary institution's active teams, each once per institution, read in one go
     * (one evaluation covers thousands of institutions). An institution without a team has no entry.
     */
    Map<InstitutionId, Set<PractitionerId>> teamSpecialists();

    /**
     * CQ-10, per district of the residents' address: the residents of the poverty priority group (贫困人口 — declared on a
     * family-doctor contract that started on or before {@code day}) and how many of them hold a contract in force on
     * {@code day}. Empty when the source cannot tell.
     */
    default Optional<Map<String, GroupCoverage>> povertyCoverage(LocalDate day) {
        return Optional.empty();
    }

    /** Residents of a priority group in a district, and those of them under a contract in force. */
    record GroupCoverage(long residents, long contracted) {

        public long uncontracted() {
            return residents - contracted;
        }
    }
}
