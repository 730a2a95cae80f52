package org.medunion.residents;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Counts of family-doctor contract coverage for indicator I-11 (家庭医生签约覆盖率). Counts only: nothing personal leaves
 * the module, so the caller's right to see the subject is the caller's to check.
 */
public interface ContractMeasures {

    /**
     * The residents of the platform's resident index registered by one of the institutions (their home institution) on
     * or before {@code day}, and of them the ones under a contract in force on {@code day}; with the two age-derived
     * priority groups (65 and over, 0–6), whose population the index knows from the birth date. The declared groups
     * (hypertension, diabetes, …) have no population outside the contracts and are not counted here.
     */
    Coverage coverage(Collection<UUID> institutions, LocalDate day);

    /** Residents and contracted residents, in total and for the elderly and the children. */
    record Coverage(long residents, long contracted, long elderly, long elderlyContracted, long children,
                    long childrenContracted) {

        public static final Coverage NONE = new Coverage(0, 0, 0, 0, 0, 0);
    }

    /** The age group of a counted resident, from the birth date on the day counted (I-11's parts). */
    enum AgeGroup {
        ELDERLY, CHILD, OTHER
    }

    /**
     * One resident {@link #coverage} counts, without the resident: the registering institution, the age group and the
     * contract in force that day (the latest begun, null when none) with its team, dates and status.
     */
    record CountedResident(UUID registeredBy, AgeGroup ageGroup, @Nullable UUID teamInstitution, @Nullable String team,
                           @Nullable LocalDate signed, @Nullable LocalDate ends, @Nullable ContractStatus status) {

        public boolean contracted() {
            return status != null;
        }
    }

    /**
     * The residents {@link #coverage} counts, from the same per-resident query: those under a contract first (latest
     * signed first), at most {@code limit}.
     */
    List<CountedResident> residentRecords(Collection<UUID> institutions, LocalDate day, int limit);
}
