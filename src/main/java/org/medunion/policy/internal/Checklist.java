package org.medunion.policy.internal;

import java.util.List;
import java.util.UUID;
import org.medunion.policy.rules.CriterionStatus;
import org.medunion.policy.rules.NationalCriterion;

/** The national checklist (NAT-1…NAT-15) of one tight urban medical group. */
public record Checklist(UUID consortiumId, String consortiumName, boolean tight, List<Item> items) {

    /** One criterion of the checklist with platform evidence and the manual evidence recorded. */
    public record Item(NationalCriterion criterion, String title, CriterionStatus status, String evidence,
                       List<PolicyStore.ManualEvidenceRow> manual) {
    }
}
