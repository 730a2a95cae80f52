package org.medunion.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.medunion.referral.ReferralManagement;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Routing of consultation requests (issue 14, "routing like referral"): the invited institutions ranked for the
 * resident — the backing hospital of the inviting nursing home's emergency zone first (CN-3), each saying whether a
 * TM-1 agreement is in force — and TM-15, a warning recorded with a request that went past the zone's backing
 * hospital. The ranking reads the resident's contract, so it follows the care relationship like every resident read.
 */
abstract class ConsultationRoutingContract extends ConsultationWorldTest {

    @Autowired
    ReferralManagement referrals;

    private UUID zoneBackedBy(ConsultationFixture w, UUID backing) {
        String district = "31" + ThreadLocalRandom.current().nextInt(1000, 9999);
        UUID zone = referrals.defineZone(district, "EAST", backing);
        referrals.assignToZone(w.primary, zone);
        return zone;
    }

    private static JsonNode entryFor(JsonNode list, UUID institution) {
        for (JsonNode e : list) {
            if (e.get("institutionId").asString().equals(institution.toString())) {
                return e;
            }
        }
        throw new AssertionError(institution + " not among " + list);
    }

    @Test
    void TM15_theZonesBackingHospitalComesFirstAndAnotherChoiceIsRecordedAsAWarning() {
        var w = freshWorld();
        var beforeTheZone = w.request("");
        zoneBackedBy(w, w.otherHospital);

        var ranked = w.as(w.gp).get("/api/consultations/destinations?residentId=" + w.resident).expect(200).json();
        assertThat(ranked.get(0).get("institutionId").asString()).isEqualTo(w.otherHospital.toString());
        assertThat(ranked.get(0).get("basis").asString()).isEqualTo("ZONE_BACKING");
        assertThat(ranked.get(0).get("ruleId").asString()).isEqualTo("CN-3");
        assertThat(ranked.get(0).get("rank").asInt()).isEqualTo(1);
        // the zone's hospital has no telemedicine agreement with the centre; the lead hospital has one (TM-1)
        assertThat(ranked.get(0).get("agreementInForce").asBoolean()).isFalse();
        assertThat(entryFor(ranked, w.hospital).get("agreementInForce").asBoolean()).isTrue();

        // inviting the lead hospital instead is allowed (TM-15 warns) and the departure stays on the record
        var c = w.request("");
        var warnings = c.get("routingWarnings");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).get("ruleId").asString()).isEqualTo("TM-15");
        assertThat(warnings.get(0).get("suggestedInstitutionId").asString()).isEqualTo(w.otherHospital.toString());
        assertThat(warnings.get(0).get("suggestedInstitutionName").asString()).isNotBlank();
        var read = w.as(w.specialist).get("/api/consultations/" + c.get("id").asString()).expect(200).json();
        assertThat(read.get("routingWarnings").get(0).get("ruleId").asString()).isEqualTo("TM-15");

        // a list reads the warnings of its whole page at once: each stays on its own consultation
        var mine = w.as(w.gp).get("/api/consultations?box=MINE").expect(200).json();
        assertThat(entryById(mine, c.get("id").asString()).get("routingWarnings")).hasSize(1);
        assertThat(entryById(mine, beforeTheZone.get("id").asString()).get("routingWarnings")).isEmpty();
    }

    private static JsonNode entryById(JsonNode list, String id) {
        for (JsonNode e : list) {
            if (e.get("id").asString().equals(id)) {
                return e;
            }
        }
        throw new AssertionError(id + " not among " + list);
    }

    @Test
    void TM15_noWarningWithoutAZoneOrWhenTheBackingHospitalIsInvited() {
        var w = freshWorld();
        assertThat(w.request("").get("routingWarnings")).isEmpty();
        var ranked = w.as(w.gp).get("/api/consultations/destinations?residentId=" + w.resident).expect(200).json();
        assertThat(ranked).allSatisfy(e -> assertThat(e.get("basis").asString()).isNotEqualTo("ZONE_BACKING"));

        zoneBackedBy(w, w.hospital);
        ranked = w.as(w.gp).get("/api/consultations/destinations?residentId=" + w.resident).expect(200).json();
        assertThat(ranked.get(0).get("institutionId").asString()).isEqualTo(w.hospital.toString());
        assertThat(ranked.get(0).get("agreementInForce").asBoolean()).isTrue();
        assertThat(w.request("").get("routingWarnings")).isEmpty();
    }

    @Test
    void destinationsFollowTheCareRelationship() {
        var w = freshWorld();
        String path = "/api/consultations/destinations?residentId=";
        // a resident the centre does not care for, asked by the centre or by another institution: as if unknown
        assertThat(w.as(w.gp).get(path + w.foreignResident).status()).isEqualTo(404);
        assertThat(w.as(w.outsider).get(path + w.resident).status()).isEqualTo(404);
        assertThat(w.as(w.office).get(path + w.resident).status()).isEqualTo(403);
        assertThat(w.as(w.gp).get(path + "not-a-uuid").status()).isEqualTo(400);
    }
}
