package org.medunion.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.diagnostics.DiagnosticsFixture.ok;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.RegisterResident;
import org.medunion.scheduling.SchedulingManagement;
import org.medunion.support.Api;
import org.medunion.support.FhirValidation;
import org.medunion.support.RegistrySeeds;
import org.medunion.support.RunningCity;
import org.medunion.web.ConsoleSession;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An imaging order to a shared centre books an exam slot of the hospital running it (issue 15, SC-4, SC-6, decision
 * 0236): the reserved share first for a member GP's contracted resident and the public pool after release at T−24 h,
 * priority for contracted and referred residents, one transaction with the order (a refused booking leaves no order),
 * the slot released when the order is cancelled or rejected, shown on the order, the work list and the FHIR
 * ServiceRequest. Runs on H2 and PostgreSQL.
 */
abstract class ExamSlotOrderContract extends RunningCity {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    SchedulingManagement scheduling;

    /** The diagnostics fixture with an imaging centre run by the lead and one EXAM day of 4 slots (2 reserved). */
    record World(DiagnosticsFixture w, String centre, String schedule, List<JsonNode> slots) {

        List<JsonNode> reserved() {
            return slots.stream().filter(s -> s.get("reserved").asBoolean()).toList();
        }

        List<JsonNode> open() {
            return slots.stream().filter(s -> !s.get("reserved").asBoolean()).toList();
        }
    }

    /** A day far enough ahead that the running release job leaves the reserved share alone (lead time 24 h). */
    static LocalDate day() {
        return LocalDate.now(ZONE).plusDays(3);
    }

    World world() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        String centre = ok(w.admin().post("/api/diagnostics/centres", """
                {"consortiumId":"%s","institutionId":"%s","type":"IMAGING","name":"医学影像诊断中心 %s","members":["%s","%s"],
                 "turnaroundHours":{"IMAGING":24}}""".formatted(w.consortium, w.lead, System.nanoTime(), w.primary, w.district)), 201)
                .get("id").asString();
        String schedule = publish(w.as(w.specialist), w.lead, "影像科", "EXAM", day(), "08:00", "09:00").get("id").asString();
        return new World(w, centre, schedule, slots(w, schedule));
    }

    JsonNode publish(Api as, UUID at, String department, String kind, LocalDate on, String from, String to) {
        var r = as.post("/api/scheduling/schedules", """
                {"institutionId":"%s","department":"%s","kind":"%s","periodStart":"%s","periodEnd":"%s","dayStart":"%s",
                 "dayEnd":"%s","slotMinutes":15}""".formatted(at, department, kind, on, on, from, to));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    List<JsonNode> slots(DiagnosticsFixture w, String schedule) {
        var out = new ArrayList<JsonNode>();
        ok(w.as(w.gp).get("/api/scheduling/slots?schedule=" + schedule + "&limit=500"), 200).forEach(out::add);
        out.sort(Comparator.comparing(s -> s.get("start").asString()));
        return out;
    }

    Api.Response order(World x, String user, UUID resident, String item, @Nullable String examSlot) {
        return x.w().as(user).post("/api/diagnostics/orders", """
                {"residentId":"%s","itemCode":"%s","centreId":"%s","urgent":false%s}""".formatted(resident, item, x.centre(),
                examSlot == null ? "" : ",\"examSlot\":" + examSlot));
    }

    static String slot(JsonNode slot) {
        return "{\"slotId\":\"" + slot.get("id").asString() + "\"}";
    }

    static final String FIRST_FREE = "{\"firstFree\":true}";

    JsonNode offer(World x, String user, UUID resident) {
        return ok(x.w().as(user).get("/api/diagnostics/orders/exam-slots?centreId=%s&residentId=%s&itemCode=%s"
                .formatted(x.centre(), resident, x.w().ct)), 200);
    }

    long orders(UUID resident) {
        return jdbc.sql("select count(*) from diagnostics_order where resident_id = ?").param(resident).query(Long.class).single();
    }

    String slotState(JsonNode slot) {
        return jdbc.sql("select status || ' ' || pool from scheduling_slot where id = ?").param(UUID.fromString(slot.get("id").asString()))
                .query(String.class).single();
    }

    static void refused(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("code").asString()).isEqualTo(code);
        assertThat(r.json().get("field").asString()).isEqualTo("examSlot");
    }

    /** A resident the GP's centre registered itself (a care relationship) but who is contracted nowhere. */
    UUID uncontracted(UUID at) {
        return residents.importResidents(List.of(new RegisterResident(RegistrySeeds.idNumber(), "李四", null, null, null, null,
                new InstitutionId(at), null))).get(0).value();
    }

    @Test
    void SC4_aMemberGpBooksTheReservedShareFirstWithPriorityInTheOrdersTransaction() {
        var x = world();
        var w = x.w();
        assertThat(x.reserved()).hasSize(2);
        JsonNode offer = offer(x, w.gp, w.resident);
        assertThat(offer.get("reservedShare").asBoolean()).isTrue();
        assertThat(offer.get("priority").asBoolean()).isTrue();
        assertThat(offer.get("refusal").isNull()).isTrue();
        List<String> listed = new ArrayList<>();
        offer.get("slots").forEach(s -> listed.add(s.get("id").asString()));
        // the reserved share first, then the public pool, each earliest first
        assertThat(listed).containsExactly(x.reserved().get(0).get("id").asString(), x.reserved().get(1).get("id").asString(),
                x.open().get(0).get("id").asString(), x.open().get(1).get("id").asString());
        // a district hospital's specialist books the public pool only, without priority
        JsonNode district = offer(x, w.districtUser, w.resident);
        assertThat(district.get("reservedShare").asBoolean()).isFalse();
        assertThat(district.get("priority").asBoolean()).isFalse();
        assertThat(district.get("slots")).hasSize(2);

        JsonNode placed = ok(order(x, w.gp, w.resident, w.ct, FIRST_FREE), 201);
        JsonNode exam = placed.get("examBooking");
        assertThat(exam.get("slotId").asString()).isEqualTo(x.reserved().get(0).get("id").asString());
        assertThat(exam.get("reservedShare").asBoolean()).isTrue();
        assertThat(exam.get("priority").asBoolean()).isTrue();
        assertThat(exam.get("department").asString()).isEqualTo("影像科");
        assertThat(Instant.parse(exam.get("start").asString())).isEqualTo(Instant.parse(x.reserved().get(0).get("start").asString()));
        assertThat(exam.get("releasedAt").isNull()).isTrue();
        assertThat(slotState(x.reserved().get(0))).isEqualTo("BOOKED PRIMARY_CARE_RESERVED");
        JsonNode booking = ok(w.as(w.gp).get("/api/scheduling/bookings/" + exam.get("bookingId").asString()), 200);
        assertThat(booking.get("priority").asString()).isEqualTo("PRIORITY_EXAM");
        assertThat(booking.get("residentId").asString()).isEqualTo(w.resident.toString());
        // the order shows it when read again; the next first-free order takes the second reserved slot
        JsonNode read = ok(w.as(w.gp).get("/api/diagnostics/orders/" + placed.get("id").asString()), 200);
        assertThat(read.get("examBooking").get("bookingId").asString()).isEqualTo(exam.get("bookingId").asString());
        JsonNode second = ok(order(x, w.gp, w.resident, w.ct, FIRST_FREE), 201);
        assertThat(second.get("examBooking").get("slotId").asString()).isEqualTo(x.reserved().get(1).get("id").asString());
    }

    @Test
    void SC4_theReservedShareStaysUntilTMinus24h_afterReleaseTheGpBooksFromThePublicPool() {
        var x = world();
        var w = x.w();
        Instant releaseAt = Instant.parse(x.reserved().get(0).get("releaseAt").asString());
        assertThat(releaseAt).isEqualTo(Instant.parse(x.reserved().get(0).get("start").asString()).minus(Duration.ofHours(24)));
        Instant lastRelease = Instant.parse(x.reserved().get(1).get("releaseAt").asString());
        scheduling.releaseDueSlots(releaseAt.minusSeconds(1));
        assertThat(offer(x, w.gp, w.resident).get("slots").get(0).get("reservedShare").asBoolean()).isTrue();
        scheduling.releaseDueSlots(lastRelease.plusSeconds(1));
        JsonNode after = offer(x, w.gp, w.resident);
        after.get("slots").forEach(s -> assertThat(s.get("reservedShare").asBoolean()).isFalse());
        assertThat(after.get("slots")).hasSize(4);

        JsonNode exam = ok(order(x, w.gp, w.resident, w.ct, FIRST_FREE), 201).get("examBooking");
        // all four are public now: the earliest, still with the contracted resident's priority (SC-6)
        assertThat(exam.get("slotId").asString()).isEqualTo(x.slots().get(0).get("id").asString());
        assertThat(exam.get("reservedShare").asBoolean()).isFalse();
        assertThat(exam.get("priority").asBoolean()).isTrue();
    }

    @Test
    void SC4_aTakenOrBegunSlotIs409NamingExamSlotAndNoOrderIsWritten() {
        var x = world();
        var w = x.w();
        JsonNode taken = x.reserved().get(0);
        ok(w.as(w.gp).post("/api/scheduling/bookings", "{\"slotId\":\"%s\",\"residentId\":\"%s\"}"
                .formatted(taken.get("id").asString(), w.resident)), 201);
        long before = orders(w.resident);
        refused(order(x, w.gp, w.resident, w.ct, slot(taken)), 409, "DIAGNOSTICS-0048");
        assertThat(orders(w.resident)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from scheduling_booking where slot_id = ? and status = 'BOOKED'")
                .param(UUID.fromString(taken.get("id").asString())).query(Long.class).single()).isEqualTo(1);

        // a slot that began already (today 00:00) is as unavailable; every slot taken leaves first-free nothing
        String early = publish(w.as(w.specialist), w.lead, "影像科", "EXAM", LocalDate.now(ZONE), "00:00", "00:15").get("id").asString();
        refused(order(x, w.gp, w.resident, w.ct, slot(slots(w, early).get(0))), 409, "DIAGNOSTICS-0048");
        for (JsonNode s : x.slots()) {
            if (!s.get("id").asString().equals(taken.get("id").asString())) {
                ok(order(x, w.gp, w.resident, w.ct, slot(s)), 201);
            }
        }
        refused(order(x, w.gp, w.resident, w.ct, "{\"firstFree\":true,\"date\":\"" + day() + "\"}"), 409, "DIAGNOSTICS-0048");
        assertThat(orders(w.resident)).isEqualTo(before + 3);
    }

    @Test
    void SC6_aContractedResidentGetsPriority_anUncontractedOneIsRefusedAndNothingWritten() {
        var x = world();
        var w = x.w();
        UUID walkIn = uncontracted(w.primary);
        JsonNode offer = offer(x, w.gp, walkIn);
        assertThat(offer.get("refusal").asString()).isEqualTo("SCHEDULING-0003");
        assertThat(offer.get("priority").asBoolean()).isFalse();
        assertThat(offer.get("slots")).isEmpty();
        refused(order(x, w.gp, walkIn, w.ct, FIRST_FREE), 409, "DIAGNOSTICS-0049");
        refused(order(x, w.gp, walkIn, w.ct, slot(x.open().get(0))), 409, "DIAGNOSTICS-0049");
        assertThat(orders(walkIn)).isZero();
        assertThat(slotState(x.open().get(0))).isEqualTo("FREE PUBLIC");
        // without a slot the order is placed exactly as before
        JsonNode plain = ok(order(x, w.gp, walkIn, w.ct, null), 201);
        assertThat(plain.get("examBooking").isNull()).isTrue();

        // the contracted resident: priority on a public slot named explicitly, too
        JsonNode exam = ok(order(x, w.gp, w.resident, w.ct, slot(x.open().get(0))), 201).get("examBooking");
        assertThat(exam.get("priority").asBoolean()).isTrue();
        assertThat(exam.get("reservedShare").asBoolean()).isFalse();
    }

    @Test
    void SC6_aResidentTheLeadAcceptedOnAReferralGetsPriorityWhenTheLeadOrders_itsOwnPatientDoesNot() {
        var x = world();
        var w = x.w();
        String outpatient = publish(w.as(w.specialist), w.lead, "心内科", "OUTPATIENT_EXPERT", day().plusDays(1), "08:00", "09:00")
                .get("id").asString();
        JsonNode referral = ok(w.as(w.gp).post("/api/referrals", """
                {"direction":"UP","toInstitutionId":"%s","toDepartment":"心内科","residentId":"%s","residentIdNumber":"%s",
                 "residentName":"陈静","consortiumId":"%s","reason":"胸痛待查","diagnosisCode":"R07.4","diagnosisText":"胸痛",
                 "urgency":"ROUTINE","clinicalSummary":"活动后胸痛两周","noCriteriaReason":"专科评估需要","submit":true}"""
                .formatted(w.lead, w.resident, RegistrySeeds.idNumber(), w.consortium)), 201);
        assertThat(referral.get("priority").get("exam").asBoolean()).isTrue();
        // submitted, not yet accepted: no priority for the lead's order
        assertThat(offer(x, w.specialist, w.resident).get("priority").asBoolean()).isFalse();
        ok(w.as(w.specialist).post("/api/referrals/" + referral.get("id").asString() + "/accept",
                "{\"bookingKind\":\"SLOT\",\"scheduleId\":\"" + outpatient + "\"}"), 200);

        JsonNode offer = offer(x, w.specialist, w.resident);
        assertThat(offer.get("priority").asBoolean()).isTrue();
        assertThat(offer.get("reservedShare").asBoolean()).isTrue();
        JsonNode exam = ok(order(x, w.specialist, w.resident, w.ct, FIRST_FREE), 201).get("examBooking");
        assertThat(exam.get("slotId").asString()).isEqualTo(x.reserved().get(0).get("id").asString());
        assertThat(exam.get("priority").asBoolean()).isTrue();
        JsonNode booking = ok(w.as(w.specialist).get("/api/scheduling/bookings/" + exam.get("bookingId").asString()), 200);
        assertThat(booking.get("priority").asString()).isEqualTo("PRIORITY_EXAM");
        assertThat(booking.get("bookedByInstitution").asString()).isEqualTo(w.primary.toString());

        // the lead's own patient, never referred: the public pool, no priority
        UUID own = uncontracted(w.lead);
        JsonNode plain = ok(order(x, w.specialist, own, w.ct, FIRST_FREE), 201).get("examBooking");
        assertThat(plain.get("slotId").asString()).isEqualTo(x.open().get(0).get("id").asString());
        assertThat(plain.get("priority").asBoolean()).isFalse();
        // and a reserved slot named for them is refused, nothing written
        refused(order(x, w.specialist, own, w.ct, slot(x.reserved().get(1))), 409, "DIAGNOSTICS-0049");
        assertThat(orders(own)).isEqualTo(1);
    }

    @Test
    void cancellingOrRejectingTheOrderReleasesTheSlot_cancellingTheBookingShowsOnTheOrder() {
        var x = world();
        var w = x.w();
        JsonNode first = x.reserved().get(0);
        String cancelled = ok(order(x, w.gp, w.resident, w.ct, slot(first)), 201).get("id").asString();
        JsonNode afterCancel = ok(w.as(w.gp).post("/api/diagnostics/orders/" + cancelled + "/cancel", ""), 200);
        assertThat(afterCancel.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(afterCancel.get("examBooking").get("releasedAt").isNull()).isFalse();
        // back FREE in the reserved share it came from (its release time has not come)
        assertThat(slotState(first)).isEqualTo("FREE PRIMARY_CARE_RESERVED");
        assertThat(ok(w.as(w.gp).get("/api/scheduling/bookings/" + afterCancel.get("examBooking").get("bookingId").asString()), 200)
                .get("status").asString()).isEqualTo("CANCELLED");

        // the centre's staff reject an order for image quality (SC-3): its slot is free again, although centre staff do not
        // manage the hospital's schedules
        String rejected = ok(order(x, w.gp, w.resident, w.ct, slot(first)), 201).get("id").asString();
        ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + rejected + "/receive", ""), 200);
        JsonNode afterReject = ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + rejected + "/reject",
                "{\"reason\":\"IMAGES_INCOMPLETE\"}"), 200);
        assertThat(afterReject.get("status").asString()).isEqualTo("REJECTED");
        assertThat(afterReject.get("examBooking").get("releasedAt").isNull()).isFalse();
        assertThat(slotState(first)).isEqualTo("FREE PRIMARY_CARE_RESERVED");

        // the GP cancels the booking on the schedules page: the order stays, its slot shows released
        JsonNode open = ok(order(x, w.gp, w.resident, w.ct, slot(first)), 201);
        ok(w.as(w.gp).post("/api/scheduling/bookings/" + open.get("examBooking").get("bookingId").asString() + "/cancel", ""), 200);
        JsonNode read = ok(w.as(w.gp).get("/api/diagnostics/orders/" + open.get("id").asString()), 200);
        assertThat(read.get("status").asString()).isEqualTo("ORDERED");
        assertThat(read.get("examBooking").get("releasedAt").isNull()).isFalse();
        // cancelling that order then releases nothing twice
        ok(w.as(w.gp).post("/api/diagnostics/orders/" + open.get("id").asString() + "/cancel", ""), 200);
        assertThat(slotState(first)).isEqualTo("FREE PRIMARY_CARE_RESERVED");
    }

    @Test
    void labOrdersWorkAsBefore_badChoicesAre400NamingExamSlot() {
        var x = world();
        var w = x.w();
        String lab = w.centre;
        JsonNode hba1c = ok(w.as(w.gp).post("/api/diagnostics/orders", """
                {"residentId":"%s","itemCode":"%s","centreId":"%s"}""".formatted(w.resident, w.hba1c, lab)), 201);
        assertThat(hba1c.get("examBooking").isNull()).isTrue();
        refused(w.as(w.gp).post("/api/diagnostics/orders", """
                {"residentId":"%s","itemCode":"%s","centreId":"%s","examSlot":{"firstFree":true}}""".formatted(w.resident, w.hba1c, lab)),
                400, "DIAGNOSTICS-0045");
        var labOffer = w.as(w.gp).get("/api/diagnostics/orders/exam-slots?centreId=%s&residentId=%s&itemCode=%s"
                .formatted(lab, w.resident, w.hba1c));
        assertThat(labOffer.status()).isEqualTo(400);
        assertThat(labOffer.json().get("field").asString()).isEqualTo("itemCode");

        long before = orders(w.resident);
        refused(order(x, w.gp, w.resident, w.ct, "{}"), 400, "DIAGNOSTICS-0046");
        refused(order(x, w.gp, w.resident, w.ct, "{\"firstFree\":true,\"slotId\":\"" + x.slots().get(0).get("id").asString() + "\"}"),
                400, "DIAGNOSTICS-0046");
        // an exam slot of another member hospital, an outpatient slot of the lead, an unknown slot
        String district = publish(w.as(w.districtUser), w.district, "放射科", "EXAM", day(), "08:00", "08:30").get("id").asString();
        refused(order(x, w.gp, w.resident, w.ct, slot(slots(w, district).get(0))), 400, "DIAGNOSTICS-0047");
        String outpatient = publish(w.as(w.specialist), w.lead, "心内科", "OUTPATIENT_EXPERT", day(), "08:00", "08:30")
                .get("id").asString();
        refused(order(x, w.gp, w.resident, w.ct, slot(slots(w, outpatient).get(0))), 400, "DIAGNOSTICS-0047");
        refused(order(x, w.gp, w.resident, w.ct, "{\"slotId\":\"" + UUID.randomUUID() + "\"}"), 400, "DIAGNOSTICS-0047");
        assertThat(orders(w.resident)).isEqualTo(before);
    }

    @Test
    void anOutsiderSeesNoOrder_otherRolesMayNotOrderOrListSlots() {
        var x = world();
        var w = x.w();
        String id = ok(order(x, w.gp, w.resident, w.ct, FIRST_FREE), 201).get("id").asString();
        assertThat(w.as(w.outsider).get("/api/diagnostics/orders/" + id).status()).isEqualTo(404);
        assertThat(w.as(w.outsider).post("/api/diagnostics/orders/" + id + "/cancel", "").status()).isEqualTo(404);
        // the outsider's institution is not served by the centre: 400 naming centreId, nothing booked
        var outside = w.as(w.outsider).get("/api/diagnostics/orders/exam-slots?centreId=%s&residentId=%s&itemCode=%s"
                .formatted(x.centre(), w.resident, w.ct));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().get("field").asString()).isEqualTo("centreId");
        for (String user : List.of(w.centreStaff, w.office, "admin")) {
            assertThat(order(x, user, w.resident, w.ct, FIRST_FREE).status()).as(user).isEqualTo(403);
            assertThat(w.as(user).get("/api/diagnostics/orders/exam-slots?centreId=%s&residentId=%s&itemCode=%s"
                    .formatted(x.centre(), w.resident, w.ct)).status()).as(user).isEqualTo(403);
        }
        assertThat(slotState(x.reserved().get(1))).isEqualTo("FREE PRIMARY_CARE_RESERVED");
        assertThat(ConsoleSession.login(port, w.centreStaff).get("/console/diagnostics/order/exam-slots?centreId=" + x.centre())
                .status()).isEqualTo(403);
    }

    @Test
    void SC4_SC6_theServiceRequestCarriesTheSlotPeriodAndPriorityAndValidates() {
        var x = world();
        var w = x.w();
        JsonNode placed = ok(order(x, w.gp, w.resident, w.ct, FIRST_FREE), 201);
        String id = placed.get("id").asString() + "-order";
        var sr = w.as(w.gp).getFhir("/fhir/ServiceRequest/" + id);
        assertThat(sr.status()).as(sr.body()).isEqualTo(200);
        FhirValidation.assertValid(sr.body());
        JsonNode r = sr.json();
        JsonNode exam = placed.get("examBooking");
        assertThat(Instant.parse(r.get("occurrencePeriod").get("start").asString())).isEqualTo(Instant.parse(exam.get("start").asString()));
        assertThat(Instant.parse(r.get("occurrencePeriod").get("end").asString())).isEqualTo(Instant.parse(exam.get("end").asString()));
        assertThat(r.get("supportingInfo").get(0).get("reference").asString()).isEqualTo("Appointment/" + exam.get("bookingId").asString());
        List<String> tags = new ArrayList<>();
        r.get("meta").get("tag").forEach(t -> tags.add(t.get("system").asString().replaceAll(".*/", "") + "|" + t.get("code").asString()));
        assertThat(tags).containsExactlyInAnyOrder("slot-pool|primary-care-reserved", "booking-priority|priority-exam");
        // the clinical urgency stays routine: priority to an exam is not urgency
        assertThat(r.get("priority").asString()).isEqualTo("routine");

        ok(w.as(w.gp).post("/api/diagnostics/orders/" + placed.get("id").asString() + "/cancel", ""), 200);
        var revoked = w.as(w.gp).getFhir("/fhir/ServiceRequest/" + id);
        FhirValidation.assertValid(revoked.body());
        assertThat(revoked.json().get("status").asString()).isEqualTo("revoked");
        assertThat(revoked.json().has("occurrencePeriod")).isFalse();
        assertThat(revoked.json().has("supportingInfo")).isFalse();
        // an order without a slot has none of it
        String plain = ok(order(x, w.gp, w.resident, w.ct, null), 201).get("id").asString();
        assertThat(w.as(w.gp).getFhir("/fhir/ServiceRequest/" + plain + "-order").json().has("occurrencePeriod")).isFalse();
    }

    @Test
    void SC4_theOrderFormOffersTheSlotsAndTheOrderAndWorkListShowTheExamTime() {
        var x = world();
        var w = x.w();
        var gp = ConsoleSession.login(port, w.gp);
        String path = "/console/diagnostics/order?residentId=%s&itemCode=%s&centreId=%s".formatted(w.resident, w.ct, x.centre());
        var form = gp.get(path);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("预约检查号源").contains("最早可约").contains("保留号源（成员机构）").contains("公共号源")
                .contains("签约居民优先检查（SC-6）").contains(x.reserved().get(0).get("id").asString()).doesNotContain("??");
        var fragment = gp.get("/console/diagnostics/order/exam-slots?residentId=%s&itemCode=%s&centreId=%s"
                .formatted(w.resident, w.ct, x.centre()));
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).contains("exam-slot-choice").contains(x.open().get(1).get("id").asString());

        var placed = gp.post("/console/diagnostics/order", Map.of("residentId", w.resident.toString(), "itemCode", w.ct,
                "centreId", x.centre(), "examSlot", "first"), form);
        assertThat(placed.status()).as(placed.body()).isEqualTo(302);
        String order = placed.location().replaceAll(".*/orders/([0-9a-f-]{36}).*", "$1");
        String when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE)
                .format(Instant.parse(x.reserved().get(0).get("start").asString()));
        var page = gp.get("/console/diagnostics/orders/" + order);
        assertThat(page.body()).contains("预约检查时间").contains(when).contains("影像科").contains("orderer-cancel");
        var worklist = ConsoleSession.login(port, w.centreStaff).get("/console/diagnostics/worklist");
        assertThat(worklist.body()).contains("预约检查时间").contains(when);

        // an uncontracted resident: the form says why no slot is offered; a slot forced in comes back naming the field
        UUID walkIn = uncontracted(w.primary);
        var refusedForm = gp.get("/console/diagnostics/order?residentId=%s&itemCode=%s&centreId=%s".formatted(walkIn, w.ct, x.centre()));
        assertThat(refusedForm.body()).contains("exam-refused").doesNotContain(x.open().get(0).get("id").asString());
        var refused = gp.post("/console/diagnostics/order", Map.of("residentId", walkIn.toString(), "itemCode", w.ct,
                "centreId", x.centre(), "examSlot", x.open().get(0).get("id").asString()), refusedForm);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("按预约规则不能为该居民预约此检查号源");
        assertThat(orders(walkIn)).isZero();
    }
}
