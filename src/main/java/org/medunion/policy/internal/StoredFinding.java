package org.medunion.policy.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A finding as kept: with the date it appeared ({@code firstSeen}) and disappeared ({@code resolvedAt}, null while present). */
public record StoredFinding(UUID id, String key, String ruleId, String pack, String severity, String status, String subjectType,
                            String subjectKey, String subjectName, String divisionCode, UUID consortiumId, String aspect,
                            String messageKey, List<String> args, String evidence, List<String> objects, Instant firstSeen,
                            Instant lastSeen, Instant resolvedAt) {

    public boolean resolved() {
        return resolvedAt != null;
    }

    public boolean concerns(UUID consortium) {
        return consortium.equals(consortiumId) || objects.contains("Organization/" + consortium);
    }
}
