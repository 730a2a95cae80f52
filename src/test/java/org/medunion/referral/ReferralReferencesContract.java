package org.medunion.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ResidentId;
import org.medunion.support.Api;

/**
 * A referral may only point at things that exist and belong together: institutions in the registry, a resident
 * in the resident index, a practitioner of the sending institution, a consortium holding both sides, the
 * resident's own contract. Each refusal is a 400 naming the field and its code, and writes nothing.
 */
abstract class ReferralReferencesContract extends ReferralWorldTest {

    private long referralsOf(UUID... ids) {
        long n = 0;
        for (UUID id : ids) {
            n += jdbc.sql("select count(*) from referral_referral where resident_id = ? or from_institution_id = ? "
                    + "or to_institution_id = ?").params(id, id, id).query(Long.class).single();
        }
        return n;
    }

    private static void refused(Api.Response r, String field, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo(field);
        assertThat(r.json().get("code").asString()).isEqualTo(code);
    }

    @Test
    void unknownInstitutionsResidentPractitionerConsortiumOrContractAreRefusedAndNothingIsWritten() {
        var w = newWorld();
        UUID nowhere = UUID.randomUUID();
        String body = w.upBody("ROUTINE", true, null);

        refused(w.as(w.gp).post("/api/referrals", body.replace(w.hospital.toString(), nowhere.toString())),
                "toInstitutionId", "REFERRAL-0014");
        for (String user : new String[] {"admin", "integrator"}) {
            refused(w.as(user).post("/api/referrals", w.upBody("ROUTINE", true, "\"fromInstitutionId\":\"" + nowhere + "\"")),
                    "fromInstitutionId", "REFERRAL-0014");
        }
        UUID ghost = UUID.randomUUID();
        refused(w.as(w.gp).post("/api/referrals", body.replace(w.resident.toString(), ghost.toString())),
                "residentId", "REFERRAL-0015");

        var team = residents.teamsOf(new InstitutionId(w.primary)).get(0);
        refused(w.as(w.gp).post("/api/referrals", w.upBody("ROUTINE", true, "\"fromPractitionerId\":\"" + nowhere + "\"")),
                "fromPractitionerId", "REFERRAL-0016");
        // the team's specialist works at the district hospital, not at the sending centre
        refused(w.as(w.gp).post("/api/referrals", w.upBody("ROUTINE", true,
                "\"fromPractitionerId\":\"" + team.specialistPractitionerIds().get(0).value() + "\"")),
                "fromPractitionerId", "REFERRAL-0016");

        refused(w.as(w.gp).post("/api/referrals", body.replace(w.consortium.toString(), nowhere.toString())),
                "consortiumId", "REFERRAL-0017");
        UUID outsideHospital = w.register("联合体外医院", InstitutionCategory.GENERAL_HOSPITAL);
        refused(w.as(w.gp).post("/api/referrals", body.replace(w.hospital.toString(), outsideHospital.toString())),
                "consortiumId", "REFERRAL-0017");

        UUID contract = residents.activeContract(new ResidentId(w.resident), LocalDate.now()).orElseThrow().id().value();
        refused(w.as(w.gp).post("/api/referrals", w.upBody("ROUTINE", true, "\"contractId\":\"" + nowhere + "\"")),
                "contractId", "REFERRAL-0018");
        // the contracted resident's contract named for the uncontracted one
        refused(w.as(w.gp).post("/api/referrals", w.upBody("ROUTINE", true, "\"contractId\":\"" + contract + "\"")
                .replace(w.resident.toString(), w.stranger.toString())), "contractId", "REFERRAL-0018");

        assertThat(referralsOf(w.resident, w.stranger, ghost, nowhere, outsideHospital)).as("nothing written").isZero();
        assertThat(jdbc.sql("select count(*) from referral_transition t join referral_referral r on r.id = t.referral_id "
                + "where r.from_institution_id = ?").param(w.primary).query(Long.class).single()).isZero();

        // the same referral with everything real goes through
        var ok = w.as(w.gp).post("/api/referrals", w.upBody("ROUTINE", true, "\"fromPractitionerId\":\""
                + team.gpPractitionerId().value() + "\",\"contractId\":\"" + contract + "\""));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("contractId").asString()).isEqualTo(contract.toString());
    }

    @Test
    void redirectToAnUnknownInstitutionIsRefusedAndTheReferralStaysWhereItWas() {
        var w = newWorld();
        String id = w.into(ReferralStatus.SUBMITTED);
        long version = jdbc.sql("select version from referral_referral where id = ?").param(UUID.fromString(id))
                .query(Long.class).single();
        var r = w.as(w.office).post("/api/referrals/" + id + "/redirect",
                "{\"toInstitutionId\":\"" + UUID.randomUUID() + "\",\"reason\":\"床位已满\"}");
        refused(r, "toInstitutionId", "REFERRAL-0014");
        var after = w.as(w.gp).get("/api/referrals/" + id).json();
        assertThat(after.get("toInstitutionId").asString()).isEqualTo(w.hospital.toString());
        assertThat(after.get("version").asLong()).isEqualTo(version);
    }
}
