package org.medunion.residents.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsManagement;
import org.medunion.shared.web.IdempotentReplay;
import org.medunion.shared.web.ReplayGuard;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A replayed answer of {@code /api/residents/**} (full ID number and phone included) goes out again only while the
 * caller may still read the resident it is about (a care relationship can end between the first answer and the
 * replay), and is then audited like the first answer.
 */
@Component
class ResidentsReplays implements ReplayGuard {

    private final AuditTrail audit;
    private final JsonMapper json;
    private final ResidentsManagement residents;

    ResidentsReplays(AuditTrail audit, JsonMapper json, ResidentsManagement residents) {
        this.audit = audit;
        this.json = json;
        this.residents = residents;
    }

    @Override
    public boolean permits(IdempotentReplay replay) {
        if (!replay.path().startsWith("/api/residents")) {
            return true;
        }
        String resident = residentOf(replay.bodyText());
        return resident == null || readable(resident);
    }

    private boolean readable(String resident) {
        try {
            return residents.callerRelationship(new ResidentId(UUID.fromString(resident))).isPresent();
        } catch (IllegalArgumentException e) {
            return false; // not a resident ID: withhold rather than guess
        }
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
    private @Nullable String residentOf(String body) {
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
