package org.medunion.scheduling.web;

import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.shared.web.IdempotentReplay;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A replayed booking answer of {@code POST /api/scheduling/bookings} names the resident again: audited like the
 * first answer, as a READ of the booking for that resident.
 */
@Component
class SchedulingReplayAudit {

    private static final String BOOKINGS = "/api/scheduling/bookings";

    private final AuditTrail audit;
    private final JsonMapper json;

    SchedulingReplayAudit(AuditTrail audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @EventListener
    void on(IdempotentReplay replay) {
        if (!BOOKINGS.equals(replay.path())) {
            return;
        }
        JsonNode booking;
        try {
            booking = json.readTree(replay.bodyText());
        } catch (RuntimeException e) {
            booking = null; // not the booking JSON: still audited, without the ids
        }
        String id = booking == null ? null : booking.path("id").asString(null);
        String resident = booking == null ? null : booking.path("residentId").asString(null);
        audit.record(AuditAction.READ, "Booking", id, resident, replay.detail());
    }
}
