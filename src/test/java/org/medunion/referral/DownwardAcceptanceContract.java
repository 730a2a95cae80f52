package org.medunion.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.TeamView;
import org.medunion.scheduling.PublishSchedule;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.support.Api;

/**
 * Downward acceptance fits the destination (docs/decisions/0004-downward-acceptance.md): a bed booking for
 * community beds, nursing homes, rehab and institutional hospice; the responsible team or practitioner and a
 * planned start for home-based care (家庭病床, 居家安宁疗护); an optional outpatient slot for follow-up. Wrong
 * kinds are a 400 naming the field, and a refused acceptance books and writes nothing.
 */
abstract class DownwardAcceptanceContract extends ReferralWorldTest {

    /** The fixture plus the community centre's bed and outpatient schedules and its family-doctor team. */
    record World(ReferralFixture w, UUID beds, UUID clinic, TeamView team) {
    }

    private static final Map<Integer, World> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    World world() {
        return SHARED.computeIfAbsent(port, p -> {
            var w = newWorld();
            var day = LocalDate.now().plusDays(1);
            var centre = new InstitutionId(w.primary);
            var s = scheduling.publishSchedules(List.of(
                    new PublishSchedule(centre, "社区病房", null, null, ScheduleKind.INPATIENT_BED, day, day.plusDays(20),
                            null, null, null, 20, null, null),
                    new PublishSchedule(centre, "全科门诊", null, null, ScheduleKind.OUTPATIENT_SPECIALTY, day, day.plusDays(20),
                            LocalTime.of(8, 0), LocalTime.of(11, 0), 15, 2, null, null)),
                    "referral-test");
            return new World(w, s.get(0).id().value(), s.get(1).id().value(), residents.teamsOf(centre).get(0));
        });
    }

    private long bookedBefore;

    private long bookings(World x) {
        return jdbc.sql("select count(*) from scheduling_booking where resident_id = ?").param(x.w().resident)
                .query(Long.class).single();
    }

    /** A submitted downward referral from the hospital to the community centre. */
    private String down(World x, DestinationType destination) {
        var w = x.w();
        bookedBefore = bookings(x);
        var r = w.as(w.specialist).post("/api/referrals", """
                {"direction":"DOWN","toInstitutionId":"%s","residentId":"%s","consortiumId":"%s","reason":"病情稳定",
                 "diagnosisCode":"I63.9","diagnosisText":"脑梗死恢复期","urgency":"ROUTINE","noCriteriaReason":"稳定期",
                 "destinationType":"%s","carePlan":"康复训练，监测血压","submit":true}"""
                .formatted(w.primary, w.resident, w.consortium, destination));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return w.id(r.json());
    }

    private Api.Response accept(World x, String id, String body) {
        return x.w().as(x.w().gp).post("/api/referrals/" + id + "/accept", body);
    }

    private void refusedAndUntouched(World x, String id, Api.Response r, String field, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo(field);
        assertThat(r.json().get("code").asString()).isEqualTo(code);
        var after = x.w().as(x.w().gp).get("/api/referrals/" + id).json();
        assertThat(after.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(after.get("bookingId").isNull()).isTrue();
        assertThat(jdbc.sql("select count(*) from referral_home_care where referral_id = ?").param(UUID.fromString(id))
                .query(Long.class).single()).isZero();
        assertThat(bookings(x)).as("nothing booked").isEqualTo(bookedBefore);
    }

    @ParameterizedTest
    @EnumSource(value = DestinationType.class, names = {"COMMUNITY_BED", "NURSING_HOME", "REHAB", "HOSPICE_INSTITUTIONAL"})
    void bedDestinationsAreAcceptedWithABedBooking(DestinationType destination) {
        var x = world();
        String id = down(x, destination);
        refusedAndUntouched(x, id, accept(x, id, "{\"bookingKind\":\"SLOT\",\"scheduleId\":\"" + x.clinic() + "\"}"),
                "bookingKind", "REFERRAL-0019");
        refusedAndUntouched(x, id, accept(x, id, "{\"scheduleId\":\"" + x.clinic() + "\"}"), "bookingKind", "REFERRAL-0006");
        refusedAndUntouched(x, id, accept(x, id, "{}"), "resourceId", "field.required");
        refusedAndUntouched(x, id, accept(x, id, "{\"scheduleId\":\"" + x.beds() + "\",\"teamId\":\"" + x.team().id() + "\"}"),
                "teamId", "REFERRAL-0019");

        var ok = accept(x, id, "{\"scheduleId\":\"" + x.beds() + "\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(ok.json().get("bookingKind").asString()).isEqualTo("BED");
        String kind = jdbc.sql("select s.kind from scheduling_booking b join scheduling_slot l on l.id = b.slot_id "
                + "join scheduling_schedule s on s.id = l.schedule_id where b.id = ?")
                .param(UUID.fromString(ok.json().get("bookingId").asString())).query(String.class).single();
        assertThat(kind).isEqualTo("INPATIENT_BED");
    }

    @ParameterizedTest
    @EnumSource(value = DestinationType.class, names = {"FAMILY_BED", "HOSPICE_HOME"})
    void homeCareIsAcceptedWithTheResponsibleTeamAndAPlannedStart_noBooking(DestinationType destination) {
        var x = world();
        String id = down(x, destination);
        String team = x.team().id().toString();
        String tomorrow = LocalDate.now().plusDays(1).toString();
        refusedAndUntouched(x, id, accept(x, id, "{\"scheduleId\":\"" + x.beds() + "\",\"teamId\":\"" + team
                + "\",\"plannedStart\":\"" + tomorrow + "\"}"), "scheduleId", "REFERRAL-0019");
        refusedAndUntouched(x, id, accept(x, id, "{\"bookingKind\":\"BED\",\"teamId\":\"" + team
                + "\",\"plannedStart\":\"" + tomorrow + "\"}"), "bookingKind", "REFERRAL-0019");
        refusedAndUntouched(x, id, accept(x, id, "{\"plannedStart\":\"" + tomorrow + "\"}"), "teamId", "field.required");
        refusedAndUntouched(x, id, accept(x, id, "{\"teamId\":\"" + team + "\"}"), "plannedStart", "field.required");
        refusedAndUntouched(x, id, accept(x, id, "{\"teamId\":\"" + team + "\",\"plannedStart\":\""
                + LocalDate.now().minusDays(2) + "\"}"), "plannedStart", "REFERRAL-0021");
        refusedAndUntouched(x, id, accept(x, id, "{\"teamId\":\"" + UUID.randomUUID() + "\",\"plannedStart\":\""
                + tomorrow + "\"}"), "teamId", "REFERRAL-0020");
        // the team's specialist works at the district hospital, not at the receiving centre
        refusedAndUntouched(x, id, accept(x, id, "{\"practitionerId\":\"" + x.team().specialistPractitionerIds().get(0)
                + "\",\"plannedStart\":\"" + tomorrow + "\"}"), "practitionerId", "REFERRAL-0020");

        var ok = accept(x, id, "{\"teamId\":\"" + team + "\",\"practitionerId\":\"" + x.team().gpPractitionerId()
                + "\",\"plannedStart\":\"" + tomorrow + "\",\"note\":\"每周上门两次\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(ok.json().get("bookingId").isNull()).isTrue();
        assertThat(ok.json().get("bookingKind").isNull()).isTrue();
        assertThat(ok.json().get("homeCare").get("teamId").asString()).isEqualTo(team);
        assertThat(ok.json().get("homeCare").get("plannedStart").asString()).isEqualTo(tomorrow);
        // and the rest of the workflow goes on without a booking
        var w = x.w();
        assertThat(w.as(w.gp).post("/api/referrals/" + id + "/arrive", "").status()).isEqualTo(200);
        var done = w.as(w.gp).post("/api/referrals/" + id + "/complete", "{\"summary\":\"家庭病床建床，首次访视完成\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(w.as(w.specialist).get("/api/referrals/" + id).json().get("feedback").get("summary").asString())
                .contains("首次访视");
    }

    @Test
    void homeCareMayNameOnlyThePractitioner() {
        var x = world();
        String id = down(x, DestinationType.FAMILY_BED);
        var ok = accept(x, id, "{\"practitionerId\":\"" + x.team().gpPractitionerId() + "\",\"plannedStart\":\""
                + LocalDate.now().plusDays(1) + "\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("homeCare").get("teamId").isNull()).isTrue();
        assertThat(ok.json().get("homeCare").get("practitionerId").asString()).isEqualTo(x.team().gpPractitionerId().toString());
    }

    @Test
    void outpatientFollowUpMayBookASlotOrNothing() {
        var x = world();
        String bare = down(x, DestinationType.OUTPATIENT_FOLLOW_UP);
        var ok = accept(x, bare, "{\"note\":\"两周后门诊复查\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("bookingId").isNull()).isTrue();

        String booked = down(x, DestinationType.OUTPATIENT_FOLLOW_UP);
        refusedAndUntouched(x, booked, accept(x, booked, "{\"bookingKind\":\"BED\",\"scheduleId\":\"" + x.beds() + "\"}"),
                "bookingKind", "REFERRAL-0019");
        refusedAndUntouched(x, booked, accept(x, booked, "{\"scheduleId\":\"" + x.beds() + "\"}"), "bookingKind", "REFERRAL-0006");
        var slot = accept(x, booked, "{\"scheduleId\":\"" + x.clinic() + "\"}");
        assertThat(slot.status()).as(slot.body()).isEqualTo(200);
        assertThat(slot.json().get("bookingKind").asString()).isEqualTo("SLOT");
        assertThat(slot.json().get("bookingId").isNull()).isFalse();
    }

    @Test
    void upwardAcceptanceStillNeedsABookingAndRefusesHomeCareFields() {
        var x = world();
        var w = x.w();
        String id = w.id(w.create("ROUTINE", true));
        var team = w.as(w.specialist).post("/api/referrals/" + id + "/accept", "{\"bookingKind\":\"SLOT\",\"scheduleId\":\""
                + w.hospitalSchedule + "\",\"teamId\":\"" + x.team().id() + "\"}");
        assertThat(team.status()).as(team.body()).isEqualTo(400);
        assertThat(team.json().get("field").asString()).isEqualTo("teamId");
        assertThat(team.json().get("code").asString()).isEqualTo("REFERRAL-0019");
        var noKind = w.as(w.specialist).post("/api/referrals/" + id + "/accept", "{\"scheduleId\":\"" + w.hospitalSchedule + "\"}");
        assertThat(noKind.status()).isEqualTo(400);
        assertThat(noKind.json().get("field").asString()).isEqualTo("bookingKind");
        assertThat(w.as(w.specialist).post("/api/referrals/" + id + "/accept", w.acceptBody()).status()).isEqualTo(200);
    }
}
