package org.medunion.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.audit.AuditTrail;
import tools.jackson.databind.JsonNode;

/**
 * A consultation's session as FHIR Appointment {@code <consultation>-session} (decision 0245): status follows the
 * workflow (proposed, booked, arrived, fulfilled, cancelled), the participants are the patient, both institutions and
 * the expert, {@code basedOn} the consultation; read, vread and searches by patient, practitioner/actor, date,
 * based-on and {@code _lastUpdated} with paging validate against R4; only the two sides and the office see it.
 */
abstract class ConsultationSessionFhirContract extends ConsultationWorldTest {

    static JsonNode valid(org.medunion.support.Api.Response r) {
        return ConsultationFhirContract.valid(r);
    }

    static List<String> references(JsonNode appointment) {
        var out = new ArrayList<String>();
        appointment.get("participant").forEach(p -> out.add(p.get("actor").get("reference").asString()));
        return out;
    }

    @Test
    void theSessionFollowsTheWorkflow_validR4() {
        var w = freshWorld();
        String requested = w.into(ConsultationStatus.REQUESTED);
        var proposed = valid(w.as(w.specialist).getFhir("/fhir/Appointment/" + requested + "-session"));
        assertThat(proposed.get("status").asString()).isEqualTo("proposed");
        assertThat(proposed.get("requestedPeriod").get(0).get("start").asString()).startsWith("2030-01-01T");
        assertThat(proposed.has("start")).isFalse();

        String id = w.into(ConsultationStatus.ACCEPTED);
        var booked = valid(w.as(w.gp).getFhir("/fhir/Appointment/" + id + "-session"));
        assertThat(booked.get("status").asString()).isEqualTo("booked");
        assertThat(booked.get("basedOn").get(0).get("reference").asString()).isEqualTo("ServiceRequest/" + id);
        assertThat(booked.get("minutesDuration").asInt()).isEqualTo(30);
        assertThat(references(booked)).contains("Patient/" + w.resident, "Organization/" + w.primary,
                "Organization/" + w.hospital, "Practitioner/" + w.expert);
        assertThat(booked.get("meta").get("lastUpdated").asString()).isNotBlank();

        ConsultationFixture.ok(w.as(w.specialist).post("/api/consultations/" + id + "/start", ""));
        var arrived = valid(w.as(w.gp).getFhir("/fhir/Appointment/" + id + "-session"));
        assertThat(arrived.get("status").asString()).isEqualTo("arrived");
        String closed = w.into(ConsultationStatus.CLOSED);
        assertThat(valid(w.as(w.gp).getFhir("/fhir/Appointment/" + closed + "-session")).get("status").asString())
                .isEqualTo("fulfilled");
        String declined = w.into(ConsultationStatus.DECLINED);
        var cancelled = valid(w.as(w.gp).getFhir("/fhir/Appointment/" + declined + "-session"));
        assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.get("cancelationReason").get("text").asString()).isEqualTo("本院无此专科");
    }

    @Test
    void searchesByPatientPractitionerDateBasedOnAndLastUpdatedPage() {
        var w = freshWorld();
        String a = w.into(ConsultationStatus.ACCEPTED);
        String b = w.into(ConsultationStatus.REQUESTED);
        var first = valid(w.as(w.gp).getFhir("/fhir/Appointment?patient=Patient/" + w.resident + "&_count=1"));
        assertThat(first.get("total").asInt()).isEqualTo(2);
        String next = ConsultationFhirContract.next(first);
        assertThat(next).isNotNull();
        var second = valid(w.as(w.gp).getFhir(next));
        var both = new ArrayList<String>(ConsultationFhirContract.ids(first));
        both.addAll(ConsultationFhirContract.ids(second));
        assertThat(both).containsExactlyInAnyOrder(a + "-session", b + "-session");

        assertThat(ConsultationFhirContract.ids(valid(w.as(w.specialist).getFhir("/fhir/Appointment?practitioner=Practitioner/"
                + w.expert)))).containsExactly(a + "-session");
        assertThat(ConsultationFhirContract.ids(valid(w.as(w.specialist).getFhir("/fhir/Appointment?actor=Practitioner/"
                + w.expert + "&date=2030-01-01")))).containsExactly(a + "-session");
        assertThat(ConsultationFhirContract.ids(valid(w.as(w.specialist).getFhir("/fhir/Appointment?actor=Practitioner/"
                + w.expert + "&date=2030-01-02")))).isEmpty();
        assertThat(ConsultationFhirContract.ids(valid(w.as(w.gp).getFhir("/fhir/Appointment?based-on=ServiceRequest/" + b))))
                .containsExactly(b + "-session");
        assertThat(valid(w.as(w.gp).getFhir("/fhir/Appointment?patient=Patient/" + w.resident
                + "&_lastUpdated=gt2099-01-01")).get("total").asInt()).isZero();
        assertThat(valid(w.as(w.gp).getFhir("/fhir/Appointment?patient=Patient/" + w.resident
                + "&_lastUpdated=ge2020-01-01")).get("total").asInt()).isEqualTo(2);
        var bad = w.as(w.gp).getFhir("/fhir/Appointment?date=2030-01-01");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("patient");
    }

    @Test
    void theCapabilityStatementListsTheParametersThatWork() {
        var w = freshWorld();
        var capability = valid(w.as(w.gp).getFhir("/fhir/metadata"));
        var params = new java.util.HashMap<String, java.util.Set<String>>();
        var interactions = new java.util.HashMap<String, java.util.Set<String>>();
        for (JsonNode res : capability.get("rest").get(0).get("resource")) {
            var names = new java.util.HashSet<String>();
            res.path("searchParam").forEach(p -> names.add(p.get("name").asString()));
            params.put(res.get("type").asString(), names);
            var codes = new java.util.HashSet<String>();
            res.path("interaction").forEach(i -> codes.add(i.get("code").asString()));
            interactions.put(res.get("type").asString(), codes);
        }
        assertThat(params.get("Communication")).containsExactlyInAnyOrder("patient", "based-on", "_lastUpdated");
        assertThat(interactions.get("Communication")).contains("read", "vread", "search-type", "create");
        assertThat(params.get("Appointment")).containsExactlyInAnyOrder("patient", "slot", "actor", "practitioner",
                "based-on", "date", "_lastUpdated");
    }

    @Test
    void onlyTheTwoSidesAndTheOfficeSeeTheSessionAndReadsAreAudited() {
        var w = freshWorld();
        String id = w.into(ConsultationStatus.ACCEPTED);
        valid(w.as(w.office).getFhir("/fhir/Appointment/" + id + "-session"));
        for (String stranger : new String[] {w.outsider, w.otherSpecialist}) {
            assertThat(w.as(stranger).getFhir("/fhir/Appointment/" + id + "-session").status()).as(stranger).isEqualTo(404);
            for (String q : new String[] {"patient=Patient/" + w.resident, "practitioner=Practitioner/" + w.expert,
                    "based-on=ServiceRequest/" + id}) {
                assertThat(valid(w.as(stranger).getFhir("/fhir/Appointment?" + q)).get("total").asInt()).as(stranger + q)
                        .isZero();
            }
        }
        assertThat(w.as(w.gp).getFhir("/fhir/Appointment/" + UUID.randomUUID() + "-session").status()).isEqualTo(404);
        valid(w.as(w.specialist).getFhir("/fhir/Appointment/" + id + "-session"));
        var rows = audit.search(new AuditTrail.AuditQuery(null, "Consultation", id, null, 100));
        assertThat(rows).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(w.specialist);
            assertThat(e.action().name()).isEqualTo("READ");
            assertThat(e.residentRef()).isEqualTo(w.resident.toString());
        });
    }
}
