package org.medunion.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.audit.AuditTrail;
import org.medunion.support.Api;
import org.medunion.support.FhirValidation;
import tools.jackson.databind.JsonNode;

/**
 * Consultations over FHIR R4 (consultation.md "FHIR R4 mapping", docs/fhir.md "Consultation"): an external system
 * asks (POST ServiceRequest of category Consultation, through every TM gate), the invited side answers by updating
 * the Task, the opinion signed in the module is readable as DocumentReference with its Provenance; every resource
 * validates against R4; only the two sides see anything, side doors find nothing, and reads are audited.
 */
abstract class ConsultationFhirContract extends ConsultationWorldTest {

    static final String EXT = "https://medunion.example/fhir/StructureDefinition/";
    static final String CONSULTATION = "http://snomed.info/sct%7C11429006";

    ConsultationFixture world() {
        return freshWorld();
    }

    static String serviceRequest(ConsultationFixture w, UUID to, String consent) {
        String body = """
                {"resourceType":"ServiceRequest","status":"active","intent":"order",
                 "contained":[%s],
                 "extension":[{"url":"%sconsultation-invited-title","valueString":"主任医师"},
                              {"url":"%sconsultation-department","valueString":"心内科"},
                              {"url":"%sconsultation-conversion-authorised","valueBoolean":true}],
                 "category":[{"coding":[{"system":"http://snomed.info/sct","code":"11429006","display":"Consultation"}]}],
                 "code":{"coding":[{"system":"https://medunion.example/fhir/CodeSystem/consultation-type","code":"remote"}]},
                 "priority":"urgent",
                 "subject":{"reference":"Patient/%s"},
                 "requester":{"reference":"Organization/%s"},
                 "performer":[{"reference":"Organization/%s"}],
                 "performerType":{"text":"心血管内科"},
                 "occurrenceDateTime":"2030-01-01T10:00:00+08:00",
                 "reasonCode":[{"text":"血压控制不佳"}],
                 "note":[{"text":"调整降压方案"}],
                 "supportingInfo":[{"display":"近两周血压 170/100，已用氨氯地平"},{"reference":"#consent"}]}"""
                .formatted(consent, EXT, EXT, EXT, w.resident, w.primary, to);
        return consent.isEmpty() ? body.replace(",{\"reference\":\"#consent\"}", "") : body;
    }

    static String patientConsent(ConsultationFixture w) {
        return """
                {"resourceType":"Consent","id":"consent","status":"active",
                 "scope":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/consentscope","code":"treatment"}]},
                 "category":[{"coding":[{"system":"http://loinc.org","code":"59284-0"}]}],
                 "patient":{"reference":"Patient/%s"},"dateTime":"%s","performer":[{"reference":"Patient/%s"}],
                 "policy":[{"uri":"https://medunion.example/fhir/CodeSystem/rule#TM-2"}]}"""
                .formatted(w.resident, LocalDate.now().minusDays(1), w.resident);
    }

    String ask(ConsultationFixture w) {
        var created = w.as(w.gp).postFhir("/fhir/ServiceRequest", serviceRequest(w, w.hospital, patientConsent(w)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        FhirValidation.assertValid(created.body());
        return created.json().get("id").asString();
    }

    static JsonNode valid(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        FhirValidation.assertValid(r.body());
        return r.json();
    }

    static Set<String> ids(JsonNode bundle) {
        var ids = new HashSet<String>();
        if (bundle.has("entry")) {
            bundle.get("entry").forEach(e -> ids.add(e.get("resource").get("id").asString()));
        }
        return ids;
    }

    static @Nullable String next(JsonNode bundle) {
        for (JsonNode link : bundle.get("link")) {
            if ("next".equals(link.get("relation").asString())) {
                var uri = URI.create(link.get("url").asString());
                return uri.getRawPath() + "?" + uri.getRawQuery();
            }
        }
        return null;
    }

    @Test
    void externalSystemAsksTheInvitedSideAcceptsAndTheSignedOpinionIsReadable_validR4() {
        var w = world();
        String id = ask(w);
        var sr = valid(w.as(w.specialist).getFhir("/fhir/ServiceRequest/" + id));
        assertThat(sr.get("identifier").get(0).get("value").asString()).startsWith("TC-");
        assertThat(sr.get("code").get("coding").get(0).get("code").asString()).isEqualTo("remote");
        assertThat(sr.get("priority").asString()).isEqualTo("urgent");
        var consent = valid(w.as(w.gp).getFhir("/fhir/Consent/" + id));
        assertThat(consent.get("performer").get(0).get("reference").asString()).isEqualTo("Patient/" + w.resident);
        assertThat(consent.get("dateTime").asString()).isEqualTo(LocalDate.now().minusDays(1).toString());

        var watch = valid(w.as(w.specialist).getFhir("/fhir/Task?owner=Organization/" + w.hospital
                + "&status=requested&code=" + CONSULTATION));
        assertThat(ids(watch)).contains(id);
        var task = valid(w.as(w.specialist).getFhir("/fhir/Task/" + id));
        assertThat(task.get("businessStatus").get("coding").get(0).get("code").asString()).isEqualTo("requested");
        assertThat(task.get("owner").get("reference").asString()).isEqualTo("Organization/" + w.hospital);
        assertThat(w.as(w.specialist).getFhir("/fhir/DocumentReference/" + id).status()).as("no opinion yet").isEqualTo(404);

        String accept = """
                {"resourceType":"Task","id":"%s","status":"accepted","intent":"order",
                 "input":[{"type":{"text":"session"},"valueDateTime":"2030-01-01T10:00:00+08:00"},
                          {"type":{"text":"expert"},"valueReference":{"reference":"Practitioner/%s"}}]}"""
                .formatted(id, w.expert);
        var wrongSide = w.as(w.gp).putFhir("/fhir/Task/" + id, accept, null);
        assertThat(wrongSide.status()).as(wrongSide.body()).isEqualTo(403);
        var stale = w.as(w.specialist).putFhir("/fhir/Task/" + id, accept, "W/\"999\"");
        assertThat(stale.status()).as(stale.body()).isIn(409, 412);
        var accepted = w.as(w.specialist).putFhir("/fhir/Task/" + id, accept,
                "W/\"" + task.get("meta").get("versionId").asString() + "\"");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        var after = valid(w.as(w.gp).getFhir("/fhir/Task/" + id));
        assertThat(after.get("status").asString()).isEqualTo("accepted");
        assertThat(after.toString()).contains("Practitioner/" + w.expert);

        String base = "/api/consultations/" + id;
        ConsultationFixture.ok(w.as(w.specialist).post(base + "/start", ""));
        ConsultationFixture.ok(w.as(w.specialist).post(base + "/opinion", "{\"text\":\"建议加用缬沙坦，两周后复查\"}"));
        ConsultationFixture.ok(w.as(w.specialist).post(base + "/sign", ""));
        for (String side : new String[] {w.gp, w.specialist}) {
            var doc = valid(w.as(side).getFhir("/fhir/DocumentReference/" + id));
            assertThat(doc.get("docStatus").asString()).isEqualTo("final");
            assertThat(new String(Base64.getDecoder().decode(
                    doc.get("content").get(0).get("attachment").get("data").asString()), StandardCharsets.UTF_8))
                    .isEqualTo("建议加用缬沙坦，两周后复查");
            var provenance = valid(w.as(side).getFhir("/fhir/Provenance/" + id));
            assertThat(provenance.get("target").get(0).get("reference").asString()).isEqualTo("DocumentReference/" + id);
            assertThat(provenance.get("signature").get(0).get("who").get("reference").asString())
                    .isEqualTo("Practitioner/" + w.expert);
            assertThat(provenance.get("signature").get(0).get("when").asString()).isNotBlank();
        }
        var done = valid(w.as(w.gp).getFhir("/fhir/Task/" + id));
        assertThat(done.get("status").asString()).isEqualTo("completed");
        assertThat(done.get("businessStatus").get("coding").get(0).get("code").asString()).isEqualTo("opinion-signed");
        var docs = valid(w.as(w.gp).getFhir("/fhir/DocumentReference?patient=Patient/" + w.resident));
        assertThat(ids(docs)).containsExactly(id);
    }

    @Test
    void aFailedGateIsAnOperationOutcomeNamingTheRuleAndNothingIsWritten() {
        var w = world();
        long before = rowsOf(w.resident);
        var noConsent = w.as(w.gp).postFhir("/fhir/ServiceRequest", serviceRequest(w, w.hospital, ""));
        assertThat(noConsent.status()).as(noConsent.body()).isEqualTo(422);
        FhirValidation.assertValid(noConsent.body());
        assertThat(noConsent.body()).contains("TM-2").contains("business-rule");
        var noAgreement = w.as(w.gp).postFhir("/fhir/ServiceRequest",
                serviceRequest(w, w.otherHospital, patientConsent(w)));
        assertThat(noAgreement.status()).as(noAgreement.body()).isEqualTo(422);
        assertThat(noAgreement.body()).contains("TM-1").contains("ServiceRequest.performer");
        var noReason = w.as(w.gp).postFhir("/fhir/ServiceRequest", serviceRequest(w, w.hospital, patientConsent(w))
                .replace("\"reasonCode\":[{\"text\":\"血压控制不佳\"}],", ""));
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(422);
        assertThat(noReason.body()).contains("TM-3").contains("ServiceRequest.reasonCode");
        assertThat(rowsOf(w.resident)).as("nothing written").isEqualTo(before);
    }

    @Test
    void declineThroughTheTaskNeedsAReasonAndIllegalChangesAre409() {
        var w = world();
        String id = ask(w);
        String decline = """
                {"resourceType":"Task","id":"%s","status":"rejected","intent":"order"%s}""";
        var noReason = w.as(w.specialist).putFhir("/fhir/Task/" + id, decline.formatted(id, ""), null);
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.body()).contains("Task.statusReason");
        var declined = w.as(w.specialist).putFhir("/fhir/Task/" + id,
                decline.formatted(id, ",\"statusReason\":{\"text\":\"本院无此专科\"}"), null);
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        var task = valid(w.as(w.gp).getFhir("/fhir/Task/" + id));
        assertThat(task.get("status").asString()).isEqualTo("rejected");
        assertThat(task.get("statusReason").get("text").asString()).isEqualTo("本院无此专科");
        var illegal = w.as(w.specialist).putFhir("/fhir/Task/" + id, """
                {"resourceType":"Task","id":"%s","status":"accepted","intent":"order"}""".formatted(id), null);
        assertThat(illegal.status()).as(illegal.body()).isEqualTo(409);
        FhirValidation.assertValid(illegal.body());
    }

    @Test
    void onlyTheTwoSidesSeeItAndSideDoorsFindNothing() {
        var w = world();
        String id = ask(w);
        ask(w);
        for (String type : new String[] {"ServiceRequest", "Task", "Consent"}) {
            assertThat(w.as(w.outsider).getFhir("/fhir/" + type + "/" + id).status()).as(type).isEqualTo(404);
            assertThat(w.as(w.gp).getFhir("/fhir/" + type + "/" + UUID.randomUUID()).status()).as(type).isEqualTo(404);
            var unrelated = valid(w.as(w.outsider).getFhir("/fhir/" + type + "?patient=Patient/" + w.resident));
            assertThat(ids(unrelated)).as(type).isEmpty();
        }
        for (String type : new String[] {"DocumentReference", "Provenance"}) {
            assertThat(w.as(w.gp).getFhir("/fhir/" + type + "/" + UUID.randomUUID()).status()).as(type).isEqualTo(404);
        }
        var stranger = valid(w.as(w.gp).getFhir("/fhir/Task?patient=Patient/" + w.foreignResident));
        assertThat(stranger.get("total").asInt()).isZero();

        var page1 = valid(w.as(w.gp).getFhir("/fhir/ServiceRequest?category=" + CONSULTATION + "&patient=Patient/"
                + w.resident + "&_count=1"));
        assertThat(page1.get("total").asInt()).isEqualTo(2);
        String next = next(page1);
        assertThat(next).as(page1.toString()).isNotNull().contains("_offset=1");
        var page2 = valid(w.as(w.gp).getFhir(next));
        assertThat(ids(page2)).hasSize(1).doesNotContainAnyElementsOf(ids(page1));
        var other = valid(w.as(w.outsider).getFhir(next));
        assertThat(ids(other)).isEmpty();
        var mixed = valid(w.as(w.gp).getFhir("/fhir/Task?patient=Patient/" + w.resident));
        assertThat(ids(mixed)).contains(id);
    }

    @Test
    void readsAndSearchesAreAuditedWithTheResident() {
        var w = world();
        String id = ask(w);
        valid(w.as(w.specialist).getFhir("/fhir/Consent/" + id));
        valid(w.as(w.gp).getFhir("/fhir/ServiceRequest?patient=Patient/" + w.resident));
        var rows = audit.search(new AuditTrail.AuditQuery(null, "Consultation", id, null, 100));
        assertThat(rows).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(w.specialist);
            assertThat(e.action().name()).isEqualTo("READ");
            assertThat(e.residentRef()).isEqualTo(w.resident.toString());
        });
        assertThat(rows).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(w.gp);
            assertThat(e.action().name()).isEqualTo("SEARCH");
        });
    }
}
