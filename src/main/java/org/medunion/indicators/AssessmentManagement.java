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

    /**
     * Attaches an evidence file to the self-assessment of one dimension (the consortium's office, until the freeze: then
     * 409); a file that is not PDF, JPEG, PNG or XLSX by content, or over {@link #MAX_EVIDENCE_BYTES}, is 400 naming
     * {@code file}, and nothing is stored.
     */
    AssessmentView.Evidence uploadEvidence(AssessmentId id, UploadEvidence upload);

    /** Removes an evidence file (the office, until the freeze). */
    void removeEvidence(AssessmentId id, UUID evidence);

    /** An evidence file's bytes for whoever may read the assessment; an audited read. */
    EvidenceContent evidenceContent(AssessmentId id, UUID evidence);

    /** 4 MiB, as a consultation upload (decision 0254): a scanned report or a workbook fits. */
    int MAX_EVIDENCE_BYTES = 4 * 1024 * 1024;

    /** @param dimension D-1 … D-7, one of the assessment's; {@code declaredType} must agree with the content when given */
    record UploadEvidence(@Nullable String dimension, @Nullable String fileName, @Nullable String declaredType,
                          byte @Nullable [] content) {
    }

    /** An evidence file and its bytes. */
    record EvidenceContent(AssessmentView.Evidence evidence, byte[] content) {
    }

    /** The assessment with its snapshot for an export, the export audited ({@code format}: xlsx or pdf). */
    Report report(AssessmentId id, String format);

    /** An assessment and the figures it is (or will be) judged on. */
    record Report(AssessmentView assessment, Snapshot snapshot) {
    }
}
