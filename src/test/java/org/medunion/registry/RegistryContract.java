package org.medunion.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.AccountManagement;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.support.Api;
import org.medunion.support.RunningCity;
import tools.jackson.databind.JsonNode;

/**
 * The registry's REST contract: bad input gets a clear 4xx and writes nothing; scope and audit hold;
 * every consortium relation change leaves an immutable change report (SH-10). Runs on H2 and PostgreSQL.
 */
abstract class RegistryContract extends RunningCity {

    static final String SHANGHAI = "310000";
    static final String CHANGNING = "310105";
    static final String MINHANG = "310112";

    Api planner() {
        return Api.as(port, "planner");
    }

    String account(Role role, Scope scope) {
        String username = RegistryFixture.unique("t-" + role.name().toLowerCase());
        accounts.ensureAccount(new AccountManagement.NewAccount(username, "demo", username, role, scope));
        return username;
    }

    JsonNode institution(String district, String category, String affiliation, String ownerBody) {
        String name = RegistryFixture.unique("institution");
        var r = planner().post("/api/registry/institutions", RegistryFixture.institutionJson(name,
                RegistryFixture.creditCode(district), category, affiliation, district, ownerBody));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode districtHospital(String district) {
        return institution(district, "GENERAL_HOSPITAL", "DISTRICT", "district government");
    }

    JsonNode municipalHospital(String district) {
        return institution(district, "GENERAL_HOSPITAL", "MUNICIPAL", "申康医院发展中心");
    }

    JsonNode communityCentre(String district) {
        return institution(district, "COMMUNITY_HEALTH_CENTRE", "DISTRICT", "district government");
    }

    JsonNode consortium(String district, JsonNode lead, JsonNode... members) {
        var list = new ArrayList<String>();
        list.add(member(lead, "LEAD", "HOME_DISTRICT"));
        for (JsonNode m : members) {
            list.add(member(m, "MEMBER", "HOME_DISTRICT"));
        }
        var r = planner().post("/api/registry/consortia", """
                {"name":"%s","form":"REGIONAL","tight":true,"governance":"TRUSTEESHIP","districtCode":"%s",
                 "establishedOn":"2025-01-01","managementOffice":true,"qualityControlGroup":true,
                 "centres":["HR","FINANCE"],"members":[%s]}""".formatted(RegistryFixture.unique("consortium"), district,
                String.join(",", list)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static String member(JsonNode institution, String role, String basis) {
        return """
                {"institutionId":"%s","role":"%s","basis":"%s","startDate":"2025-01-01"}"""
                .formatted(id(institution), role, basis);
    }

    static String id(JsonNode node) {
        return node.get("id").asString();
    }

    long rows(String table, String column, Object value) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = ?").param(value).query(Long.class).single();
    }

    List<JsonNode> reportsOf(Api api, String consortiumId) {
        var r = api.get("/api/registry/change-reports?consortium=" + consortiumId);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var list = new ArrayList<JsonNode>();
        r.json().forEach(list::add);
        return list;
    }

    // institutions: input validation

    @Test
    void registerInstitutionAnswers201AndAuditsIt() {
        JsonNode i = municipalHospital(CHANGNING);
        assertThat(i.get("version").asLong()).isZero();
        assertThat(i.get("keySpecialties").get(0).get("level").asString()).isEqualTo("NATIONAL");
        var read = planner().get("/api/registry/institutions/" + id(i));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(audit.count(AuditTrail.AuditQuery.forObject("Institution", id(i)))).isEqualTo(1);
    }

    @Test
    void invalidCreditCodeIs400NamingTheFieldAndWritesNothing() {
        String name = RegistryFixture.unique("bad-credit");
        String bad = RegistryFixture.withWrongCheck(RegistryFixture.creditCode(CHANGNING));
        var r = planner().post("/api/registry/institutions",
                RegistryFixture.institutionJson(name, bad, "GENERAL_HOSPITAL", "DISTRICT", CHANGNING, null));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("creditCode");
        assertThat(r.json().get("code").asString()).isEqualTo("GB32100.checksum");
        assertThat(rows("registry_institution", "name", name)).isZero();
    }

    @Test
    void unknownEnumIs400NamingTheField() {
        String name = RegistryFixture.unique("bad-enum");
        var r = planner().post("/api/registry/institutions", RegistryFixture.institutionJson(name,
                RegistryFixture.creditCode(CHANGNING), "CASINO", "DISTRICT", CHANGNING, null));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("category");
        assertThat(r.json().get("code").asString()).isEqualTo("request.unknownValue");
        assertThat(rows("registry_institution", "name", name)).isZero();
    }

    @Test
    void missingFieldIs400NamingIt() {
        String name = RegistryFixture.unique("missing");
        String json = RegistryFixture.institutionJson(name, RegistryFixture.creditCode(CHANGNING), "GENERAL_HOSPITAL",
                "DISTRICT", CHANGNING, null).replace("\"affiliation\":\"DISTRICT\",", "");
        var r = planner().post("/api/registry/institutions", json);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("affiliation");
        assertThat(r.json().get("code").asString()).isEqualTo("field.required");
        assertThat(rows("registry_institution", "name", name)).isZero();
    }

    @Test
    void malformedJsonIs400() {
        var r = planner().post("/api/registry/institutions", "{\"name\":\"x\",");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asString()).isEqualTo("request.malformed");
    }

    /** Roles that may never change the registry hear 403 before their input is looked at (S-1 matrix). */
    @Test
    void rolesThatNeverWriteTheRegistryGet403BeforeValidation() {
        for (String user : java.util.List.of("pharmacist", "gp", "centre", "integrator")) {
            for (String path : java.util.List.of("/api/registry/institutions", "/api/registry/consortia",
                    "/api/registry/practitioners", "/api/registry/grids")) {
                var r = Api.as(port, user).post(path, "{}");
                assertThat(r.status()).as(user + " " + path).isEqualTo(403);
            }
        }
        assertThat(Api.as(port, "office").post("/api/registry/institutions", "{}").status()).isEqualTo(403);
        assertThat(Api.as(port, "office").post("/api/registry/practitioners", "{}").status())
                .as("an office registers its members' practitioners: input checked first").isEqualTo(400);
    }

    @Test
    void oversizedBodyIs413() {
        var r = planner().post("/api/registry/institutions", "{\"name\":\"" + "x".repeat(1_100_000) + "\"}");
        assertThat(r.status()).isEqualTo(413);
    }

    @Test
    void unknownDistrictIs400NamingDistrictCode() {
        String name = RegistryFixture.unique("nowhere");
        var r = planner().post("/api/registry/institutions", RegistryFixture.institutionJson(name,
                RegistryFixture.creditCode("310199"), "GENERAL_HOSPITAL", "DISTRICT", "310199", null));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("districtCode");
        assertThat(r.json().get("code").asString()).isEqualTo("REGISTRY-0001");
    }

    @Test
    void duplicateCreditCodeIs409() {
        String code = RegistryFixture.creditCode(CHANGNING);
        var first = planner().post("/api/registry/institutions", RegistryFixture.institutionJson(
                RegistryFixture.unique("dup"), code, "GENERAL_HOSPITAL", "DISTRICT", CHANGNING, null));
        assertThat(first.status()).isEqualTo(201);
        var second = planner().post("/api/registry/institutions", RegistryFixture.institutionJson(
                RegistryFixture.unique("dup"), code, "GENERAL_HOSPITAL", "DISTRICT", CHANGNING, null));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("field").asString()).isEqualTo("creditCode");
        assertThat(rows("registry_institution", "credit_code", code)).isEqualTo(1);
    }

    @Test
    void staleVersionIs409AndCurrentVersionUpdates() {
        JsonNode i = districtHospital(MINHANG);
        String json = RegistryFixture.institutionJson(i.get("name").asString() + "-renamed", i.get("creditCode").asString(),
                "GENERAL_HOSPITAL", "DISTRICT", MINHANG, null);
        var ok = planner().send("PUT", "/api/registry/institutions/" + id(i), json,
                Map.of("Content-Type", "application/json", "If-Match", "\"0\""));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("version").asLong()).isEqualTo(1);
        var stale = planner().send("PUT", "/api/registry/institutions/" + id(i), json,
                Map.of("Content-Type", "application/json", "If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("field").asString()).isEqualTo("version");
        var missing = planner().put("/api/registry/institutions/" + id(i), json);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(audit.count(AuditTrail.AuditQuery.forObject("Institution", id(i)))).isEqualTo(2);
    }

    // consortia and change reports (SH-10)

    @Test
    void SH10_formingAConsortiumWritesACreationReportToOwnerAndCommission() {
        JsonNode lead = districtHospital(CHANGNING);
        JsonNode support = municipalHospital(CHANGNING);
        JsonNode centre = communityCentre(CHANGNING);
        var list = String.join(",", member(lead, "LEAD", "HOME_DISTRICT"), member(support, "TECHNICAL_SUPPORT", "BRANCH_CAMPUS"),
                member(centre, "MEMBER", "HOME_DISTRICT"));
        var r = planner().post("/api/registry/consortia", """
                {"name":"%s","form":"REGIONAL","tight":true,"districtCode":"%s","establishedOn":"2025-01-01","members":[%s]}"""
                .formatted(RegistryFixture.unique("regional"), CHANGNING, list));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String consortiumId = id(r.json());
        assertThat(r.json().get("members")).hasSize(3);

        var reports = reportsOf(planner(), consortiumId);
        assertThat(reports).hasSize(1);
        JsonNode report = reports.get(0);
        assertThat(report.get("changeType").asString()).isEqualTo("CREATION");
        assertThat(report.get("number").asString()).matches("CR-\\d{4}-\\d{6}");
        assertThat(report.get("reportingInstitution").asString()).isEqualTo(id(support));
        assertThat(report.get("recipients").toString()).contains("申康医院发展中心").contains("上海市卫生健康委员会");
        assertThat(report.get("snapshot").asString()).contains(id(centre));
        assertThat(audit.count(AuditTrail.AuditQuery.forObject("Consortium", consortiumId))).isEqualTo(1);
        assertThat(audit.count(AuditTrail.AuditQuery.forObject("ChangeReport", id(report)))).isEqualTo(1);
    }

    @Test
    void SH10_addingEndingAndDissolvingWriteAdjustmentAndDissolutionReports() {
        JsonNode lead = districtHospital(MINHANG);
        JsonNode consortium = consortium(MINHANG, lead, communityCentre(MINHANG));
        String cid = id(consortium);
        JsonNode joiner = communityCentre(MINHANG);
        var added = planner().post("/api/registry/consortia/" + cid + "/members", member(joiner, "MEMBER", "HOME_DISTRICT"));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        String membershipId = null;
        for (JsonNode m : added.json().get("members")) {
            if (m.get("institutionId").asString().equals(id(joiner))) {
                membershipId = m.get("id").asString();
            }
        }
        var again = planner().post("/api/registry/consortia/" + cid + "/members", member(joiner, "MEMBER", "HOME_DISTRICT"));
        assertThat(again.status()).isEqualTo(409);

        var ended = planner().post("/api/registry/consortia/" + cid + "/members/" + membershipId + "/end",
                "{\"endDate\":\"2025-06-30\",\"reason\":\"merged\"}");
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        var dissolved = planner().post("/api/registry/consortia/" + cid + "/dissolve",
                "{\"dissolvedOn\":\"2025-12-31\",\"reason\":\"replaced by an urban group\"}");
        assertThat(dissolved.status()).as(dissolved.body()).isEqualTo(200);
        assertThat(dissolved.json().get("active").asBoolean()).isFalse();
        for (JsonNode m : dissolved.json().get("members")) {
            assertThat(m.get("endDate").isNull()).isFalse();
        }
        assertThat(reportsOf(planner(), cid).stream().map(r -> r.get("changeType").asString()))
                .containsExactly("CREATION", "ADJUSTMENT", "ADJUSTMENT", "DISSOLUTION");
        var afterDissolution = planner().post("/api/registry/consortia/" + cid + "/members",
                member(communityCentre(MINHANG), "MEMBER", "HOME_DISTRICT"));
        assertThat(afterDissolution.status()).isEqualTo(409);
        assertThat(rows("registry_membership", "consortium_id", UUID.fromString(cid))).isEqualTo(3);
    }

    @Test
    void SH10_changeReportsCannotBeModified() {
        JsonNode consortium = consortium(CHANGNING, districtHospital(CHANGNING));
        JsonNode report = reportsOf(planner(), id(consortium)).get(0);
        String path = "/api/registry/change-reports/" + id(report);
        assertThat(planner().put(path, "{\"summary\":\"rewritten\"}").status()).isEqualTo(405);
        assertThat(planner().delete(path).status()).isEqualTo(405);
        var read = planner().get(path);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("summary").asString()).isEqualTo(report.get("summary").asString());
    }

    @Test
    void SH10_exportIsAnXlsxInTheLayoutOfTheReportForm() throws Exception {
        JsonNode consortium = consortium(CHANGNING, districtHospital(CHANGNING), communityCentre(CHANGNING));
        String number = reportsOf(planner(), id(consortium)).get(0).get("number").asString();
        var r = planner().send("GET", "/api/registry/change-reports/export.xlsx?consortium=" + id(consortium), null,
                Map.of("Accept", "*/*", "Accept-Language", "zh-CN"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).contains("spreadsheetml");
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(r.bytes()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("医疗联合体建设报告表");
            var header = sheet.getRow(1);
            var labels = new ArrayList<String>();
            header.forEach(c -> labels.add(c.getStringCellValue()));
            assertThat(labels).containsExactly("序号", "报告编号", "医联体名称", "形式", "变更类型", "报告单位", "报送对象",
                    "变更内容", "报告时间", "报告人");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo(number);
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("区域医联体");
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("新建");
            assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).contains("上海市卫生健康委员会");
            assertThat(sheet.getRow(2).getCell(9).getStringCellValue()).isEqualTo("planner");
        }
    }

    // scope

    @Test
    void officeSeesAndChangesOnlyItsOwnConsortium() {
        JsonNode a = consortium(CHANGNING, districtHospital(CHANGNING));
        JsonNode b = consortium(CHANGNING, districtHospital(CHANGNING));
        Api office = Api.as(port, account(Role.OFFICE, Scope.consortium(UUID.fromString(id(a)))));
        assertThat(office.get("/api/registry/consortia/" + id(a)).status()).isEqualTo(200);
        assertThat(office.get("/api/registry/consortia/" + id(b)).status()).isEqualTo(404);
        assertThat(office.get("/api/registry/consortia").json()).hasSize(1);
        assertThat(office.get("/api/registry/change-reports?consortium=" + id(b)).status()).isEqualTo(404);
        JsonNode newcomer = communityCentre(CHANGNING);
        var toB = office.post("/api/registry/consortia/" + id(b) + "/members", member(newcomer, "MEMBER", "HOME_DISTRICT"));
        assertThat(toB.status()).isEqualTo(403);
        assertThat(rows("registry_membership", "institution_id", UUID.fromString(id(newcomer)))).isZero();
        var toA = office.post("/api/registry/consortia/" + id(a) + "/members", member(newcomer, "MEMBER", "HOME_DISTRICT"));
        assertThat(toA.status()).as(toA.body()).isEqualTo(200);
        assertThat(office.get("/api/registry/institutions/" + id(newcomer)).status()).isEqualTo(200);
        var registering = office.post("/api/registry/institutions", RegistryFixture.institutionJson(RegistryFixture.unique("x"),
                RegistryFixture.creditCode(CHANGNING), "GENERAL_HOSPITAL", "DISTRICT", CHANGNING, null));
        assertThat(registering.status()).isEqualTo(403);
    }

    @Test
    void plannerOfNanningDoesNotSeeShanghai() {
        JsonNode shanghai = districtHospital(CHANGNING);
        Api nanning = Api.as(port, account(Role.PLANNER, Scope.jurisdiction("450100")));
        var mine = nanning.post("/api/registry/institutions", RegistryFixture.institutionJson(RegistryFixture.unique("nn"),
                RegistryFixture.creditCode("450103"), "GENERAL_HOSPITAL", "MUNICIPAL", "450103", "南宁市卫生健康委员会"));
        assertThat(mine.status()).as(mine.body()).isEqualTo(201);
        assertThat(nanning.get("/api/registry/institutions/" + id(shanghai)).status()).isEqualTo(404);
        var list = nanning.get("/api/registry/institutions?limit=10000");
        assertThat(list.status()).isEqualTo(200);
        list.json().forEach(i -> assertThat(i.get("districtCode").asString()).startsWith("4501"));
        assertThat(list.body()).contains(id(mine.json())).doesNotContain(id(shanghai));
        var elsewhere = nanning.post("/api/registry/institutions", RegistryFixture.institutionJson(RegistryFixture.unique("sh"),
                RegistryFixture.creditCode(CHANGNING), "GENERAL_HOSPITAL", "DISTRICT", CHANGNING, null));
        assertThat(elsewhere.status()).isEqualTo(403);
    }

    @Test
    void readOnlyRolesCannotChangeTheRegistry() {
        JsonNode hospital = districtHospital(CHANGNING);
        Api gp = Api.as(port, account(Role.GP, Scope.institution(UUID.fromString(id(hospital)))));
        assertThat(gp.get("/api/registry/institutions/" + id(hospital)).status()).isEqualTo(200);
        var r = gp.post("/api/registry/institutions", RegistryFixture.institutionJson(RegistryFixture.unique("gp"),
                RegistryFixture.creditCode(CHANGNING), "GENERAL_HOSPITAL", "DISTRICT", CHANGNING, null));
        assertThat(r.status()).isEqualTo(403);
        Api integrator = Api.as(port, "integrator");
        assertThat(integrator.get("/api/registry/institutions/" + id(hospital)).status()).isEqualTo(200);
        assertThat(integrator.post("/api/registry/grids", "{\"code\":\"G-x\",\"name\":\"x\",\"districtCode\":\"310105\"}").status())
                .isEqualTo(403);
    }

    // practitioners, grids, cooperation

    @Test
    void practitionerReadsAreAudited() {
        JsonNode hospital = municipalHospital(CHANGNING);
        var p = planner().post("/api/registry/practitioners", """
                {"name":"张医生","institutionId":"%s","profession":"PHYSICIAN","title":"ATTENDING","titleDate":"2018-07-01",
                 "discipline":"cardiology","generalPractitioner":false,"paediatrician":false}""".formatted(id(hospital)));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        String pid = id(p.json());
        assertThat(planner().get("/api/registry/practitioners/" + pid).status()).isEqualTo(200);
        var audited = audit.search(AuditTrail.AuditQuery.forObject("Practitioner", pid));
        assertThat(audited).extracting(e -> e.action().name()).contains("CREATE", "READ");
        Api nanning = Api.as(port, account(Role.PLANNER, Scope.jurisdiction("450100")));
        assertThat(nanning.get("/api/registry/practitioners/" + pid).status()).isEqualTo(404);
        assertThat(nanning.get("/api/registry/practitioners?institution=" + id(hospital)).status()).isEqualTo(404);
        var future = planner().post("/api/registry/practitioners", """
                {"name":"李医生","institutionId":"%s","profession":"PHYSICIAN","title":"CHIEF","titleDate":"2999-01-01"}"""
                .formatted(id(hospital)));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("field").asString()).isEqualTo("titleDate");
    }

    @Test
    void gridsAreDrawnOverKnownDistricts() {
        String code = RegistryFixture.unique("G");
        var r = planner().post("/api/registry/grids", """
                {"code":"%s","name":"east grid","districtCode":"310105","streets":["新华路街道","江苏路街道"],"population":300000}"""
                .formatted(code));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("streets")).hasSize(2);
        assertThat(planner().get("/api/registry/grids?district=310105").body()).contains(code);
        assertThat(planner().post("/api/registry/grids", "{\"code\":\"%s\",\"name\":\"again\",\"districtCode\":\"310105\"}"
                .formatted(code)).status()).isEqualTo(409);
        var unknown = planner().get("/api/registry/grids?district=999999");
        assertThat(unknown.status()).isEqualTo(400);
        var districts = planner().get("/api/registry/districts");
        assertThat(districts.body()).contains("310151").contains("450181").contains("500230");
    }

    @Test
    void agreementsDispatchesAndWorkLogsBelongToMembers() {
        // A municipal TCM hospital: exempt from SH-3/SH-4, so the demo city's 闵行 hospitals do not block this fixture.
        JsonNode municipal = institution(MINHANG, "TCM_HOSPITAL", "MUNICIPAL", "申康医院发展中心");
        JsonNode district = districtHospital(MINHANG);
        JsonNode consortium = consortium(MINHANG, district, municipal);
        String cid = id(consortium);
        var agreement = planner().post("/api/registry/consortia/" + cid + "/agreements", """
                {"type":"TRUSTEESHIP","title":"trusteeship","parties":["%s","%s"],"termStart":"2025-01-01","termEnd":"2027-12-31",
                 "signedOn":"2024-12-20","responsibilities":"r","rights":"r","benefits":"b","benefitSharing":"s"}"""
                .formatted(id(municipal), id(district)));
        assertThat(agreement.status()).as(agreement.body()).isEqualTo(201);
        var outsider = planner().post("/api/registry/consortia/" + cid + "/agreements", """
                {"type":"COOPERATION","title":"x","parties":["%s"],"termStart":"2025-01-01"}"""
                .formatted(id(communityCentre(MINHANG))));
        assertThat(outsider.status()).isEqualTo(400);
        assertThat(outsider.json().get("field").asString()).isEqualTo("parties[0]");

        var doctor = planner().post("/api/registry/practitioners", """
                {"name":"王院长","institutionId":"%s","profession":"MANAGER","title":"CHIEF","titleDate":"2010-01-01"}"""
                .formatted(id(municipal)));
        assertThat(doctor.status()).isEqualTo(201);
        var dispatch = planner().post("/api/registry/consortia/" + cid + "/dispatches", """
                {"practitionerId":"%s","toInstitutionId":"%s","kind":"MANAGER","managerRole":"PRESIDENT",
                 "startDate":"2025-01-01","endDate":"2027-12-31","weeklyDays":5,"agreementId":"%s"}"""
                .formatted(id(doctor.json()), id(district), id(agreement.json())));
        assertThat(dispatch.status()).as(dispatch.body()).isEqualTo(201);
        var badDays = planner().post("/api/registry/consortia/" + cid + "/dispatches", """
                {"practitionerId":"%s","toInstitutionId":"%s","kind":"EXPERT","startDate":"2025-01-01","weeklyDays":9}"""
                .formatted(id(doctor.json()), id(district)));
        assertThat(badDays.status()).isEqualTo(400);
        assertThat(badDays.json().get("field").asString()).isEqualTo("weeklyDays");
        String did = id(dispatch.json());
        var log = planner().post("/api/registry/dispatches/" + did + "/work-logs", "{\"workDate\":\"2025-02-03\",\"hours\":8}");
        assertThat(log.status()).as(log.body()).isEqualTo(201);
        assertThat(planner().post("/api/registry/dispatches/" + did + "/work-logs", "{\"workDate\":\"2025-02-03\"}").status())
                .isEqualTo(409);
        assertThat(planner().get("/api/registry/dispatches/" + did + "/work-logs").json()).hasSize(1);
        assertThat(planner().get("/api/registry/consortia/" + cid + "/agreements").json()).hasSize(1);
        assertThat(planner().get("/api/registry/consortia/" + cid + "/dispatches").json()).hasSize(1);
    }

    // API surface

    @Test
    void apiIsDocumentedAuthenticatedAndRejectsMalformedIds() {
        var docs = Api.anonymous(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/registry/institutions").contains("/api/registry/consortia/{id}/members")
                .contains("/api/registry/change-reports/export.xlsx");
        assertThat(Api.anonymous(port).get("/api/registry/institutions").status()).isEqualTo(401);
        var badId = planner().get("/api/registry/institutions/not-a-uuid");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("field").asString()).isEqualTo("id");
        var badMember = planner().post("/api/registry/consortia/" + UUID.randomUUID() + "/members",
                "{\"institutionId\":\"nope\",\"role\":\"MEMBER\"}");
        assertThat(badMember.status()).isEqualTo(400);
        assertThat(badMember.json().get("field").asString()).isEqualTo("institutionId");
        var unknownEnumQuery = planner().get("/api/registry/institutions?category=CASINO");
        assertThat(unknownEnumQuery.status()).isEqualTo(400);
        assertThat(unknownEnumQuery.json().get("field").asString()).isEqualTo("category");
    }
}
