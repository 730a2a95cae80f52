package org.medunion.referral.web;

import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.shared.web.IdempotentReplay;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A replayed answer of {@code /api/referrals/**} (a referral with its resident's name and ID number) goes out
 * again: audited like a read of that referral, since the shared filter answers without reaching the module.
 */
@Component
class ReferralReplayAudit {

    private final AuditTrail audit;
    private final JsonMapper json;

    ReferralReplayAudit(AuditTrail audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @EventListener
    void on(IdempotentReplay replay) {
        if (!replay.path().startsWith("/api/referrals")) {
            return;
        }
        JsonNode view;
        try {
            view = json.readTree(replay.bodyText());
        } catch (RuntimeException e) {
            view = null; // not a referral view: audited without the referral
        }
        String id = view == null ? null : view.path("id").asString(null);
        String resident = view == null ? null : view.path("residentId").asString(null);
        audit.record(AuditAction.READ, id == null ? "IdempotentReplay" : "Referral", id, resident, replay.detail());
    }
}
