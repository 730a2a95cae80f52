package org.medunion.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.support.Api;
import org.medunion.support.RunningCity;
import tools.jackson.databind.JsonNode;

/**
 * What an agreement states besides its sections (issue 13): the dispatched managers' duties (SH-7, "管理人员职责应在托管
 * 协议中予以明确") and quantified targets (SH-17, "具体量化指标"), recorded through the REST API, read back in order, and
 * refused field by field when incomplete — with nothing written.
 */
abstract class AgreementContentsContract extends RunningCity {

    private static final String MINHANG = "310112";

    private Api planner() {
        return Api.as(port, "planner");
    }

    private String institution(String category, String affiliation, String ownerBody) {
        var r = planner().post("/api/registry/institutions", RegistryFixture.institutionJson(RegistryFixture.unique("institution"),
                RegistryFixture.creditCode(MINHANG), category, affiliation, MINHANG, ownerBody));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** A municipal TCM hospital (exempt from SH-3/SH-4) holding a district hospital in trusteeship; returns ids. */
    private List<String> trusteeship() {
        String municipal = institution("TCM_HOSPITAL", "MUNICIPAL", "申康医院发展中心");
        String district = institution("GENERAL_HOSPITAL", "DISTRICT", "district government");
        var members = new ArrayList<String>();
        members.add(RegistryContract.member(node(district), "LEAD", "HOME_DISTRICT"));
        members.add(RegistryContract.member(node(municipal), "MEMBER", "HOME_DISTRICT"));
        var r = planner().post("/api/registry/consortia", """
                {"name":"%s","form":"REGIONAL","tight":true,"governance":"TRUSTEESHIP","districtCode":"%s",
                 "establishedOn":"2025-01-01","managementOffice":true,"qualityControlGroup":true,"members":[%s]}"""
                .formatted(RegistryFixture.unique("consortium"), MINHANG, String.join(",", members)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return List.of(r.json().get("id").asString(), municipal, district);
    }

    private JsonNode node(String id) {
        return planner().get("/api/registry/institutions/" + id).json();
    }

    private static String agreement(List<String> ids, String targets) {
        return """
                {"type":"TRUSTEESHIP","title":"托管协议","parties":["%s","%s"],"termStart":"2025-01-01","termEnd":"2027-12-31",
                 "signedOn":"2024-12-20","responsibilities":"r","rights":"r","benefits":"b","benefitSharing":"s",
                 "managerDuties":"院长主持全面工作；执行院长负责医疗质量与日常运营","targets":[%s]}"""
                .formatted(ids.get(1), ids.get(2), targets);
    }

    @Test
    void SH7_SH17_agreementStatesTheManagersDutiesAndQuantifiedTargets() {
        var ids = trusteeship();
        var r = planner().post("/api/registry/consortia/" + ids.get(0) + "/agreements", agreement(ids, """
                {"area":"DISCIPLINE","indicator":"共建重点专科","value":2,"unit":"个","dueBy":"2026-12-31"},
                {"area":"TALENT","indicator":"带教基层医生","value":12.50,"unit":"人"}"""));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("managerDuties").asString()).isEqualTo("院长主持全面工作；执行院长负责医疗质量与日常运营");
        var read = planner().get("/api/registry/consortia/" + ids.get(0) + "/agreements");
        JsonNode targets = read.json().get(0).get("targets");
        assertThat(targets).hasSize(2);
        assertThat(targets.get(0).get("area").asString()).isEqualTo("DISCIPLINE");
        assertThat(targets.get(0).get("indicator").asString()).isEqualTo("共建重点专科");
        assertThat(targets.get(0).get("value").toString()).isEqualTo("2");
        assertThat(targets.get(0).get("dueBy").asString()).isEqualTo("2026-12-31");
        assertThat(targets.get(1).get("value").toString()).isEqualTo("12.5");
        assertThat(targets.get(1).get("dueBy").isNull()).isTrue();
    }

    @Test
    void SH17_incompleteOrOutOfTermTargetsAreRefusedNamingTheField_nothingWritten() {
        var ids = trusteeship();
        String url = "/api/registry/consortia/" + ids.get(0) + "/agreements";
        assertRefused(url, agreement(ids, "{\"area\":\"TALENT\",\"value\":3}"), "targets[0].indicator", null);
        assertRefused(url, agreement(ids, "{\"indicator\":\"x\",\"value\":3}"), "targets[0].area", null);
        assertRefused(url, agreement(ids, "{\"area\":\"TALENT\",\"indicator\":\"x\"}"), "targets[0].value", null);
        assertRefused(url, agreement(ids, "{\"area\":\"TALENT\",\"indicator\":\"x\",\"value\":-1}"), "targets[0].value", "REGISTRY-0010");
        // the term is 2025-01-01..2027-12-31, both ends inclusive: the last day passes, the day after is refused
        assertRefused(url, agreement(ids, "{\"area\":\"TALENT\",\"indicator\":\"x\",\"value\":1,\"dueBy\":\"2028-01-01\"}"),
                "targets[0].dueBy", "REGISTRY-0030");
        assertRefused(url, agreement(ids, "{\"area\":\"TALENT\",\"indicator\":\"x\",\"value\":1,\"dueBy\":\"2024-12-31\"}"),
                "targets[0].dueBy", "REGISTRY-0030");
        assertThat(planner().get(url).json()).isEmpty();
        var lastDay = planner().post(url, agreement(ids, "{\"area\":\"TALENT\",\"indicator\":\"x\",\"value\":1,\"dueBy\":\"2027-12-31\"}"));
        assertThat(lastDay.status()).as(lastDay.body()).isEqualTo(201);
    }

    @Test
    void SH17_recordingAnAgreementIsForbiddenToAnotherConsortiumsOfficeAndAGp_unknownConsortiumNotFound() {
        var ids = trusteeship();
        String url = "/api/registry/consortia/" + ids.get(0) + "/agreements";
        String body = agreement(ids, "{\"area\":\"TALENT\",\"indicator\":\"x\",\"value\":1}");
        assertThat(planner().post("/api/registry/consortia/" + UUID.randomUUID() + "/agreements", body).status())
                .isEqualTo(404);
        // the office of another consortium sees the city's consortia (a public directory) but changes only its own
        assertThat(Api.as(port, "office").post(url, body).status()).isEqualTo(403);
        assertThat(Api.as(port, "gp").post(url, body).status()).isEqualTo(403);
        assertThat(planner().get(url).json()).isEmpty();
    }

    private void assertRefused(String url, @Nullable String body, @Nullable String field, @Nullable String code) {
        var r = planner().post(url, body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).as(r.body()).isEqualTo(field);
        if (code != null) {
            assertThat(r.body()).contains(code);
        }
    }
}
