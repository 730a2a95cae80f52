package org.medunion.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medunion.registry.Affiliation;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.scheduling.SchedulingFixture.Group;
import org.medunion.support.Api;
import org.medunion.support.RunningCity;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Scheduling end to end over REST and FHIR, on H2 and PostgreSQL: NN-4 reserved share and release, priority
 * booking for contracted residents (CQ-6, SH-15), atomic booking under contention, idempotent replays
 * cancellation, no-show, scope, and the I-8 / I-9 ratios.
 */
abstract class SchedulingContract extends RunningCity {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    SchedulingManagement scheduling;

    @Autowired
    ConsultationBookings consultationBookings;

    Group g;

    @BeforeEach
    void group() {
        g = SchedulingFixture.group(registry, residents, accounts);
    }

    Api gp() {
        return Api.as(port, g.gpUser());
    }

    Api lead() {
        return Api.as(port, g.leadUser());
    }

    /** A day far enough ahead that reserved slots are not released by the running job (lead time 24 h). */
    static LocalDate day() {
        return LocalDate.now(ZONE).plusDays(3);
    }

    JsonNode publish(Api as, InstitutionId at, String kind, String dayEnd, @Nullable String extra) {
        var r = as.post("/api/scheduling/schedules", """
                {"institutionId":"%s","department":"心内科","discipline":"心血管内科","kind":"%s",
                 "periodStart":"%s","periodEnd":"%s","dayStart":"08:00","dayEnd":"%s","slotMinutes":15%s}"""
                .formatted(at, kind, day(), day(), dayEnd, extra == null ? "" : "," + extra));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    List<JsonNode> slots(String scheduleId) {
        var r = gp().get("/api/scheduling/slots?schedule=" + scheduleId + "&limit=500");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var out = new ArrayList<JsonNode>();
        r.json().forEach(out::add);
        return out;
    }

    Api.Response book(Api as, String slotId, String residentId) {
        return as.post("/api/scheduling/bookings", "{\"slotId\":\"" + slotId + "\",\"residentId\":\"" + residentId + "\"}");
    }

    long activeBookings(String slotId) {
        return jdbc.sql("select count(*) from scheduling_booking where slot_id = ? and status = 'BOOKED'")
                .param(java.util.UUID.fromString(slotId)).query(Long.class).single();
    }

    // ------------------------------------------------------------------ NN-4 publication

    @Test
    void NN4_publishReservesCeilOfAThirdOfOutpatientSlotsAndAQuarterOfBeds() {
        var outpatient = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "12:00", null);
        assertThat(outpatient.get("slotCount").asInt()).isEqualTo(16);
        assertThat(outpatient.get("reservedCount").asInt()).isEqualTo(6); // ceil(16 / 3)
        assertThat(outpatient.get("reservedShare").asString()).isEqualTo("1/3");
        var list = slots(outpatient.get("id").asString());
        assertThat(list).hasSize(16);
        assertThat(list.stream().filter(s -> s.get("pool").asString().equals("PRIMARY_CARE_RESERVED")).count()).isEqualTo(6);

        var beds = publish(lead(), g.lead(), "INPATIENT_BED", "12:00", "\"perInterval\":10");
        assertThat(beds.get("slotCount").asInt()).isEqualTo(10);
        assertThat(beds.get("reservedCount").asInt()).isEqualTo(3); // ceil(10 / 4)
    }

    /** NN-4 is Nanning's rule (pack NN, applied by 450100): the minimum is enforced there, read from the policy module. */
    @Test
    void NN4_shareBelowTheMinimumIsBlockedWhereTheNanningPackAppliesAndNothingWritten() {
        InstitutionId nanning = registry.registerInstitution(new org.medunion.registry.RegisterInstitution("南宁市第六人民医院 "
                + org.medunion.support.RegistrySeeds.unique("nn"), org.medunion.support.RegistrySeeds.creditCode(),
                InstitutionCategory.GENERAL_HOSPITAL, HospitalLevel.TERTIARY,
                org.medunion.registry.HospitalGrade.UNGRADED, org.medunion.registry.Ownership.PUBLIC, null, Affiliation.MUNICIPAL, false,
                "450102", null, null, false, null, List.of(), List.of())).id();
        var r = Api.as(port, "admin").post("/api/scheduling/schedules", """
                {"institutionId":"%s","department":"骨科","kind":"OUTPATIENT_SPECIALTY","periodStart":"%s","periodEnd":"%s",
                 "reservedShare":"1/5"}""".formatted(nanning, day(), day()));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("violations").get(0).get("ruleId").asString()).isEqualTo("NN-4");
        assertThat(jdbc.sql("select count(*) from scheduling_schedule where institution_id = ?").param(nanning.value())
                .query(Long.class).single()).isZero();
    }

    /**
     * Decision 0255: no NN-4 parameter names an expert's consultation slots, so none is reserved even where the Nanning
     * pack applies; booking one goes through {@code ConsultationBookings}, which takes consultation slots only.
     */
    @Test
    void NN4_reservesNoConsultationSlotsEvenWhereTheNanningPackApplies() {
        InstitutionId nanning = registry.registerInstitution(new org.medunion.registry.RegisterInstitution("南宁市第七人民医院 "
                + org.medunion.support.RegistrySeeds.unique("nn"), org.medunion.support.RegistrySeeds.creditCode(),
                InstitutionCategory.GENERAL_HOSPITAL, HospitalLevel.TERTIARY,
                org.medunion.registry.HospitalGrade.UNGRADED, org.medunion.registry.Ownership.PUBLIC, null, Affiliation.MUNICIPAL, false,
                "450102", null, null, false, null, List.of(), List.of())).id();
        var r = Api.as(port, "admin").post("/api/scheduling/schedules", """
                {"institutionId":"%s","department":"会诊中心","kind":"CONSULTATION","periodStart":"%s","periodEnd":"%s",
                 "dayStart":"09:00","dayEnd":"11:00","slotMinutes":30}""".formatted(nanning, day(), day()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("slotCount").asInt()).isEqualTo(4);
        assertThat(r.json().get("reservedCount").asInt()).isZero();
        var outpatient = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "08:30", null);
        String notConsultation = slots(outpatient.get("id").asString()).get(0).get("id").asString();
        assertThatThrownBy(() -> consultationBookings.bookForConsultation(new SlotId(UUID.fromString(notConsultation)),
                g.contracted(), g.lead(), new org.medunion.registry.PractitionerId(UUID.randomUUID()), "test"))
                .isInstanceOf(org.medunion.shared.InvalidInputException.class).hasMessageContaining("SCHEDULING-0050");
    }

    /** Shanghai applies no pack with a release quota: a planner-chosen share below 1/3 is not refused (no rule to cite). */
    @Test
    void NN4_isNotEnforcedWhereNoJurisdictionAppliesTheNanningPack() {
        var r = lead().post("/api/scheduling/schedules", """
                {"institutionId":"%s","department":"骨科","kind":"OUTPATIENT_SPECIALTY","periodStart":"%s","periodEnd":"%s",
                 "reservedShare":"1/5"}""".formatted(g.lead(), day(), day()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("reservedShare").asString()).isEqualTo("1/5");
    }

    @Test
    void badInputNamesTheFieldAndRule() {
        var missing = lead().post("/api/scheduling/schedules", "{\"institutionId\":\"%s\",\"kind\":\"EXAM\"}".formatted(g.lead()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asString()).isEqualTo("department");
        var kind = lead().post("/api/scheduling/schedules", "{\"institutionId\":\"%s\",\"kind\":\"MRI\"}".formatted(g.lead()));
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.json().get("field").asString()).isEqualTo("kind");
        var share = lead().post("/api/scheduling/schedules", """
                {"institutionId":"%s","department":"骨科","kind":"EXAM","periodStart":"%s","periodEnd":"%s","reservedShare":"a third"}"""
                .formatted(g.lead(), day(), day()));
        assertThat(share.status()).isEqualTo(400);
        assertThat(share.json().get("code").asString()).isEqualTo("SCHEDULING-0010");
        var booking = gp().post("/api/scheduling/bookings", "{\"slotId\":\"not-a-uuid\"}");
        assertThat(booking.status()).isEqualTo(400);
        assertThat(booking.json().get("field").asString()).isEqualTo("slotId");
        var noResident = gp().post("/api/scheduling/bookings", "{\"slotId\":\"%s\"}".formatted(java.util.UUID.randomUUID()));
        assertThat(noResident.status()).isEqualTo(400);
        assertThat(noResident.json().get("field").asString()).isEqualTo("residentId");
        assertThat(gp().post("/api/scheduling/bookings", "{\"slotId\":").status()).isEqualTo(400);
    }

    // ------------------------------------------------------------------ booking with priority (CQ-6, SH-15)

    @Test
    void CQ6_gpBookingForAContractedResidentUsesReservedCapacityFirstWithPriority() {
        var schedule = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "09:00", null); // 4 slots, 2 reserved
        String scheduleId = schedule.get("id").asString();
        var first = gp().post("/api/scheduling/bookings",
                "{\"scheduleId\":\"%s\",\"residentId\":\"%s\"}".formatted(scheduleId, g.contracted()));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("pool").asString()).isEqualTo("PRIMARY_CARE_RESERVED");
        assertThat(first.json().get("priority").asString()).isEqualTo("PRIORITY_VISIT");
        assertThat(first.json().get("primaryCare").asBoolean()).isTrue();
        assertThat(first.json().get("contractId").isNull()).isFalse();
        var second = gp().post("/api/scheduling/bookings",
                "{\"scheduleId\":\"%s\",\"residentId\":\"%s\"}".formatted(scheduleId, g.contracted()));
        assertThat(second.json().get("pool").asString()).isEqualTo("PRIMARY_CARE_RESERVED");
        // reserved capacity used up: falls back to the public pool, still with priority
        var third = gp().post("/api/scheduling/bookings",
                "{\"scheduleId\":\"%s\",\"residentId\":\"%s\"}".formatted(scheduleId, g.contracted()));
        assertThat(third.status()).isEqualTo(201);
        assertThat(third.json().get("pool").asString()).isEqualTo("PUBLIC");
        assertThat(third.json().get("priority").asString()).isEqualTo("PRIORITY_VISIT");

        var exam = publish(lead(), g.lead(), "EXAM", "09:00", null);
        var examBooking = gp().post("/api/scheduling/bookings",
                "{\"scheduleId\":\"%s\",\"residentId\":\"%s\"}".formatted(exam.get("id").asString(), g.contracted()));
        assertThat(examBooking.json().get("priority").asString()).isEqualTo("PRIORITY_EXAM");
        var beds = publish(lead(), g.lead(), "INPATIENT_BED", "09:00", "\"perInterval\":4");
        var admission = gp().post("/api/scheduling/bookings",
                "{\"scheduleId\":\"%s\",\"residentId\":\"%s\"}".formatted(beds.get("id").asString(), g.contracted()));
        assertThat(admission.json().get("priority").asString()).isEqualTo("PRIORITY_ADMISSION");
    }

    @Test
    void scope_gpMayBookOnlyForResidentsContractedWithTheirInstitution() {
        var schedule = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "09:00", null);
        String slot = slots(schedule.get("id").asString()).get(0).get("id").asString();
        var r = book(gp(), slot, g.stranger().toString());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("code").asString()).isEqualTo("SCHEDULING-0003");
        assertThat(activeBookings(slot)).isZero();
        // another consortium's GP may not book our contracted resident either
        var other = SchedulingFixture.group(registry, residents, accounts);
        assertThat(book(Api.as(port, other.gpUser()), slot, g.contracted().toString()).status()).isEqualTo(403);
        assertThat(book(gp(), slot, g.contracted().toString()).status()).isEqualTo(201);
    }

    @Test
    void NN4_reservedSlotsAreBookableOnlyByPrimaryCareUntilReleased() {
        var schedule = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "09:00", null);
        var list = slots(schedule.get("id").asString());
        String reserved = list.stream().filter(s -> s.get("reserved").asBoolean()).findFirst().orElseThrow().get("id").asString();
        String open = list.stream().filter(s -> !s.get("reserved").asBoolean()).findFirst().orElseThrow().get("id").asString();
        var denied = book(lead(), reserved, leadPatient());
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("code").asString()).isEqualTo("SCHEDULING-0002");
        var ok = book(lead(), open, leadPatient());
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().get("priority").isNull()).isTrue();
        assertThat(ok.json().get("primaryCare").asBoolean()).isFalse();
    }

    // ------------------------------------------------------------------ R-1 atomic booking

    @Test
    void R1_aTakenSlotAnswers409AndIsNeverBookedTwice() {
        var schedule = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "09:00", null);
        String slot = slots(schedule.get("id").asString()).get(0).get("id").asString();
        assertThat(book(gp(), slot, g.contracted().toString()).status()).isEqualTo(201);
        var again = book(gp(), slot, g.contracted().toString());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("SCHEDULING-0001");
        assertThat(again.json().get("field").asString()).isEqualTo("slotId");
        assertThat(activeBookings(slot)).isEqualTo(1);
    }

    @Test
    void R1_hundredsOfParallelBookingsForTenSlotsGiveExactlyOneBookingPerSlot() throws Exception {
        var schedule = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "10:30", null); // 10 slots
        List<String> slotIds = slots(schedule.get("id").asString()).stream().map(s -> s.get("id").asString()).toList();
        assertThat(slotIds).hasSize(10);
        var outcomes = contend(List.of(gp()), slotIds, 300);
        assertThat(outcomes.get(201)).isEqualTo(10);
        assertThat(outcomes.get(409)).isEqualTo(290);
        for (String slot : slotIds) {
            assertThat(activeBookings(slot)).as("slot " + slot).isEqualTo(1);
        }
    }

    /** Fires {@code requests} bookings spread over the slots and the clients; counts responses by status. */
    Map<Integer, Integer> contend(List<Api> clients, List<String> slotIds, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(48);
        try {
            var tasks = new ArrayList<Callable<Api.Response>>();
            for (int i = 0; i < requests; i++) {
                Api client = clients.get(i % clients.size());
                String slot = slotIds.get(i % slotIds.size());
                tasks.add(() -> book(client, slot, g.contracted().toString()));
            }
            var counts = new java.util.TreeMap<Integer, Integer>();
            for (Future<Api.Response> f : pool.invokeAll(tasks)) {
                var r = f.get();
                counts.merge(r.status(), 1, Integer::sum);
                if (r.status() == 409) {
                    assertThat(r.json().get("code").asString()).isEqualTo("SCHEDULING-0001");
                } else {
                    assertThat(r.status()).as(r.body()).isEqualTo(201);
                }
            }
            return counts;
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ R-4 idempotency

    @Test
    void R4_sameIdempotencyKeyFiveTimesMakesOneBookingWithIdenticalResponses() {
        var schedule = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "09:00", null);
        String slot = slots(schedule.get("id").asString()).get(0).get("id").asString();
        String body = "{\"slotId\":\"" + slot + "\",\"residentId\":\"" + g.contracted() + "\"}";
        String key = org.medunion.support.RegistrySeeds.unique("key");
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            var r = gp().send("POST", "/api/scheduling/bookings", body, Map.of("Content-Type", "application/json", "Idempotency-Key", key));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            bodies.add(r.body());
        }
        assertThat(bodies).hasSize(1);
        assertThat(jdbc.sql("select count(*) from scheduling_booking where slot_id = ?").param(java.util.UUID.fromString(slot))
                .query(Long.class).single()).isEqualTo(1);
        // the same key with a different request is refused
        String other = slots(schedule.get("id").asString()).get(1).get("id").asString();
        var misuse = gp().send("POST", "/api/scheduling/bookings",
                "{\"slotId\":\"" + other + "\",\"residentId\":\"" + g.contracted() + "\"}",
                Map.of("Content-Type", "application/json", "Idempotency-Key", key));
        assertThat(misuse.status()).isEqualTo(422);
        assertThat(misuse.json().get("code").asString()).isEqualTo("SHARED-0002");
        assertThat(activeBookings(other)).isZero();
    }

    @Test
    void R4_aReplayIsAuditedLikeTheFirstAnswer() {
        var schedule = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "09:00", null);
        String slot = slots(schedule.get("id").asString()).get(0).get("id").asString();
        String body = "{\"slotId\":\"" + slot + "\",\"residentId\":\"" + g.contracted() + "\"}";
        var headers = Map.of("Content-Type", "application/json", "Idempotency-Key", org.medunion.support.RegistrySeeds.unique("key"));
        var first = gp().send("POST", "/api/scheduling/bookings", body, headers);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        var rows = new org.medunion.audit.AuditTrail.AuditQuery(null, "Booking", first.json().get("id").asString(), null, 100);
        long before = audit.count(rows);
        // the replay hands out the same booking, resident included: one more row, for the same resident
        var replay = gp().send("POST", "/api/scheduling/bookings", body, headers);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(audit.count(rows)).isEqualTo(before + 1);
        assertThat(audit.search(rows).get(0).residentRef()).isEqualTo(g.contracted().toString());
    }

    @Test
    void R4_parallelRepeatsOfOneKeyStillMakeOneBooking() throws Exception {
        var schedule = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "09:00", null);
        String slot = slots(schedule.get("id").asString()).get(0).get("id").asString();
        String body = "{\"slotId\":\"" + slot + "\",\"residentId\":\"" + g.contracted() + "\"}";
        String key = org.medunion.support.RegistrySeeds.unique("key");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            var tasks = new ArrayList<Callable<Api.Response>>();
            for (int i = 0; i < 10; i++) {
                tasks.add(() -> gp().send("POST", "/api/scheduling/bookings", body,
                        Map.of("Content-Type", "application/json", "Idempotency-Key", key)));
            }
            Set<String> ids = new HashSet<>();
            for (var f : pool.invokeAll(tasks)) {
                assertThat(f.get().status()).as(f.get().body()).isEqualTo(201);
                ids.add(f.get().json().get("id").asString());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(activeBookings(slot)).isEqualTo(1);
    }

    // ------------------------------------------------------------------ release, cancellation, no-show

    @Test
    void NN4_releaseMovesFreeReservedSlotsToThePublicPoolAtLeadTime() {
        var schedule = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "09:00", "\"releaseLeadTime\":\"PT24H\"");
        var list = slots(schedule.get("id").asString());
        var reserved = list.stream().filter(s -> s.get("reserved").asBoolean()).toList();
        assertThat(reserved).hasSize(2);
        String booked = reserved.get(0).get("id").asString();
        assertThat(book(gp(), booked, g.contracted().toString()).status()).isEqualTo(201);
        var releaseAt = java.time.Instant.parse(reserved.get(1).get("releaseAt").asString());
        assertThat(releaseAt).isEqualTo(java.time.Instant.parse(reserved.get(1).get("start").asString()).minus(Duration.ofHours(24)));

        scheduling.releaseDueSlots(releaseAt.minusSeconds(1));
        assertThat(pool(reserved.get(1).get("id").asString())).isEqualTo("PRIMARY_CARE_RESERVED");
        scheduling.releaseDueSlots(releaseAt.plusSeconds(1));
        var after = slots(schedule.get("id").asString());
        var released = after.stream().filter(s -> s.get("id").asString().equals(reserved.get(1).get("id").asString())).findFirst()
                .orElseThrow();
        assertThat(released.get("pool").asString()).isEqualTo("PUBLIC");
        assertThat(released.get("releasedAt").isNull()).isFalse();
        // the booked reserved slot is not released; running again changes nothing (idempotent)
        assertThat(pool(booked)).isEqualTo("PRIMARY_CARE_RESERVED");
        scheduling.releaseDueSlots(releaseAt.plusSeconds(2));
        assertThat(slots(schedule.get("id").asString()).stream().filter(s -> s.get("releasedAt").isNull() == false).count()).isEqualTo(1);
        // now a hospital account may book the released slot
        assertThat(book(lead(), reserved.get(1).get("id").asString(), leadPatient()).status()).isEqualTo(201);
        // I-8 still counts it as reserved; released unused = 1
        var ratios = lead().get("/api/scheduling/release-ratios?institution=%s&from=%s&to=%s".formatted(g.lead(), day(), day().plusDays(1)))
                .json();
        assertThat(ratios.get("outpatient").get("numerator").asLong()).isEqualTo(2);
        assertThat(ratios.get("outpatient").get("denominator").asLong()).isEqualTo(4);
        assertThat(ratios.get("released").asLong()).isEqualTo(1);
    }

    /** A resident of the lead hospital's own records: a hospital books only residents it cares for (issue 10). */
    String leadPatient() {
        return residents.importResidents(List.of(new org.medunion.residents.RegisterResident(org.medunion.support.RegistrySeeds.idNumber(),
                "赵敏", null, null, null, null, g.lead(), null))).get(0).value().toString();
    }

    String pool(String slotId) {
        return jdbc.sql("select pool from scheduling_slot where id = ?").param(java.util.UUID.fromString(slotId)).query(String.class)
                .single();
    }

    @Test
    void cancellationReturnsTheSlotToThePoolItCameFrom() {
        var schedule = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "09:00", null);
        String reserved = slots(schedule.get("id").asString()).stream().filter(s -> s.get("reserved").asBoolean())
                .findFirst().orElseThrow().get("id").asString();
        var b = book(gp(), reserved, g.contracted().toString()).json();
        var cancelled = gp().post("/api/scheduling/bookings/" + b.get("id").asString() + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(pool(reserved)).isEqualTo("PRIMARY_CARE_RESERVED");
        assertThat(jdbc.sql("select status from scheduling_slot where id = ?").param(java.util.UUID.fromString(reserved))
                .query(String.class).single()).isEqualTo("FREE");
        // cancelling twice is a conflict
        assertThat(gp().post("/api/scheduling/bookings/" + b.get("id").asString() + "/cancel", "").status()).isEqualTo(409);

        // a reserved slot whose release time has passed goes public on cancellation
        var late = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "09:00", "\"releaseLeadTime\":\"P10D\"");
        String lateSlot = slots(late.get("id").asString()).stream().filter(s -> s.get("reserved").asBoolean())
                .findFirst().orElseThrow().get("id").asString();
        var lb = book(gp(), lateSlot, g.contracted().toString()).json();
        gp().post("/api/scheduling/bookings/" + lb.get("id").asString() + "/cancel", "");
        assertThat(pool(lateSlot)).isEqualTo("PUBLIC");
    }

    @Test
    void noShowIsRecordedByTheHospitalOnly() {
        var schedule = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "09:00", null);
        String slot = slots(schedule.get("id").asString()).get(0).get("id").asString();
        String id = book(gp(), slot, g.contracted().toString()).json().get("id").asString();
        assertThat(gp().post("/api/scheduling/bookings/" + id + "/no-show", "").status()).isEqualTo(403);
        assertThat(Api.as(port, g.districtUser()).post("/api/scheduling/bookings/" + id + "/no-show", "").status()).isEqualTo(403);
        var r = lead().post("/api/scheduling/bookings/" + id + "/no-show", "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("NO_SHOW");
        var mine = gp().get("/api/scheduling/bookings?resident=" + g.contracted());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get(0).get("status").asString()).isEqualTo("NO_SHOW");
    }

    // ------------------------------------------------------------------ scope

    @Test
    void scope_aLeadHospitalAccountSeesItsOwnSchedulesOnly() {
        publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "09:00", null);
        var district = Api.as(port, g.districtUser());
        publish(district, g.district(), "OUTPATIENT_SPECIALTY", "09:00", null);
        var own = lead().get("/api/scheduling/schedules");
        assertThat(own.status()).isEqualTo(200);
        own.json().forEach(s -> assertThat(s.get("institutionId").asString()).isEqualTo(g.lead().toString()));
        assertThat(own.json().size()).isEqualTo(1);
        assertThat(lead().get("/api/scheduling/schedules?institution=" + g.district()).status()).isEqualTo(403);
        // nor may it publish for another hospital
        var foreign = lead().post("/api/scheduling/schedules", """
                {"institutionId":"%s","department":"骨科","kind":"EXAM","periodStart":"%s","periodEnd":"%s"}"""
                .formatted(g.district(), day(), day()));
        assertThat(foreign.status()).isEqualTo(403);
        // the GP sees the schedules of the consortium's hospitals
        var gpView = gp().get("/api/scheduling/schedules");
        assertThat(gpView.json().size()).isEqualTo(2);
    }

    @Test
    void gpSearchesFreeSlotsAcrossTheConsortiumByDepartmentAndDate() {
        publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "09:00", null);
        publish(Api.as(port, g.districtUser()), g.district(), "OUTPATIENT_SPECIALTY", "09:00", null);
        var r = gp().get("/api/scheduling/slots?consortium=%s&discipline=心内&date=%s&free=true".formatted(g.consortium(), day()));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().size()).isEqualTo(8);
        Set<String> hospitals = new HashSet<>();
        r.json().forEach(s -> hospitals.add(s.get("institutionId").asString()));
        assertThat(hospitals).containsExactlyInAnyOrder(g.lead().toString(), g.district().toString());
        assertThat(gp().get("/api/scheduling/slots?consortium=%s&discipline=眼科&date=%s".formatted(g.consortium(), day())).json().size())
                .isZero();
    }

    /**
     * Keyset paging (issue 12): following the Link headers of pages of 3 gives the one-page answer in the same order,
     * without repeats, and a slot booked between two pages moves nothing on the next page; a forged cursor is a 400.
     */
    @Test
    void slotSearchPagesByKeysetThroughLinkHeaders() {
        publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "09:00", null);
        publish(Api.as(port, g.districtUser()), g.district(), "OUTPATIENT_SPECIALTY", "09:00", null);
        String query = "/api/scheduling/slots?consortium=%s&discipline=心内&date=%s&free=true".formatted(g.consortium(), day());
        var whole = new ArrayList<String>();
        gp().get(query + "&limit=500").json().forEach(s -> whole.add(s.get("id").asString()));
        assertThat(whole).hasSize(8);

        var walked = new ArrayList<String>();
        var pageSizes = new ArrayList<Integer>();
        String next = query + "&limit=3";
        while (next != null && pageSizes.size() < 10) {
            var r = gp().get(next);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            pageSizes.add(r.json().size());
            r.json().forEach(s -> walked.add(s.get("id").asString()));
            if (walked.size() == 3) {
                // booked between the first and the second page: the second page starts where the first ended
                assertThat(book(gp(), walked.get(1), g.contracted().value().toString()).status()).isEqualTo(201);
            }
            next = nextPage(r.header("Link"));
        }
        assertThat(walked).containsExactlyElementsOf(whole);
        assertThat(pageSizes).containsExactly(3, 3, 2);

        var forged = gp().get(query + "&limit=3&after=bm90LWEtY3Vyc29y");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("after");
    }

    private static @Nullable String nextPage(@Nullable String link) {
        if (link == null) {
            return null;
        }
        var uri = URI.create(link.substring(link.indexOf('<') + 1, link.indexOf('>')));
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    // ------------------------------------------------------------------ I-8, I-9

    @Test
    void I8_I9_releaseRatiosShowNumeratorAndDenominatorAndNoDataForEmptyDenominators() {
        var schedule = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "10:00", null); // 8 slots, 3 reserved
        String reserved = slots(schedule.get("id").asString()).stream().filter(s -> s.get("reserved").asBoolean())
                .findFirst().orElseThrow().get("id").asString();
        book(gp(), reserved, g.contracted().toString());
        var view = scheduling.releaseRatios(g.lead(), day(), day().plusDays(1));
        assertThat(view.outpatient()).isEqualTo(new ReleaseRatioView.Ratio(3, 8));
        assertThat(view.outpatientMeetsMinimum()).isTrue();
        assertThat(view.reservedUse()).isEqualTo(new ReleaseRatioView.Ratio(1, 3));
        assertThat(view.beds().hasData()).isFalse();
        assertThat(view.beds().value()).isNull();
        assertThat(view.bedsMeetMinimum()).isNull();
        var json = lead().get("/api/scheduling/release-ratios?institution=%s&from=%s&to=%s".formatted(g.lead(), day(), day().plusDays(1)))
                .json();
        assertThat(json.get("beds").get("noData").asBoolean()).isTrue();
        assertThat(json.get("reservedUse").get("numerator").asLong()).isEqualTo(1);
        var empty = scheduling.releaseRatios(g.lead(), day().plusDays(5), day().plusDays(6));
        assertThat(empty.outpatient().hasData()).isFalse();
        assertThat(empty.reservedUse().hasData()).isFalse();
    }

    /**
     * The indicators module reads the same ratios: I-8 (the lead's outpatient slots, beds as its part), I-9 and I-22 (exam
     * slots reserved for members, with the reserved ones booked through primary care) for the group's month.
     */
    @Test
    void I8_I9_I22_indicatorValuesAreTheSchedulesRatiosForTheMonth() {
        var outpatient = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "10:00", null); // 8 slots, 3 reserved
        var exams = publish(lead(), g.lead(), "EXAM", "09:00", null);
        book(gp(), slots(outpatient.get("id").asString()).stream().filter(s -> s.get("reserved").asBoolean()).findFirst().orElseThrow()
                .get("id").asString(), g.contracted().toString());
        var reservedExams = slots(exams.get("id").asString()).stream().filter(s -> s.get("reserved").asBoolean()).toList();
        assertThat(reservedExams).isNotEmpty();
        assertThat(book(gp(), reservedExams.get(0).get("id").asString(), g.contracted().toString()).status()).isEqualTo(201);
        var view = scheduling.releaseRatios(g.lead(), day(), day().plusDays(1));

        String month = java.time.YearMonth.from(day()).toString();
        var r = lead().get("/api/indicators/values?level=CONSORTIUM&subject=" + g.consortium().value() + "&period=" + month);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var byId = new java.util.HashMap<String, JsonNode>();
        r.json().forEach(v -> byId.put(v.get("indicator").asString(), v));
        JsonNode i8 = Objects.requireNonNull(byId.get("I-8"), "I-8 is computed for the consortium");
        assertThat(i8.get("numerator").asLong()).isEqualTo(3);
        assertThat(i8.get("denominator").asLong()).isEqualTo(8);
        // NN-4's "1/3" as a number: 3 of 8 meets it
        assertThat(i8.get("target").get("value").decimalValue()).isEqualByComparingTo("0.333333");
        assertThat(i8.get("target").get("met").asBoolean()).isTrue();
        assertThat(i8.get("parts").get(0).get("denominator").asLong()).isZero();
        JsonNode i9 = Objects.requireNonNull(byId.get("I-9"), "I-9 is computed for the consortium");
        assertThat(i9.get("numerator").asLong()).isEqualTo(view.reservedUse().numerator()).isEqualTo(2);
        assertThat(i9.get("denominator").asLong()).isEqualTo(view.reservedUse().denominator());
        JsonNode i22 = Objects.requireNonNull(byId.get("I-22"), "I-22 is computed for the consortium");
        assertThat(i22.get("numerator").asLong()).isEqualTo(view.exams().numerator()).isEqualTo(reservedExams.size());
        assertThat(i22.get("denominator").asLong()).isEqualTo(view.exams().denominator()).isGreaterThan(reservedExams.size());
        assertThat(i22.get("parts").get(0).get("numerator").asLong()).isEqualTo(1);
        assertThat(i22.get("parts").get(0).get("denominator").asLong()).isEqualTo(reservedExams.size());
    }

    /** How many rows of a records page are marked {@code label} (分子, 分母, 不计入). */
    static int marked(String html, String label) {
        return html.split("<td>" + label + "</td>", -1).length - 1;
    }

    /**
     * The slots behind I-8, I-9 and I-22 come from the query that counts them: on hand-set schedules (8 outpatient slots
     * with 3 reserved and one booked through primary care; exam slots with their reserved ones, one booked) each list has
     * as many numerator rows as the value's numerator and as many rows as its denominator; another consortium's slots
     * are not listed, and its hospital's account may not open the list.
     */
    @Test
    void I8_I9_I22_recordListsAreTheSlotsTheValuesCount() {
        var outpatient = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "10:00", null); // 8 slots, 3 reserved
        var exams = publish(lead(), g.lead(), "EXAM", "09:00", null); // 4 slots
        book(gp(), slots(outpatient.get("id").asString()).stream().filter(s -> s.get("reserved").asBoolean()).findFirst().orElseThrow()
                .get("id").asString(), g.contracted().toString());
        var reservedExams = slots(exams.get("id").asString()).stream().filter(s -> s.get("reserved").asBoolean()).toList();
        assertThat(book(gp(), reservedExams.get(0).get("id").asString(), g.contracted().toString()).status()).isEqualTo(201);
        int examReserved = reservedExams.size();
        // another consortium's hospital publishes the same day: none of it is listed for this one
        Group other = SchedulingFixture.group(registry, residents, accounts);
        publish(Api.as(port, other.leadUser()), other.lead(), "OUTPATIENT_EXPERT", "12:00", null);

        String planner = "pl-" + Long.toString(System.nanoTime(), 36);
        accounts.ensureAccount(new org.medunion.identity.AccountManagement.NewAccount(planner, "demo", planner,
                org.medunion.identity.Role.PLANNER, org.medunion.identity.Scope.jurisdiction("310000")));
        var console = org.medunion.web.ConsoleSession.login(port, planner);
        String month = java.time.YearMonth.from(day()).toString();
        String dashboard = console.get("/console/indicators?subject=CONSORTIUM:" + g.consortium().value() + "&period=" + month).body();
        String records = "/console/indicators/records?level=CONSORTIUM&subject=" + g.consortium().value() + "&period=" + month
                + "&indicator=";
        for (String id : List.of("I-8", "I-9", "I-22")) {
            assertThat(dashboard).as(id).contains("/console/indicators/records?indicator=" + id + "&amp;level=CONSORTIUM");
        }
        var i8 = console.get(records + "I-8");
        assertThat(i8.status()).as(i8.body()).isEqualTo(200);
        assertThat(i8.body()).contains("3 / 8", "专家号", "预留基层", "经基层预约", "公共号池");
        assertThat(i8.body().split("class=\"slot\"", -1)).hasSize(9);
        assertThat(marked(i8.body(), "分子")).isEqualTo(3);
        assertThat(marked(i8.body(), "分母")).isEqualTo(5);
        assertThat(i8.body()).doesNotContain(g.contracted().toString());
        // I-9: the reserved outpatient and exam slots; the two booked through primary care are its numerator
        var i9 = console.get(records + "I-9").body();
        assertThat(i9.split("class=\"slot\"", -1)).hasSize(3 + examReserved + 1);
        assertThat(marked(i9, "分子")).isEqualTo(2);
        assertThat(marked(i9, "分母")).isEqualTo(3 + examReserved - 2);
        assertThat(i9).contains("2 / " + (3 + examReserved));
        // I-22: the exam slots, the reserved ones in the numerator
        var i22 = console.get(records + "I-22").body();
        assertThat(i22.split("class=\"slot\"", -1)).hasSize(4 + 1);
        assertThat(marked(i22, "分子")).isEqualTo(examReserved);
        assertThat(marked(i22, "分母")).isEqualTo(4 - examReserved);
        assertThat(i22).contains(examReserved + " / 4");
        // the other consortium's hospital sees its own, not these
        var foreign = org.medunion.web.ConsoleSession.login(port, other.leadUser()).get(records + "I-8");
        assertThat(foreign.body()).doesNotContain("class=\"slot\"");
        assertThat(foreign.status()).isNotEqualTo(200);
    }

    // ------------------------------------------------------------------ console

    /** Logs in through the form (session cookie, CSRF) and returns a client that keeps the session. */
    java.net.http.HttpClient consoleLogin(String username) throws Exception {
        var client = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
        String base = "http://127.0.0.1:" + port;
        String page = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        var m = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String form = "username=" + username + "&password=demo&_csrf=" + m.group(1);
        var r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return client;
    }

    String consoleGet(java.net.http.HttpClient client, String path) throws Exception {
        var r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void consoleShowsTheGpSearchAndTheLeadHospitalsRatios() throws Exception {
        var schedule = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "09:00", null);
        var gpConsole = consoleLogin(g.gpUser());
        String gpPage = consoleGet(gpConsole, "/console/schedules");
        assertThat(gpPage).contains("slot-search").contains(g.consortium().toString());
        String results = consoleGet(gpConsole, "/console/schedules/slots?consortium=%s&department=%s&date=%s"
                .formatted(g.consortium(), java.net.URLEncoder.encode("心内", java.nio.charset.StandardCharsets.UTF_8), day()));
        assertThat(results).contains(slots(schedule.get("id").asString()).get(0).get("id").asString());
        // issue 18: the resident is picked by name or ID number (no UUID field); slots are grouped by kind · day ·
        // department; without a date the search finds every upcoming free slot
        assertThat(gpPage).contains("id=\"slot-resident\"").contains("/console/referrals/new/residents")
                .doesNotContain("placeholder=\"UUID\"");
        assertThat(results).contains("class=\"group-row\"").contains("hx-include=\"#slot-resident [name=residentId]:checked\"");
        String anyDay = consoleGet(gpConsole, "/console/schedules/slots?consortium=%s&department=%s"
                .formatted(g.consortium(), java.net.URLEncoder.encode("心内", java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(anyDay).contains(slots(schedule.get("id").asString()).get(0).get("id").asString());
        var leadConsole = consoleLogin(g.leadUser());
        String leadPage = consoleGet(leadConsole, "/console/schedules?from=%s&to=%s".formatted(day(), day().plusDays(1)));
        assertThat(leadPage).contains("ratio-chart").contains("2 / 4").contains("chart.umd.js");
    }

    @Autowired
    org.medunion.policy.ReleaseRatioSource releaseRatioSource;

    @Test
    void NN4_policyReadsTheLeadHospitalsMonthlyCountsThroughItsReleaseRatioSource() {
        assertThat(releaseRatioSource.releaseRatio(g.lead())).isEmpty();
        LocalDate today = LocalDate.now(ZONE);
        for (String kind : List.of("OUTPATIENT_EXPERT", "INPATIENT_BED")) {
            var r = lead().post("/api/scheduling/schedules", """
                    {"institutionId":"%s","department":"心内科","kind":"%s","periodStart":"%s","periodEnd":"%s",
                     "dayStart":"08:00","dayEnd":"09:00","slotMinutes":15,"perInterval":%d}"""
                    .formatted(g.lead(), kind, today, today, kind.equals("INPATIENT_BED") ? 4 : 1));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        var ratio = releaseRatioSource.releaseRatio(g.lead()).orElseThrow();
        assertThat(ratio).isEqualTo(new org.medunion.policy.ReleaseRatioSource.ReleaseRatio(
                today.toString().substring(0, 7), 2, 4, 1, 4));
    }

    // ------------------------------------------------------------------ FHIR

    @Test
    void fhirSlotsCarryTheReservedTagAndAppointmentBooksAtomically() {
        var schedule = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "09:00", null);
        String scheduleId = schedule.get("id").asString();
        var bundle = gp().getFhir("/fhir/Slot?schedule=Schedule/" + scheduleId + "&status=free");
        assertThat(bundle.status()).as(bundle.body()).isEqualTo(200);
        assertThat(bundle.json().get("total").asInt()).isEqualTo(4);
        assertThat(bundle.body()).contains("https://medunion.example/fhir/CodeSystem/slot-pool").contains("primary-care-reserved");
        String slot = slots(scheduleId).get(0).get("id").asString();
        String appointment = """
                {"resourceType":"Appointment","status":"booked","slot":[{"reference":"Slot/%s"}],
                 "participant":[{"actor":{"reference":"Patient/%s"},"status":"accepted"}]}""".formatted(slot, g.contracted());
        var created = gp().postFhir("/fhir/Appointment", appointment);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("resourceType").asString()).isEqualTo("Appointment");
        assertThat(created.json().get("status").asString()).isEqualTo("booked");
        var taken = gp().postFhir("/fhir/Appointment", appointment);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(taken.body()).contains("SCHEDULING-0001");
        var search = gp().getFhir("/fhir/Appointment?patient=Patient/" + g.contracted());
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().get("total").asInt()).isEqualTo(1);
        // every resource we return validates against the R4 base profiles
        org.medunion.support.FhirValidation.assertValid(bundle.json().get("entry").get(0).get("resource").toString());
        org.medunion.support.FhirValidation.assertValid(created.body());
        org.medunion.support.FhirValidation.assertValid(taken.body());
        var scheduleRead = gp().getFhir("/fhir/Schedule/" + scheduleId);
        assertThat(scheduleRead.status()).as(scheduleRead.body()).isEqualTo(200);
        org.medunion.support.FhirValidation.assertValid(scheduleRead.body());
        // Idempotency-Key honoured on FHIR create too
        String other = slots(scheduleId).get(1).get("id").asString();
        String again = appointment.replace(slot, other);
        String key = org.medunion.support.RegistrySeeds.unique("fhir-key");
        var headers = Map.of("Content-Type", "application/fhir+json", "Accept", "application/fhir+json", "Idempotency-Key", key);
        var one = gp().send("POST", "/fhir/Appointment", again, headers);
        var two = gp().send("POST", "/fhir/Appointment", again, headers);
        assertThat(one.status()).as(one.body()).isEqualTo(201);
        assertThat(two.status()).isEqualTo(201);
        assertThat(two.json().get("id").asString()).isEqualTo(one.json().get("id").asString());
        assertThat(activeBookings(other)).isEqualTo(1);
        var missingSlot = gp().postFhir("/fhir/Appointment", """
                {"resourceType":"Appointment","status":"booked","participant":[{"actor":{"reference":"Patient/%s"},"status":"accepted"}]}"""
                .formatted(g.contracted()));
        assertThat(missingSlot.status()).isEqualTo(400);
        assertThat(missingSlot.body()).contains("Appointment.slot");
    }
}
