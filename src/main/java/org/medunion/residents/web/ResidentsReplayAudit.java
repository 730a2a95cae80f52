package org.medunion.residents.web;

import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.shared.web.IdempotentReplay;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A replayed answer of {@code /api/residents/**} (full ID number and phone included) goes out again: audited
 * like the first answer, for the resident it is about.
 */
@Component
class ResidentsReplayAudit {

    private final AuditTrail audit;
    private final JsonMapper json;

    ResidentsReplayAudit(AuditTrail audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @EventListener
    void on(IdempotentReplay replay) {
        if (!replay.path().startsWith("/api/residents")) {
            return;
        }
        String resident = residentOf(replay.bodyText());
        audit.record(AuditAction.READ, resident == null ? "IdempotentReplay" : "resident", resident, resident, replay.detail());
    }

    /** The resident a stored answer is about: a registration's {@code resident.id}, else a {@code residentId}. */
    private String residentOf(String body) {
        try {
            var node = json.readTree(body);
            var ref = node.path("resident").path("id");
            if (ref.isMissingNode() || ref.isNull()) {
                ref = node.path("residentId");
            }
            if (ref.isObject()) {
                ref = ref.path("value"); // typed IDs serialise as {"value": …}
            }
            return ref.isValueNode() ? ref.asString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
