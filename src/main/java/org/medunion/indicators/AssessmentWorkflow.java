package org.medunion.indicators;

import java.util.Map;
import java.util.Optional;
import org.medunion.shared.TransitionTable;

/**
 * The assessment workflow as data: (status, action) → next status. Anything else is refused with
 * {@code INDICATORS-0010} (409), or {@code INDICATORS-0011} once the assessment is frozen.
 */
public final class AssessmentWorkflow {

    private static final TransitionTable<AssessmentStatus, AssessmentAction> TABLE = TransitionTable
            .of(AssessmentStatus.class, AssessmentAction.class)
            .allow(AssessmentStatus.OPEN, AssessmentAction.SELF_ASSESS, AssessmentStatus.SELF_ASSESSED)
            .allow(AssessmentStatus.SELF_ASSESSED, AssessmentAction.RETURN, AssessmentStatus.OPEN)
            .allow(AssessmentStatus.SELF_ASSESSED, AssessmentAction.ASSESS, AssessmentStatus.EXTERNALLY_ASSESSED)
            .allow(AssessmentStatus.EXTERNALLY_ASSESSED, AssessmentAction.ASSESS, AssessmentStatus.EXTERNALLY_ASSESSED)
            .allow(AssessmentStatus.EXTERNALLY_ASSESSED, AssessmentAction.FREEZE, AssessmentStatus.FROZEN);

    private AssessmentWorkflow() {
    }

    public static Optional<AssessmentStatus> next(AssessmentStatus current, AssessmentAction action) {
        return TABLE.next(current, action);
    }

    public static boolean isLegal(AssessmentStatus current, AssessmentAction action) {
        return TABLE.isLegal(current, action);
    }

    /** The whole table, read-only (docs, tests, the console's buttons). */
    public static Map<AssessmentStatus, Map<AssessmentAction, AssessmentStatus>> table() {
        return TABLE.asMap();
    }
}
