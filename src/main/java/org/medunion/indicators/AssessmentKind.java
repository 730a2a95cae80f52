package org.medunion.indicators;

/**
 * The assessment cycle of seed 002 (基线调查、年度考核和总结评估). Each names one calendar year of values: the baseline
 * the year before the cycle starts, an annual assessment its year, the final assessment the last year of the cycle.
 */
public enum AssessmentKind {
    /** 基线调查. */
    BASELINE,
    /** 年度考核. */
    ANNUAL,
    /** 总结评估. */
    FINAL
}
