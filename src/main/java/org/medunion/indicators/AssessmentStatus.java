package org.medunion.indicators;

/** Where an assessment stands ({@link AssessmentWorkflow}); FROZEN accepts nothing more. */
public enum AssessmentStatus {
    /** The commission created it; the lead unit's office is to assess itself. */
    OPEN,
    /** The office submitted its self-assessment; the commission assesses (or returns it). */
    SELF_ASSESSED,
    /** The commission recorded its external assessment; it may revise it until it freezes. */
    EXTERNALLY_ASSESSED,
    /** Frozen with its indicator values, source counts, packs and checklist: never changes again. */
    FROZEN
}
