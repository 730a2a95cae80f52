package org.medunion.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medunion.support.FhirValidation;

/**
 * FHIR round trip (fhir.md: ServiceRequest + Task): an external system creates a referral, watches the
 * receiving institution's Tasks, accepts by updating the Task (version-aware), rejects with statusReason;
 * every resource the server returns validates against the R4 base profiles.
 */
abstract class ReferralFhirContract extends ReferralWorldTest {

    private String serviceRequest(ReferralFixture w) {
        return """
                {"resourceType":"ServiceRequest","status":"active","intent":"order",
                 "extension":[{"url":"https://medunion.example/fhir/StructureDefinition/referral-no-criteria-reason","valueString":"HIS 转诊"}],
                 "category":[{"coding":[{"system":"http://snomed.info/sct","code":"3457005","display":"Patient referral"}]}],
                 "priority":"urgent",
                 "code":{"coding":[{"system":"https://medunion.example/fhir/CodeSystem/referral-direction","code":"up"}],"text":"心内科"},
                 "subject":{"reference":"Patient/%s"},
                 "requester":{"reference":"Organization/%s"},
                 "performer":[{"reference":"Organization/%s"}],
                 "reasonCode":[{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10","code":"I10","display":"原发性高血压"}]}],
                 "note":[{"text":"血压控制不佳，需专科评估"}]}"""
                .formatted(w.resident, w.primary, w.hospital);
    }

    @Test
    void externalSystemCreatesWatchesAndAcceptsAReferral_validR4() {
        var w = newWorld();
        var api = w.as("integrator");
        var created = api.postFhir("/fhir/ServiceRequest", serviceRequest(w));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        FhirValidation.assertValid(created.body());
        String id = created.json().get("id").asString();
        assertThat(created.json().get("identifier").get(0).get("value").asString()).startsWith("RF-");

        var sr = api.getFhir("/fhir/ServiceRequest/" + id);
        assertThat(sr.status()).isEqualTo(200);
        FhirValidation.assertValid(sr.body());
        assertThat(sr.json().get("priority").asString()).isEqualTo("urgent");

        var watch = api.getFhir("/fhir/Task?owner=Organization/" + w.hospital + "&status=requested");
        assertThat(watch.status()).as(watch.body()).isEqualTo(200);
        assertThat(watch.json().get("total").asInt()).isEqualTo(1);
        var task = watch.json().get("entry").get(0).get("resource");
        FhirValidation.assertValid(task.toString());
        assertThat(task.get("businessStatus").get("coding").get(0).get("code").asString()).isEqualTo("submitted");
        assertThat(task.get("focus").get("reference").asString()).isEqualTo("ServiceRequest/" + id);
        String version = task.get("meta").get("versionId").asString();

        String accepted = """
                {"resourceType":"Task","id":"%s","status":"accepted","intent":"order",
                 "focus":{"reference":"ServiceRequest/%s"},"owner":{"reference":"Organization/%s"},
                 "input":[{"type":{"coding":[{"system":"https://medunion.example/fhir/CodeSystem/booking-kind","code":"slot"}]},
                           "valueReference":{"reference":"Schedule/%s"}}]}""".formatted(id, id, w.hospital, w.hospitalSchedule);
        var stale = api.putFhir("/fhir/Task/" + id, accepted, "W/\"999\"");
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        var ok = api.putFhir("/fhir/Task/" + id, accepted, "W/\"" + version + "\"");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        var after = api.getFhir("/fhir/Task/" + id);
        FhirValidation.assertValid(after.body());
        assertThat(after.json().get("status").asString()).isEqualTo("accepted");
        assertThat(after.json().get("businessStatus").get("coding").get(0).get("code").asString()).isEqualTo("accepted");
        assertThat(after.body()).contains("Appointment/");
        // the same referral through REST
        assertThat(w.as(w.gp).get("/api/referrals/" + id).json().get("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void rejectionCarriesStatusReason_andIllegalTaskChangesAre409() {
        var w = newWorld();
        var api = w.as("integrator");
        String id = api.postFhir("/fhir/ServiceRequest", serviceRequest(w)).json().get("id").asString();
        String rejected = """
                {"resourceType":"Task","id":"%s","status":"rejected","intent":"order",
                 "statusReason":{"coding":[{"system":"https://medunion.example/fhir/CodeSystem/rejection-reason","code":"no-capacity"}],"text":"本周无号"}}"""
                .formatted(id);
        var r = api.putFhir("/fhir/Task/" + id, rejected, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var task = api.getFhir("/fhir/Task/" + id);
        FhirValidation.assertValid(task.body());
        assertThat(task.json().get("statusReason").get("coding").get(0).get("code").asString()).isEqualTo("no-capacity");
        var again = api.putFhir("/fhir/Task/" + id,
                rejected.replace("rejected", "in-progress").replace("\"statusReason\"", "\"note\":[],\"x\""), null);
        assertThat(again.status()).isEqualTo(400);
        var illegal = api.putFhir("/fhir/Task/" + id, """
                {"resourceType":"Task","id":"%s","status":"in-progress","intent":"order"}""".formatted(id), null);
        assertThat(illegal.status()).as(illegal.body()).isEqualTo(409);
        assertThat(illegal.body()).contains("REJECTED").contains("ARRIVED");
        var noReason = api.postFhir("/fhir/ServiceRequest", serviceRequest(w).replace("\"reasonCode\"", "\"x_reasonCode\""));
        assertThat(noReason.status()).isEqualTo(400);
    }

    @Test
    void serviceRequestToUnknownInstitutionOrResidentIsAnOperationOutcomeNamingTheElement() {
        var w = newWorld();
        var api = w.as("integrator");
        var toNowhere = api.postFhir("/fhir/ServiceRequest", serviceRequest(w).replace(
                "Organization/" + w.hospital, "Organization/" + java.util.UUID.randomUUID()));
        assertThat(toNowhere.status()).as(toNowhere.body()).isEqualTo(400);
        FhirValidation.assertValid(toNowhere.body());
        var issue = toNowhere.json().get("issue").get(0);
        assertThat(issue.get("expression").get(0).asString()).isEqualTo("ServiceRequest.performer");
        assertThat(issue.get("details").get("coding").get(0).get("code").asString()).isEqualTo("REFERRAL-0014");
        var ghost = api.postFhir("/fhir/ServiceRequest", serviceRequest(w).replace(
                "Patient/" + w.resident, "Patient/" + java.util.UUID.randomUUID()));
        assertThat(ghost.status()).as(ghost.body()).isEqualTo(400);
        assertThat(ghost.json().get("issue").get(0).get("expression").get(0).asString()).isEqualTo("ServiceRequest.subject");
        assertThat(ghost.body()).contains("REFERRAL-0015");
        assertThat(jdbc.sql("select count(*) from referral_referral where resident_id = ?").param(w.resident)
                .query(Long.class).single()).as("nothing written").isZero();
    }

    @Test
    void homeCareIsAcceptedThroughTheTaskWithCareTeamPractitionerAndPlannedStart_validR4() {
        var w = newWorld();
        var team = residents.teamsOf(new org.medunion.registry.InstitutionId(w.primary)).get(0);
        var down = w.as(w.specialist).post("/api/referrals", """
                {"direction":"DOWN","toInstitutionId":"%s","residentId":"%s","consortiumId":"%s","reason":"终末期，回家",
                 "diagnosisCode":"C34.9","diagnosisText":"肺恶性肿瘤","urgency":"URGENT","noCriteriaReason":"安宁疗护",
                 "destinationType":"HOSPICE_HOME","submit":true}""".formatted(w.primary, w.resident, w.consortium));
        assertThat(down.status()).as(down.body()).isEqualTo(201);
        String id = w.id(down.json());
        var api = w.as("integrator");
        String start = java.time.LocalDate.now().plusDays(2).toString();
        String wrong = """
                {"resourceType":"Task","id":"%s","status":"accepted","intent":"order",
                 "input":[{"type":{"coding":[{"system":"https://medunion.example/fhir/CodeSystem/booking-kind","code":"bed"}]},
                           "valueReference":{"reference":"Schedule/%s"}}]}""".formatted(id, w.hospitalSchedule);
        var refused = api.putFhir("/fhir/Task/" + id, wrong, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("issue").get(0).get("expression").get(0).asString()).isEqualTo("Task.input.type");
        assertThat(refused.body()).contains("REFERRAL-0019");
        String accepted = """
                {"resourceType":"Task","id":"%s","status":"accepted","intent":"order",
                 "input":[{"type":{"coding":[{"system":"https://medunion.example/fhir/CodeSystem/referral-task-parameter","code":"care-team"}]},
                           "valueReference":{"reference":"CareTeam/%s"}},
                          {"type":{"coding":[{"system":"https://medunion.example/fhir/CodeSystem/referral-task-parameter","code":"practitioner"}]},
                           "valueReference":{"reference":"Practitioner/%s"}},
                          {"type":{"coding":[{"system":"https://medunion.example/fhir/CodeSystem/referral-task-parameter","code":"planned-start"}]},
                           "valueDate":"%s"}]}"""
                .formatted(id, team.id(), team.gpPractitionerId(), start);
        var ok = api.putFhir("/fhir/Task/" + id, accepted, null);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        var task = api.getFhir("/fhir/Task/" + id);
        FhirValidation.assertValid(task.body());
        assertThat(task.json().get("status").asString()).isEqualTo("accepted");
        assertThat(task.body()).contains("CareTeam/" + team.id()).contains("Practitioner/" + team.gpPractitionerId())
                .contains("\"valueDate\":\"" + start + "\"").doesNotContain("Appointment/");
        assertThat(w.as(w.gp).get("/api/referrals/" + id).json().get("homeCare").get("plannedStart").asString()).isEqualTo(start);
    }
}
