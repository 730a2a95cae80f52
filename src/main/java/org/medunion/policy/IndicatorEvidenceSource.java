package org.medunion.policy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Extension point for the rules judged by indicator values (NN-9's lead-hospital targets): the sums of an institution's
 * encounter facts over days — counts only, no personal data. The indicators module implements it (the policy module
 * cannot depend on indicators, which reads the targets from policy); without an implementation those rules report
 * NO_DATA. CQ-4 and CQ-9 read I-12's two fractions year on year; the defaults report nothing (NO_DATA).
 */
public interface IndicatorEvidenceSource {

    /** The institution's encounter sums over the local days {@code from} … {@code to}, both inclusive. */
    HospitalFigures hospitalFigures(UUID institutionId, LocalDate from, LocalDate to);

    /**
     * @param visits     outpatient and emergency visits (I-4's numerator)
     * @param discharges discharges (I-4's and I-6's denominator)
     * @param operations operations of discharged patients (I-5's denominator)
     * @param level4     of those, level-4 operations (I-5's numerator)
     * @param bedDays    bed-days of discharged patients (I-6's numerator)
     */
    record HospitalFigures(long visits, long discharges, long operations, long level4, long bedDays) {
    }

    /**
     * I-12's part (CQ-4): of the outpatient and emergency visits at the institutions (the caller passes tertiary hospitals)
     * over the local days {@code from} … {@code to}, both inclusive, those with a chronic principal diagnosis
     * (hypertension, diabetes); empty when the source cannot tell.
     */
    default Optional<Share> chronicAtTertiary(Collection<UUID> institutions, LocalDate from, LocalDate to) {
        return Optional.empty();
    }

    /**
     * I-12 (CQ-9): of the contracted residents referred up by the institutions (the caller passes primary institutions)
     * over the local days {@code from} … {@code to}, both inclusive, whose {@code days} have passed or who were referred
     * back, those not referred back within {@code days} days; empty when the source cannot tell.
     */
    default Optional<Share> notReferredBack(Collection<UUID> institutions, LocalDate from, LocalDate to, int days) {
        return Optional.empty();
    }

    /** A fraction of counts: {@code numerator} of {@code denominator}; no value when the denominator is zero. */
    record Share(long numerator, long denominator) {

        public boolean empty() {
            return denominator == 0;
        }

        public double value() {
            return (double) numerator / denominator;
        }
    }
}
