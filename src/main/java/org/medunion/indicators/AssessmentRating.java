package org.medunion.indicators;

/** A rating of one dimension or of the whole assessment, by the office (self) or the commission (external). */
public enum AssessmentRating {
    /** 优秀. */
    EXCELLENT,
    /** 良好. */
    GOOD,
    /** 合格. */
    PASS,
    /** 不合格. */
    FAIL
}
