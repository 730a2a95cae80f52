package org.medunion.indicators;

/** What someone does to an assessment; the workflow maps (status, action) to the next status. */
public enum AssessmentAction {
    /** The consortium's office submits its self-assessment. */
    SELF_ASSESS,
    /** The planner sends the self-assessment back to the office for revision, with a reason. */
    RETURN,
    /** The planner records (or revises) the external assessment. */
    ASSESS,
    /** The planner freezes the assessment with the values of the moment. */
    FREEZE
}
