package org.medunion.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.medunion.registry.InstitutionId;
import org.medunion.shared.InstitutionDays;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Live consultation sessions (decision 0255): accepting with an expert's consultation slot books it in scheduling (a
 * taken slot is 409 and nothing is written, cancelling releases it), an MDT names further experts each checked against
 * TM-5, a held session records the participants of both sides (TM-6's evidence), and the FHIR Appointment carries the
 * Slot and the participants, validated against R4.
 */
abstract class ConsultationLiveSessionContract extends ConsultationWorldTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Map<Integer, ConsultationFixture> SHARED = new ConcurrentHashMap<>();

    @Autowired
    ConsultationSessionEvidence evidence;

    ConsultationFixture world() {
        return SHARED.computeIfAbsent(port, p -> new ConsultationFixture(p, registry, residents, accounts));
    }

    /** A consultation schedule of the practitioner at the lead hospital, in three days: its slots' ids. */
    static List<String> consultationSlots(ConsultationFixture w, UUID practitioner) {
        LocalDate day = LocalDate.now(ZONE).plusDays(3);
        var schedule = w.as(w.specialist).post("/api/scheduling/schedules", """
                {"institutionId":"%s","department":"会诊中心","discipline":"心血管内科","kind":"CONSULTATION",
                 "practitionerId":"%s","periodStart":"%s","periodEnd":"%s","dayStart":"09:00","dayEnd":"10:00",
                 "slotMinutes":30}""".formatted(w.hospital, practitioner, day, day)).expect(201).json();
        assertThat(schedule.get("reservedCount").asInt()).as("no NN-4 share on consultation slots").isZero();
        var slots = w.as(w.specialist).get("/api/scheduling/slots?schedule=" + schedule.get("id").asString() + "&limit=50")
                .expect(200).json();
        var out = new ArrayList<String>();
        slots.forEach(s -> out.add(s.get("id").asString()));
        assertThat(out).hasSize(2);
        return out;
    }

    static String acceptWith(ConsultationFixture w, String slot, String extra) {
        return "{\"expertPractitionerId\":\"" + w.expert + "\",\"slotId\":\"" + slot + "\",\"note\":\"远程会诊室 1\""
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    String slotStatus(String slot) {
        return jdbc.sql("select status from scheduling_slot where id = ?").param(UUID.fromString(slot)).query(String.class)
                .single();
    }

    long activeBookings(String slot) {
        return jdbc.sql("select count(*) from scheduling_booking where slot_id = ? and status = 'BOOKED'")
                .param(UUID.fromString(slot)).query(Long.class).single();
    }

    long slotRows(String consultation) {
        return jdbc.sql("select count(*) from consultation_slot_booking where consultation_id = ?")
                .param(UUID.fromString(consultation)).query(Long.class).single();
    }

    @Test
    void acceptingWithASlotBooksIt_aTakenSlotIs409_cancellingReleasesIt() {
        var w = world();
        var slots = consultationSlots(w, w.expert);
        String first = w.id(w.request(""));
        var accepted = w.as(w.specialist).post("/api/consultations/" + first + "/accept", acceptWith(w, slots.get(0), ""))
                .expect(200).json();
        var slot = accepted.get("panel").get("slot");
        assertThat(slot.get("slotId").asString()).isEqualTo(slots.get(0));
        assertThat(slot.get("released").asBoolean()).isFalse();
        assertThat(accepted.get("sessionAt").asString()).isEqualTo(slot.get("start").asString());
        assertThat(slotStatus(slots.get(0))).isEqualTo("BOOKED");
        assertThat(activeBookings(slots.get(0))).isOne();

        // the same slot for another consultation: 409, and neither side wrote anything
        String second = w.id(w.request(""));
        var taken = w.as(w.specialist).post("/api/consultations/" + second + "/accept", acceptWith(w, slots.get(0), ""));
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(taken.body()).contains("SCHEDULING-0001");
        assertThat(w.as(w.gp).get("/api/consultations/" + second).json().get("status").asString()).isEqualTo("REQUESTED");
        assertThat(slotRows(second)).isZero();
        assertThat(activeBookings(slots.get(0))).isOne();

        // a slot of another practitioner, or a time other than the slot's, is bad input naming the field
        var other = w.physician("另一专家", new InstitutionId(w.hospital), LocalDate.now().minusYears(12));
        var othersSlot = consultationSlots(w, other.value()).get(0);
        var wrong = w.as(w.specialist).post("/api/consultations/" + second + "/accept", acceptWith(w, othersSlot, ""));
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(400);
        assertThat(wrong.body()).contains("slotId", "SCHEDULING-0051");
        var time = w.as(w.specialist).post("/api/consultations/" + second + "/accept",
                acceptWith(w, slots.get(1), "\"sessionAt\":\"2030-01-01T02:00:00Z\""));
        assertThat(time.status()).as(time.body()).isEqualTo(400);
        assertThat(time.body()).contains("sessionAt");
        assertThat(activeBookings(slots.get(1))).isZero();

        // cancelling the first releases its slot, which the second then books
        var cancelled = w.as(w.gp).post("/api/consultations/" + first + "/cancel", "{\"text\":\"患者已转上级医院\"}").expect(200)
                .json();
        assertThat(cancelled.get("panel").get("slot").get("released").asBoolean()).isTrue();
        assertThat(slotStatus(slots.get(0))).isEqualTo("FREE");
        assertThat(activeBookings(slots.get(0))).isZero();
        w.as(w.specialist).post("/api/consultations/" + second + "/accept", acceptWith(w, slots.get(0), "")).expect(200);
        assertThat(activeBookings(slots.get(0))).isOne();
    }

    @Test
    void aSlotOnlyForALiveForm() {
        var w = world();
        var slots = consultationSlots(w, w.expert);
        String advice = w.id(w.request("\"type\":\"ADVICE_ONLY\""));
        var r = w.as(w.specialist).post("/api/consultations/" + advice + "/accept", acceptWith(w, slots.get(0), ""));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("slotId", "CONSULTATION-0072");
        assertThat(slotStatus(slots.get(0))).isEqualTo("FREE");
    }

    @Test
    void TM5_anMdtWithAnUnqualifiedExpertIsRefusedNamingTheExpert() {
        var w = world();
        var hospital = new InstitutionId(w.hospital);
        var second = w.physician("第二专家", hospital, LocalDate.now().minusYears(8));
        var junior = w.physician("年轻医师", hospital, LocalDate.now().minusYears(1));
        String id = w.id(w.request("\"type\":\"MDT\""));
        var r = w.as(w.specialist).post("/api/consultations/" + id + "/accept", "{\"expertPractitionerId\":\"" + w.expert
                + "\",\"sessionAt\":\"2030-01-01T02:00:00Z\",\"expertIds\":[\"" + second.value() + "\",\"" + junior.value()
                + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("TM-5", "expertIds[1]", "年轻医师").doesNotContain("expertIds[0]");
        assertThat(w.as(w.gp).get("/api/consultations/" + id).json().get("status").asString()).isEqualTo("REQUESTED");
        assertThat(jdbc.sql("select count(*) from consultation_expert where consultation_id = ?").param(UUID.fromString(id))
                .query(Long.class).single()).isZero();

        // a single-expert form names no further experts
        String remote = w.id(w.request(""));
        var notMdt = w.as(w.specialist).post("/api/consultations/" + remote + "/accept", "{\"expertPractitionerId\":\""
                + w.expert + "\",\"expertIds\":[\"" + second.value() + "\"]}");
        assertThat(notMdt.status()).as(notMdt.body()).isEqualTo(400);
        assertThat(notMdt.body()).contains("expertIds", "CONSULTATION-0070");

        var ok = w.as(w.specialist).post("/api/consultations/" + id + "/accept", "{\"expertPractitionerId\":\"" + w.expert
                + "\",\"sessionAt\":\"2030-01-01T02:00:00Z\",\"expertIds\":[\"" + second.value() + "\",\"" + w.expert
                + "\"]}").expect(200).json();
        assertThat(ok.get("expertPractitionerId").asString()).isEqualTo(w.expert.toString());
        var experts = ok.get("panel").get("experts");
        assertThat(experts).hasSize(1);
        assertThat(experts.get(0).get("id").asString()).isEqualTo(second.value().toString());
        assertThat(experts.get(0).get("name").asString()).startsWith("第二专家");
        var sr = ConsultationFhirContract.valid(w.as(w.gp).getFhir("/fhir/ServiceRequest/" + id));
        var performers = new ArrayList<String>();
        sr.get("performer").forEach(p -> performers.add(p.get("reference").asString()));
        assertThat(performers).containsExactly("Organization/" + w.hospital, "Practitioner/" + w.expert,
                "Practitioner/" + second.value());
    }

    @Test
    void TM6_heldSessionsRecordTheParticipantsOfBothSides() {
        var w = world();
        var second = w.physician("会诊专家乙", new InstitutionId(w.hospital), LocalDate.now().minusYears(9));
        var gpPhysician = w.physician("社区医师", new InstitutionId(w.primary), LocalDate.now().minusYears(2));
        var stranger = w.physician("外院医师", new InstitutionId(w.otherHospital), LocalDate.now().minusYears(20));
        var slots = consultationSlots(w, w.expert);
        String id = w.id(w.request("\"type\":\"MDT\""));
        String base = "/api/consultations/" + id;
        w.as(w.specialist).post(base + "/accept", acceptWith(w, slots.get(1), "\"expertIds\":[\"" + second.value() + "\"]"))
                .expect(200);
        String both = "{\"participantIds\":[\"" + w.expert + "\",\"" + second.value() + "\",\"" + gpPhysician.value()
                + "\"],\"note\":\"多学科讨论\"}";
        var early = w.as(w.gp).post(base + "/sessions", both);
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.body()).contains("CONSULTATION-0074");

        w.as(w.specialist).post(base + "/start", "").expect(200);
        var foreign = w.as(w.gp).post(base + "/sessions", "{\"participantIds\":[\"" + w.expert + "\",\"" + stranger.value()
                + "\"]}");
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(400);
        assertThat(foreign.body()).contains("participantIds[1]", "CONSULTATION-0075");
        assertThat(w.as(w.office).post(base + "/sessions", both).status()).isEqualTo(403);
        assertThat(w.as(w.outsider).post(base + "/sessions", both).status()).isEqualTo(404);

        var withGp = w.as(w.gp).post(base + "/sessions", both).expect(200).json();
        var held = withGp.get("panel").get("held");
        assertThat(held).hasSize(1);
        var sides = new ArrayList<String>();
        held.get(0).get("participants").forEach(p -> sides.add(p.get("side").asString()));
        assertThat(sides).containsExactlyInAnyOrder("INVITED", "INVITED", "INVITING");
        assertThat(withGp.get("panel").get("invitingPhysicianMissing").asBoolean()).isFalse();
        var expertsOnly = w.as(w.specialist).post(base + "/sessions", "{\"participantIds\":[\"" + w.expert + "\"]}")
                .expect(200).json();
        assertThat(expertsOnly.get("panel").get("held")).hasSize(2);
        assertThat(expertsOnly.get("panel").get("invitingPhysicianMissing").asBoolean()).isTrue();

        // TM-6's evidence: this consultation's two sessions, one with the inviting side's physician, one without
        LocalDate today = LocalDate.now(ZONE);
        var found = evidence.heldLiveSessions(List.of(new InstitutionDays(w.primary, today.minusDays(1), today.plusDays(1))))
                .stream().filter(l -> l.consultationId().toString().equals(id)).toList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).type()).isEqualTo(ConsultationType.MDT);
        assertThat(found.get(0).sessions()).extracting(ConsultationSessionEvidence.Held::invitingPhysicians)
                .containsExactlyInAnyOrder(1, 0);
        assertThat(found.get(0).invitingPhysiciansPresent(1)).isFalse();
        assertThat(evidence.heldLiveSessions(List.of(new InstitutionDays(w.hospital, today.minusDays(1),
                today.plusDays(1)))).stream().filter(l -> l.consultationId().toString().equals(id))).isEmpty();

        // FHIR: the Appointment references the booked Slot and names every expert and the recorded participants
        JsonNode a = ConsultationFhirContract.valid(w.as(w.gp).getFhir("/fhir/Appointment/" + id + "-session"));
        assertThat(a.get("slot").get(0).get("reference").asString()).isEqualTo("Slot/" + slots.get(1));
        assertThat(ConsultationSessionFhirContract.references(a)).contains("Practitioner/" + w.expert,
                "Practitioner/" + second.value(), "Practitioner/" + gpPhysician.value())
                .doesNotHaveDuplicates();
        assertThat(w.as(w.gp).getFhir("/fhir/Appointment/" + id + "-session").body()).doesNotContain(stranger.value()
                .toString());
    }
}
