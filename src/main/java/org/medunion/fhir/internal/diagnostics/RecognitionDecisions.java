package org.medunion.fhir.internal.diagnostics;

import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.IdType;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.fhir.internal.LastUpdated;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Recognition decisions behind the shared DetectedIssue provider (pharmacy's findings and reviews have ids
 * {@code <prescription>-f<n>} / {@code -review}; a decision's id is its bare UUID). Read and search by patient with the
 * module's scope (a care relationship to the resident) and audit, as {@code GET /api/diagnostics/decisions}.
 */
@Component
public class RecognitionDecisions {

    private final DiagnosticsManagement diagnostics;

    RecognitionDecisions(DiagnosticsManagement diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Whether a DetectedIssue id is a decision's (a bare UUID). */
    public static boolean isDecision(IdType id) {
        String part = id.getIdPart();
        if (part == null || part.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(part);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public DetectedIssue read(IdType id) {
        try {
            return DecisionToDetectedIssueMapper.issue(diagnostics.decision(UUID.fromString(id.getIdPart())));
        } catch (NotFoundException e) {
            throw new ResourceNotFoundException(id);
        }
    }

    /**
     * The resident's decisions the caller may see, newest first; a decision never changes, so its change time is when it
     * was made ({@code _lastUpdated} is applied to that).
     */
    public List<DetectedIssue> of(UUID resident, @Nullable DateRangeParam lastUpdated) {
        return diagnostics.decisionsOf(resident).stream().filter(d -> LastUpdated.admits(lastUpdated, d.decidedAt()))
                .map(DecisionToDetectedIssueMapper::issue).toList();
    }
}
