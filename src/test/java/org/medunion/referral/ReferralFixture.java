package org.medunion.referral;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.AccountManagement;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ResidentsManagement;
import org.medunion.scheduling.PublishSchedule;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.SchedulingFixture;
import org.medunion.scheduling.unscoped.SystemScheduling;
import org.medunion.support.Api;
import org.medunion.support.RegistrySeeds;
import tools.jackson.databind.JsonNode;

/**
 * A fresh little world per test: a community centre with a GP, a lead hospital with a specialist, a district
 * hospital with another, their consortium with an office account, a contracted and an uncontracted resident —
 * all new, so tests never see each other's referrals.
 */
final class ReferralFixture {

    final int port;
    final UUID primary;
    final UUID hospital;
    final UUID otherHospital;
    final UUID consortium;
    final UUID resident;
    final UUID stranger;
    final String residentIdNumber = idNumber();
    final UUID hospitalSchedule;
    final UUID otherSchedule;
    final String gp;
    final String specialist;
    final String otherSpecialist;
    final String office;
    final String outsider;
    private final RegistryManagement registry;

    /**
     * Built on the scheduling fixture's urban medical group: the community centre refers, the municipal lead
     * hospital receives (the district hospital is the "other" hospital); the contracted resident's contract names
     * both hospitals (SH-15). Each hospital publishes an outpatient schedule for acceptances to book from.
     */
    ReferralFixture(int port, RegistryManagement registry, ResidentsManagement residents, SystemScheduling scheduling,
                    AccountManagement accounts) {
        this.port = port;
        this.registry = registry;
        var g = SchedulingFixture.group(registry, residents, accounts);
        primary = g.primary().value();
        hospital = g.lead().value();
        otherHospital = g.district().value();
        consortium = g.consortium().value();
        resident = g.contracted().value();
        // uncontracted, but registered by the community centre itself: the centre may refer only residents it
        // has a care relationship with (issue 10)
        stranger = residents.importResidents(List.of(new org.medunion.residents.RegisterResident(idNumber(), "李四", null,
                null, null, null, g.primary(), null))).get(0).value();
        gp = g.gpUser();
        specialist = g.leadUser();
        otherSpecialist = g.districtUser();
        String tag = Long.toString(System.nanoTime(), 36);
        office = "off-" + tag;
        outsider = "out-" + tag;
        accounts.ensureAccount(new NewAccount(office, "demo", "Office " + tag, Role.OFFICE, Scope.consortium(consortium)));
        accounts.ensureAccount(new NewAccount(outsider, "demo", "Outsider " + tag, Role.GP, Scope.institution(UUID.randomUUID())));
        var day = LocalDate.now().plusDays(1);
        var schedules = scheduling.publishSchedules(List.of(
                new PublishSchedule(g.lead(), "心内科", "心血管内科", null, ScheduleKind.OUTPATIENT_SPECIALTY, day, day.plusDays(2),
                        LocalTime.of(8, 0), LocalTime.of(12, 0), 10, 2, "1/3", null),
                new PublishSchedule(g.district(), "心内科", "心血管内科", null, ScheduleKind.OUTPATIENT_SPECIALTY, day, day.plusDays(2),
                        LocalTime.of(8, 0), LocalTime.of(12, 0), 10, 2, "1/3", null)),
                "referral-test");
        hospitalSchedule = schedules.get(0).id().value();
        otherSchedule = schedules.get(1).id().value();
    }

    /** A real institution of the registry (referrals to made-up IDs are refused, REFERRAL-0014). */
    UUID register(String name, org.medunion.registry.InstitutionCategory category) {
        boolean hospital = category == org.medunion.registry.InstitutionCategory.GENERAL_HOSPITAL;
        return org.medunion.support.RegistrySeeds.institution(registry, name + " " + System.nanoTime(), category,
                hospital ? org.medunion.registry.HospitalLevel.SECONDARY : org.medunion.registry.HospitalLevel.PRIMARY,
                org.medunion.registry.Affiliation.DISTRICT).value();
    }

    static String idNumber() {
        var r = ThreadLocalRandom.current();
        return RegistrySeeds.idNumber("110101", LocalDate.of(1940 + r.nextInt(60), 1, 1), r.nextBoolean());
    }

    Api as(String user) {
        return Api.as(port, user);
    }

    String upBody(String urgency, boolean submit, @Nullable String extra) {
        return """
                {"direction":"UP","toInstitutionId":"%s","toDepartment":"心内科","residentId":"%s","residentIdNumber":"%s",
                 "residentName":"测试居民","consortiumId":"%s","reason":"血压控制不佳","diagnosisCode":"I10",
                 "diagnosisText":"原发性高血压","urgency":"%s","clinicalSummary":"近两周血压 170/100",
                 "noCriteriaReason":"专科评估需要"%s,"submit":%s}"""
                .formatted(hospital, resident, residentIdNumber, consortium, urgency, extra == null ? "" : "," + extra, submit);
    }

    JsonNode create(String urgency, boolean submit) {
        var r = as(gp).post("/api/referrals", upBody(urgency, submit, null));
        return r.expect(201).json();
    }

    String id(JsonNode referral) {
        return referral.get("id").asString();
    }

    /** A new referral brought into the given status through the API, by the side that may do each step. */
    String into(ReferralStatus status) {
        String id = id(create("ROUTINE", false));
        switch (status) {
            case DRAFT -> {
            }
            case SUBMITTED -> ok(as(gp).post("/api/referrals/" + id + "/submit", ""));
            case CANCELLED -> ok(as(gp).post("/api/referrals/" + id + "/cancel", "{\"reason\":\"no longer needed\"}"));
            case REJECTED -> {
                ok(as(gp).post("/api/referrals/" + id + "/submit", ""));
                ok(as(specialist).post("/api/referrals/" + id + "/reject", "{\"reason\":\"NO_CAPACITY\",\"text\":\"full\"}"));
            }
            case ACCEPTED, ARRIVED, COMPLETED -> {
                ok(as(gp).post("/api/referrals/" + id + "/submit", ""));
                ok(as(specialist).post("/api/referrals/" + id + "/accept", acceptBody()));
                if (status != ReferralStatus.ACCEPTED) {
                    ok(as(specialist).post("/api/referrals/" + id + "/arrive", ""));
                }
                if (status == ReferralStatus.COMPLETED) {
                    ok(as(specialist).post("/api/referrals/" + id + "/complete", "{\"summary\":\"出院小结：血压已控制\"}"));
                }
            }
            default -> throw new IllegalArgumentException("not reachable by API: " + status);
        }
        return id;
    }

    String acceptBody() {
        return "{\"bookingKind\":\"SLOT\",\"scheduleId\":\"" + hospitalSchedule + "\"}";
    }

    String acceptAtOtherBody() {
        return "{\"bookingKind\":\"SLOT\",\"scheduleId\":\"" + otherSchedule + "\"}";
    }

    static Api.Response ok(Api.Response r) {
        return r.expect(200);
    }
}
