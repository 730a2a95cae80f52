package org.medunion.fhir.internal;

import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.shared.web.IdempotentReplay;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A replayed FHIR create (an Appointment or ServiceRequest names its Patient) goes out again: audited like the
 * first answer, for the resident the resource is about.
 */
@Component
class FhirReplayAudit {

    private final AuditTrail audit;
    private final JsonMapper json;

    FhirReplayAudit(AuditTrail audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @EventListener
    void on(IdempotentReplay replay) {
        if (!replay.path().startsWith("/fhir/")) {
            return;
        }
        JsonNode resource;
        try {
            resource = json.readTree(replay.bodyText());
        } catch (RuntimeException e) {
            resource = null; // not JSON (XML or compressed): audited without the resident
        }
        String type = resource == null ? "IdempotentReplay" : resource.path("resourceType").asString("IdempotentReplay");
        String id = resource == null ? null : resource.path("id").asString(null);
        audit.record(AuditAction.READ, type, id, resource == null ? null : patientOf(type, id, resource), replay.detail());
    }

    private static String patientOf(String type, String id, JsonNode resource) {
        if ("Patient".equals(type)) {
            return id;
        }
        String subject = resource.path("subject").path("reference").asString("");
        if (subject.startsWith("Patient/")) {
            return subject.substring("Patient/".length());
        }
        for (JsonNode participant : resource.path("participant")) {
            String actor = participant.path("actor").path("reference").asString("");
            if (actor.startsWith("Patient/")) {
                return actor.substring("Patient/".length());
            }
        }
        return null;
    }
}
