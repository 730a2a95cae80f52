package org.medunion.fhir.internal;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsManagement;
import org.medunion.shared.web.IdempotentReplay;
import org.medunion.shared.web.ReplayGuard;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A replayed FHIR create (a Patient, or an Appointment or ServiceRequest naming its Patient) goes out again only
 * while the caller may still read the resident it is about, and is then audited like the first answer.
 */
@Component
class FhirReplays implements ReplayGuard {

    private final AuditTrail audit;
    private final JsonMapper json;
    private final ResidentsManagement residents;

    FhirReplays(AuditTrail audit, JsonMapper json, ResidentsManagement residents) {
        this.audit = audit;
        this.json = json;
        this.residents = residents;
    }

    @Override
    public boolean permits(IdempotentReplay replay) {
        if (!isFhir(replay.path())) {
            return true;
        }
        String patient;
        try {
            JsonNode resource = json.readTree(replay.bodyText());
            patient = patientOf(resource.path("resourceType").asString(""), resource.path("id").asString(null), resource);
        } catch (RuntimeException e) {
            patient = patientInXml(replay); // an XML answer names its resident the same way
        }
        if (patient == null) {
            return true;
        }
        try {
            return residents.callerRelationship(new ResidentId(UUID.fromString(patient))).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @EventListener
    void on(IdempotentReplay replay) {
        if (!isFhir(replay.path())) {
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

    private static final Pattern XML_PATIENT = Pattern.compile("Patient/([0-9a-fA-F-]{36})");
    private static final Pattern XML_ID = Pattern.compile("<id value=\"([0-9a-fA-F-]{36})\"");

    private static @Nullable String patientInXml(IdempotentReplay replay) {
        Matcher m = (replay.path().startsWith("/fhir/Patient") ? XML_ID : XML_PATIENT).matcher(replay.bodyText());
        return m.find() ? m.group(1) : null;
    }

    /** The FHIR base ({@code /fhir}: a transaction) or anything under it. */
    private static boolean isFhir(String path) {
        return path.equals("/fhir") || path.startsWith("/fhir/");
    }

    private static @Nullable String patientOf(String type, @Nullable String id, JsonNode resource) {
        if ("Patient".equals(type)) {
            return id;
        }
        if ("Bundle".equals(type)) { // a transaction's answer: one prescription, every entry about the same resident
            JsonNode first = resource.path("entry").path(0).path("resource");
            return first.isMissingNode() ? null
                    : patientOf(first.path("resourceType").asString(""), first.path("id").asString(null), first);
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
