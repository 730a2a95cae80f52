package org.medunion.policy.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.policy.rules.Finding;
import org.medunion.policy.rules.FindingStatus;
import org.medunion.policy.rules.Pack;
import org.medunion.policy.rules.Severity;
import org.medunion.policy.rules.Subject;
import org.medunion.policy.rules.SubjectType;

/**
 * A finding as kept: with the date it appeared ({@code firstSeen}) and disappeared ({@code resolvedAt}, null while present),
 * and the day the evaluation that last saw it looked at ({@code asOf}: the registry as it stood that day).
 */
public record StoredFinding(@Nullable UUID id, String key, String ruleId, Pack pack, Severity severity, FindingStatus status,
                            SubjectType subjectType, String subjectKey, String subjectName, @Nullable String divisionCode,
                            @Nullable UUID consortiumId,
                            String aspect, String messageKey, List<String> args, String evidence, List<String> objects,
                            Instant firstSeen, Instant lastSeen, @Nullable Instant resolvedAt,
                            @Nullable LocalDate asOf) {

    public boolean resolved() {
        return resolvedAt != null;
    }

    public boolean concerns(UUID consortium) {
        return consortium.equals(consortiumId) || objects.contains("Organization/" + consortium);
    }

    /** A finding evaluated for another day than today: shown in a report, never stored (no id, no resolution). */
    static StoredFinding unsaved(Finding f, Pack pack, Instant at, LocalDate asOf) {
        Subject s = f.subject();
        return new StoredFinding(null, f.key(), f.ruleId(), pack, f.severity(), f.status(), s.type(), s.key(), s.name(), s.divisionCode(),
                s.consortiumId() == null ? null : s.consortiumId().value(), f.aspect(), f.messageKey(), f.args(), f.evidence(),
                f.objects(), at, at, null, asOf);
    }

    /** What the reports call the finding's state: its status while present, {@code RESOLVED} once gone. */
    public String state() {
        return resolved() ? "RESOLVED" : status.name();
    }
}
