package org.medunion.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.support.Api;
import org.medunion.support.RunningCity;

/**
 * NN-10's data (issue 13, seed 002 "各公立医院建立直接从事疾病预防控制工作的标准化公共卫生科,配备专职人员"): an institution's
 * standardised public-health department, recorded and replaced through the REST API by a planner, audited as an
 * institution change, refused field by field when incomplete — with nothing written — and forbidden to other roles.
 */
abstract class PublicHealthDepartmentContract extends RunningCity {

    private static final String MINHANG = "310112";

    private Api planner() {
        return Api.as(port, "planner");
    }

    private String hospital() {
        var r = planner().post("/api/registry/institutions", RegistryFixture.institutionJson(RegistryFixture.unique("hospital"),
                RegistryFixture.creditCode(MINHANG), "GENERAL_HOSPITAL", "DISTRICT", MINHANG, "district government"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static String url(String id) {
        return "/api/registry/institutions/" + id + "/public-health-department";
    }

    @Test
    void NN10_plannerRecordsAndReplacesTheDepartment_readBackAndAudited() {
        String id = hospital();
        assertThat(planner().get(url(id)).status()).isEqualTo(404);
        var r = planner().put(url(id), "{\"establishedOn\":\"2024-03-01\",\"dedicatedStaff\":4}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("dedicatedStaff").asInt()).isEqualTo(4);
        var replaced = planner().put(url(id), "{\"establishedOn\":\"2024-03-01\",\"dedicatedStaff\":1}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        var read = planner().get(url(id));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("establishedOn").asString()).isEqualTo("2024-03-01");
        assertThat(read.json().get("dedicatedStaff").asInt()).isEqualTo(1);
        assertThat(read.json().get("institutionId").asString()).isEqualTo(id);
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'Institution' and object_id = ? and action = 'UPDATE' "
                + "and detail like 'public-health department%'").param(id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void NN10_badInputIsRefusedNamingTheField_nothingWritten() {
        String id = hospital();
        assertRefused(id, "{\"dedicatedStaff\":2}", "establishedOn");
        assertRefused(id, "{\"establishedOn\":\"2024-03-01\"}", "dedicatedStaff");
        assertRefused(id, "{\"establishedOn\":\"2024-03-01\",\"dedicatedStaff\":-1}", "dedicatedStaff");
        assertRefused(id, "{\"establishedOn\":\"" + LocalDate.now().plusDays(2) + "\",\"dedicatedStaff\":2}", "establishedOn");
        assertThat(planner().get(url(id)).status()).isEqualTo(404);
        // zero dedicated staff is a fact the registry records (NN-10 then reports it), not bad input
        assertThat(planner().put(url(id), "{\"establishedOn\":\"2024-03-01\",\"dedicatedStaff\":0}").status()).isEqualTo(200);
    }

    @Test
    void NN10_onlyPlannersAndAdministratorsRecord_unknownInstitutionNotFound() {
        String id = hospital();
        String body = "{\"establishedOn\":\"2024-03-01\",\"dedicatedStaff\":2}";
        assertThat(Api.as(port, "office").put(url(id), body).status()).isEqualTo(403);
        assertThat(Api.as(port, "gp").put(url(id), body).status()).isEqualTo(403);
        assertThat(planner().put(url(UUID.randomUUID().toString()), body).status()).isEqualTo(404);
        assertThat(planner().get(url(id)).status()).isEqualTo(404);
        assertThat(Api.as(port, "admin").put(url(id), body).status()).isEqualTo(200);
    }

    @Test
    void NN10_recordingADepartmentIsNeverBlockedByAnotherRulesOpenFinding() {
        // the demo's 上海市第十一人民医院 breaks SH-4 (a BLOCK rule) on purpose; its department is no change SH-4 reads
        assertThat(Api.as(port, "admin").post("/api/policy/evaluate", "{}").status()).isEqualTo(200);
        var found = planner().get("/api/registry/institutions?text=" + java.net.URLEncoder.encode("上海市第十一人民医院",
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(found.status()).isEqualTo(200);
        String id = found.json().get(0).get("id").asString();
        var r = planner().put(url(id), "{\"establishedOn\":\"2023-05-01\",\"dedicatedStaff\":3}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private void assertRefused(String id, String body, String field) {
        var r = planner().put(url(id), body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).as(r.body()).isEqualTo(field);
    }
}
