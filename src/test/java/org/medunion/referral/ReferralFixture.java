package org.medunion.referral;

import java.util.UUID;
import org.medunion.identity.AccountManagement;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.shared.ResidentIdNumber;
import org.medunion.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * A fresh little world per test: a community centre with a GP, a lead hospital with a specialist, a third
 * hospital, their consortium with an office account, and a resident — all with unique IDs so tests never
 * see each other's referrals.
 */
final class ReferralFixture {

    final int port;
    final UUID primary = UUID.randomUUID();
    final UUID hospital = UUID.randomUUID();
    final UUID otherHospital = UUID.randomUUID();
    final UUID consortium = UUID.randomUUID();
    final UUID resident = UUID.randomUUID();
    final String residentIdNumber = idNumber();
    final String gp;
    final String specialist;
    final String otherSpecialist;
    final String office;
    final String outsider;

    ReferralFixture(int port, AccountManagement accounts) {
        this.port = port;
        String tag = Long.toString(System.nanoTime(), 36);
        gp = "gp-" + tag;
        specialist = "sp-" + tag;
        otherSpecialist = "sp2-" + tag;
        office = "off-" + tag;
        outsider = "out-" + tag;
        accounts.ensureAccount(new NewAccount(gp, "demo", "GP " + tag, Role.GP, Scope.institution(primary)));
        accounts.ensureAccount(new NewAccount(specialist, "demo", "Specialist " + tag, Role.SPECIALIST, Scope.institution(hospital)));
        accounts.ensureAccount(new NewAccount(otherSpecialist, "demo", "Specialist2 " + tag, Role.SPECIALIST,
                Scope.institution(otherHospital)));
        accounts.ensureAccount(new NewAccount(office, "demo", "Office " + tag, Role.OFFICE, Scope.consortium(consortium)));
        accounts.ensureAccount(new NewAccount(outsider, "demo", "Outsider " + tag, Role.GP, Scope.institution(UUID.randomUUID())));
    }

    static String idNumber() {
        String first17 = "110101" + (1940 + (int) (Math.random() * 60)) + "0101" + String.format("%03d", (int) (Math.random() * 999));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    Api as(String user) {
        return Api.as(port, user);
    }

    String upBody(String urgency, boolean submit, String extra) {
        return """
                {"direction":"UP","toInstitutionId":"%s","toDepartment":"心内科","residentId":"%s","residentIdNumber":"%s",
                 "residentName":"测试居民","consortiumId":"%s","reason":"血压控制不佳","diagnosisCode":"I10",
                 "diagnosisText":"原发性高血压","urgency":"%s","clinicalSummary":"近两周血压 170/100",
                 "noCriteriaReason":"专科评估需要"%s,"submit":%s}"""
                .formatted(hospital, resident, residentIdNumber, consortium, urgency, extra == null ? "" : "," + extra, submit);
    }

    JsonNode create(String urgency, boolean submit) {
        var r = as(gp).post("/api/referrals", upBody(urgency, submit, null));
        if (r.status() != 201) {
            throw new AssertionError("create failed: " + r.status() + " " + r.body());
        }
        return r.json();
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

    static String acceptBody() {
        return "{\"bookingKind\":\"SLOT\",\"resourceId\":\"" + UUID.randomUUID() + "\"}";
    }

    static Api.Response ok(Api.Response r) {
        if (r.status() != 200) {
            throw new AssertionError(r.status() + " " + r.body());
        }
        return r;
    }
}
