package org.medunion.policy;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Extension point for the rules judged by indicator values (NN-9's lead-hospital targets): the sums of an institution's
 * encounter facts over days — counts only, no personal data. The indicators module implements it (the policy module
 * cannot depend on indicators, which reads the targets from policy); without an implementation those rules report
 * NO_DATA.
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
}
