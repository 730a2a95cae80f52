package org.medunion.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.registry.InstitutionId;
import org.medunion.support.Api;
import org.medunion.support.FhirValidation;
import tools.jackson.databind.JsonNode;

/**
 * Decision 0259, the FHIR side of decision 0255: a consultation Task accepted with inputs typed from
 * {@code consultation-task-parameter} books the lead expert's consultation Slot and names further MDT experts, with the
 * REST side's gates; the session Appointment then shows the Slot and every expert. A taken slot is 409, an unqualified
 * expert 422 (TM-5) and a malformed input 400, each naming the input, and change nothing.
 */
abstract class ConsultationFhirAcceptContract extends ConsultationWorldTest {

    static final String CS = "https://medunion.example/fhir/CodeSystem/consultation-task-parameter";

    static String input(String code, String reference) {
        return "{\"type\":{\"coding\":[{\"system\":\"" + CS + "\",\"code\":\"" + code + "\"}]},\"valueReference\":"
                + "{\"reference\":\"" + reference + "\"}}";
    }

    static String acceptTask(String id, String... inputs) {
        return """
                {"resourceType":"Task","id":"%s","status":"accepted","intent":"order","note":[{"text":"远程会诊室 3"}],
                 "input":[%s]}""".formatted(id, String.join(",", inputs));
    }

    Api.Response put(ConsultationFixture w, String id, String body) {
        String version = ConsultationFhirContract.valid(w.as(w.specialist).getFhir("/fhir/Task/" + id)).get("meta")
                .get("versionId").asString();
        return w.as(w.specialist).putFhir("/fhir/Task/" + id, body, "W/\"" + version + "\"");
    }

    long bookings(String slot) {
        return jdbc.sql("select count(*) from scheduling_booking where slot_id = ? and status = 'BOOKED'")
                .param(UUID.fromString(slot)).query(Long.class).single();
    }

    long panelRows(String consultation) {
        return jdbc.sql("select (select count(*) from consultation_slot_booking where consultation_id = ?)"
                + " + (select count(*) from consultation_expert where consultation_id = ?)")
                .params(UUID.fromString(consultation), UUID.fromString(consultation)).query(Long.class).single();
    }

    static List<String> outputs(JsonNode task, String code) {
        var out = new ArrayList<String>();
        task.path("output").forEach(o -> {
            if (code.equals(o.get("type").get("coding").get(0).get("code").asString())) {
                out.add(o.get("valueReference").get("reference").asString());
            }
        });
        return out;
    }

    @Test
    void acceptingWithASlotAndTwoMdtExperts_theAppointmentShowsThem_aTakenSlotIs409() {
        var w = freshWorld();
        var hospital = new InstitutionId(w.hospital);
        var second = w.physician("心外专家", hospital, LocalDate.now().minusYears(9)).value();
        var third = w.physician("影像专家", hospital, LocalDate.now().minusYears(11)).value();
        var slots = ConsultationLiveSessionContract.consultationSlots(w, w.expert);
        String id = w.id(w.request("\"type\":\"MDT\""));
        String body = acceptTask(id, input("expert", "Practitioner/" + w.expert), input("slot", "Slot/" + slots.get(0)),
                input("mdt-expert", "Practitioner/" + second), input("mdt-expert", "Practitioner/" + third));
        var accepted = put(w, id, body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        FhirValidation.assertValid(accepted.body());

        var task = ConsultationFhirContract.valid(w.as(w.gp).getFhir("/fhir/Task/" + id));
        FhirValidation.withServerTerminology(w.as(w.gp)).check(task.toString());
        assertThat(task.get("status").asString()).isEqualTo("accepted");
        assertThat(outputs(task, "slot")).containsExactly("Slot/" + slots.get(0));
        assertThat(outputs(task, "mdt-expert")).containsExactly("Practitioner/" + second, "Practitioner/" + third);
        JsonNode a = ConsultationFhirContract.valid(w.as(w.gp).getFhir("/fhir/Appointment/" + id + "-session"));
        assertThat(a.get("slot").get(0).get("reference").asString()).isEqualTo("Slot/" + slots.get(0));
        assertThat(ConsultationSessionFhirContract.references(a)).contains("Practitioner/" + w.expert,
                "Practitioner/" + second, "Practitioner/" + third).doesNotHaveDuplicates();
        var rest = w.as(w.gp).get("/api/consultations/" + id).expect(200).json();
        assertThat(rest.get("panel").get("slot").get("slotId").asString()).isEqualTo(slots.get(0));
        assertThat(rest.get("sessionAt").asString()).isEqualTo(rest.get("panel").get("slot").get("start").asString());
        assertThat(bookings(slots.get(0))).isOne();

        // the same slot for another consultation: 409 naming the input, nothing booked or accepted
        String other = w.id(w.request("\"type\":\"MDT\""));
        var taken = put(w, other, acceptTask(other, input("expert", "Practitioner/" + w.expert),
                input("slot", "Slot/" + slots.get(0)), input("mdt-expert", "Practitioner/" + second)));
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        FhirValidation.assertValid(taken.body());
        assertThat(taken.body()).contains("SCHEDULING-0001", "\"Task.input[1]\"");
        assertThat(w.as(w.gp).get("/api/consultations/" + other).json().get("status").asString()).isEqualTo("REQUESTED");
        assertThat(panelRows(other)).isZero();
        assertThat(bookings(slots.get(0))).isOne();
    }

    @Test
    void anExpertOutsideTheInvitedInstitutionOrABadInputChangesNothing() {
        var w = freshWorld();
        var second = w.physician("本院专家", new InstitutionId(w.hospital), LocalDate.now().minusYears(9)).value();
        var stranger = w.physician("外院专家", new InstitutionId(w.otherHospital), LocalDate.now().minusYears(20)).value();
        var slots = ConsultationLiveSessionContract.consultationSlots(w, w.expert);
        String id = w.id(w.request("\"type\":\"MDT\""));
        String lead = input("expert", "Practitioner/" + w.expert);
        String slot = input("slot", "Slot/" + slots.get(0));
        var foreign = put(w, id, acceptTask(id, lead, slot, input("mdt-expert", "Practitioner/" + second),
                input("mdt-expert", "Practitioner/" + stranger)));
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(422);
        FhirValidation.assertValid(foreign.body());
        assertThat(foreign.body()).contains("TM-5", "\"Task.input[3]\"").doesNotContain("\"Task.input[2]\"");
        String[][] cases = {
                {acceptTask(id, lead, input("mdt-expert", "Practitioner/" + UUID.randomUUID())), "\"Task.input[1]\"",
                        "CONSULTATION-0007"},
                {acceptTask(id, lead, input("mdt-expert", "Slot/" + slots.get(1))), "\"Task.input[1].valueReference\"",
                        "request.wrongType"},
                {acceptTask(id, lead, input("panel", "Practitioner/" + second)), "\"Task.input[1].type\"",
                        "request.unknownValue"},
                {acceptTask(id, lead, slot, input("slot", "Slot/" + slots.get(1))), "\"Task.input[2]\"", "fhir.notSupported"},
        };
        for (String[] c : cases) {
            var r = put(w, id, c[0]);
            assertThat(r.status()).as(c[0] + "\n" + r.body()).isEqualTo(400);
            FhirValidation.assertValid(r.body());
            assertThat(r.body()).as(c[0]).contains(c[1], c[2]);
        }
        assertThat(w.as(w.gp).get("/api/consultations/" + id).json().get("status").asString()).isEqualTo("REQUESTED");
        assertThat(panelRows(id)).isZero();
        assertThat(bookings(slots.get(0))).isZero();
    }
}
