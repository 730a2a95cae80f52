package org.medunion.indicators;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The assessment cycle (issue 17, docs/indicators.md "Assessments"). Readers: the planner in their jurisdiction, the
 * office for its consortium, the administrator everywhere; anyone else 403, and an assessment outside the caller's scope
 * 404. The planner creates, returns, assesses externally and freezes; the consortium's office assesses itself.
 */
public interface AssessmentManagement {

    /** Assessments the caller may read, newest year first; {@code consortiumId} narrows to one consortium. */
    List<AssessmentView> assessments(@Nullable UUID consortiumId);

    AssessmentView assessment(AssessmentId id);

    /** The frozen figures, or — before the freeze — the current ones (a live preview, nothing stored). */
    Snapshot snapshot(AssessmentId id);

    AssessmentView create(CreateAssessment command);

    AssessmentView selfAssess(AssessmentId id, SelfAssessment command);

    /** Sends the self-assessment back to the office (SELF_ASSESSED → OPEN); {@code reason} is required. */
    AssessmentView returnToOffice(AssessmentId id, @Nullable String reason);

    AssessmentView assessExternally(AssessmentId id, ExternalAssessment command);

    /** Stores the snapshot of this moment and freezes the assessment: nothing about it changes afterwards. */
    AssessmentView freeze(AssessmentId id);

    /** The assessment with its snapshot for an export, the export audited ({@code format}: xlsx or pdf). */
    Report report(AssessmentId id, String format);

    /** An assessment and the figures it is (or will be) judged on. */
    record Report(AssessmentView assessment, Snapshot snapshot) {
    }
}
