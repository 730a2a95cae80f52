package org.medunion.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medunion.identity.AccountManagement;
import org.medunion.support.FhirValidation;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ResidentsManagement;
import org.medunion.scheduling.SchedulingManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * FHIR round trip (fhir.md: ServiceRequest + Task): an external system creates a referral, watches the
 * receiving institution's Tasks, accepts by updating the Task (version-aware), rejects with statusReason;
 * every resource the server returns validates against the R4 base profiles.
 */
abstract class ReferralFhirContract {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    RegistryManagement registry;

    @Autowired
    ResidentsManagement residents;

    @Autowired
    SchedulingManagement scheduling;

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
                 "note":[{"text":"血压控制不佳，需专科评估"}]}""".formatted(w.resident, w.primary, w.hospital);
    }

    @Test
    void externalSystemCreatesWatchesAndAcceptsAReferral_validR4() {
        var w = new ReferralFixture(port, registry, residents, scheduling, accounts);
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
                 "input":[{"type":{"coding":[{"system":"https://medunion.example/fhir/CodeSystem/referral-task-input","code":"slot"}]},
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
        var w = new ReferralFixture(port, registry, residents, scheduling, accounts);
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
        var again = api.putFhir("/fhir/Task/" + id, rejected.replace("rejected", "in-progress").replace("\"statusReason\"", "\"note\":[],\"x\""), null);
        assertThat(again.status()).isEqualTo(400);
        var illegal = api.putFhir("/fhir/Task/" + id, """
                {"resourceType":"Task","id":"%s","status":"in-progress","intent":"order"}""".formatted(id), null);
        assertThat(illegal.status()).as(illegal.body()).isEqualTo(409);
        assertThat(illegal.body()).contains("REJECTED").contains("ARRIVED");
        var noReason = api.postFhir("/fhir/ServiceRequest", serviceRequest(w).replace("\"reasonCode\"", "\"x_reasonCode\""));
        assertThat(noReason.status()).isEqualTo(400);
    }
}
