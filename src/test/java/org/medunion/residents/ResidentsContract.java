package org.medunion.residents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medunion.audit.AuditTrail.AuditQuery;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.registry.Affiliation;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.Profession;
import org.medunion.residents.ResidentsFixture.Site;
import org.medunion.support.Api;
import org.medunion.support.FhirValidation;
import org.medunion.support.RunningCity;
import tools.jackson.databind.JsonNode;

/**
 * The residents module end to end over REST: GB 11643 validation, duplicate matching, scope, audit, masking,
 * "1+1+1" contracts with NN-5, renew/end, Idempotency-Key. Runs on H2 and PostgreSQL through the subclasses.
 */
abstract class ResidentsContract extends RunningCity {

    Site site;

    @BeforeEach
    void site() {
        site = ResidentsFixture.site(registry, accounts);
    }

    Api gp() {
        return Api.as(port, site.gpUser());
    }

    static String registerJson(String idNumber, String name, @Nullable String extra) {
        return "{\"idNumber\":\"" + idNumber + "\",\"name\":\"" + name + "\"" + (extra == null ? "" : "," + extra) + "}";
    }

    JsonNode register(Api api, String idNumber, String name, @Nullable String extra) {
        var r = api.post("/api/residents", registerJson(idNumber, name, extra));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json();
    }

    String formTeam(Site s) {
        var r = Api.as(port, s.gpUser()).post("/api/residents/teams", """
                {"institutionId":"%s","name":"%s","gpPractitionerId":"%s","nursePractitionerId":"%s",
                 "specialistPractitionerIds":["%s"]}""".formatted(s.primary(), org.medunion.support.RegistrySeeds.unique("团队"), s.gp(),
                s.nurse(), s.specialist()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").get("value").asString();
    }

    String signJson(String residentId, String teamId, Site s, @Nullable String extra) {
        return """
                {"residentId":"%s","teamId":"%s","districtHospitalId":"%s","municipalHospitalId":"%s"%s}"""
                .formatted(residentId, teamId, s.district(), s.municipal(), extra == null ? "" : "," + extra);
    }

    long auditRows(String residentId) {
        return audit.count(new AuditQuery(null, "resident", residentId, residentId, 1000));
    }

    // ---- GB 11643 validation in the service path

    @Test
    void invalidResidentIdsAre400NamingTheFieldAndNothingIsWritten() {
        String valid = ResidentsFixture.idNumber(LocalDate.of(1980, 5, 17), true);
        char last = valid.charAt(17);
        String corrupted = valid.substring(0, 17) + (last == '0' ? '1' : '0');
        var r = gp().post("/api/residents", registerJson(corrupted, "陈伟", null));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("idNumber");
        assertThat(r.json().get("code").asString()).isEqualTo("GB11643.checksum");
        assertThat(r.body()).doesNotContain(corrupted);
        for (String bad : new String[] {"", "12345", valid.substring(0, 17) + "Z", "<script>alert(1)</script>", "31010419801317123X"}) {
            var b = gp().post("/api/residents", registerJson(bad, "陈伟", null));
            assertThat(b.status()).as(bad).isEqualTo(400);
            assertThat(b.json().get("field").asString()).isEqualTo("idNumber");
        }
        assertThat(jdbc.sql("select count(*) from residents_resident where id_number = ?").param(corrupted).query(Long.class).single())
                .isZero();
    }

    @Test
    void birthDateSexAndPhoneMustMatchTheIdNumber() {
        String id = ResidentsFixture.idNumber(LocalDate.of(1975, 3, 9), false);
        var birth = gp().post("/api/residents", registerJson(id, "周敏", "\"birthDate\":\"1975-03-10\""));
        assertThat(birth.status()).isEqualTo(400);
        assertThat(birth.json().get("field").asString()).isEqualTo("birthDate");
        var sex = gp().post("/api/residents", registerJson(id, "周敏", "\"sex\":\"1\""));
        assertThat(sex.status()).isEqualTo(400);
        assertThat(sex.json().get("field").asString()).isEqualTo("sex");
        var phone = gp().post("/api/residents", registerJson(id, "周敏", "\"phone\":\"12345\""));
        assertThat(phone.status()).isEqualTo(400);
        assertThat(phone.json().get("field").asString()).isEqualTo("phone");
        var ok = gp().post("/api/residents",
                registerJson(id, "周敏", "\"sex\":\"2\",\"birthDate\":\"1975-03-09\",\"phone\":\"13812345678\""));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("resident").get("sex").asString()).isEqualTo("FEMALE");
    }

    // ---- duplicate matching

    @Test
    void sameIdNumberFromTwoInstitutionsIsOneResidentWithTwoLinks() {
        Site other = ResidentsFixture.site(registry, accounts);
        String id = ResidentsFixture.idNumber(LocalDate.of(1960, 8, 1), true);
        JsonNode first = register(gp(), id, "刘洋", "\"localRecordNumber\":\"MRN-A-1\"");
        assertThat(first.get("outcome").asString()).isEqualTo("CREATED");
        var second = Api.as(port, other.gpUser()).post("/api/residents", registerJson(id, "刘洋", "\"localRecordNumber\":\"B/77\""));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("outcome").asString()).isEqualTo("LINKED_EXISTING");
        String residentId = first.get("resident").get("id").get("value").asString();
        assertThat(second.json().get("resident").get("id").get("value").asString()).isEqualTo(residentId);
        assertThat(second.json().get("resident").get("linkedRecords")).hasSize(2);
        assertThat(jdbc.sql("select count(*) from residents_resident where id_number = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
        // registering again from the same institution is idempotent: still two links
        var again = gp().post("/api/residents", registerJson(id, "刘洋", "\"localRecordNumber\":\"MRN-A-1\""));
        assertThat(again.json().get("resident").get("linkedRecords")).hasSize(2);
    }

    @Test
    void sameDemographicsWithAnotherIdNumberIsFlaggedNotMerged() {
        LocalDate birth = ResidentsFixture.birth();
        String name = org.medunion.support.RegistrySeeds.unique("黄");
        String a = ResidentsFixture.idNumber("310104", birth, true);
        String b = ResidentsFixture.idNumber("310115", birth, true);
        JsonNode first = register(gp(), a, name, "\"phone\":\"13900001111\"");
        JsonNode second = register(gp(), b, name, "\"phone\":\"13900001111\"");
        assertThat(second.get("outcome").asString()).isEqualTo("CREATED");
        String firstId = first.get("resident").get("id").get("value").asString();
        String secondId = second.get("resident").get("id").get("value").asString();
        assertThat(secondId).isNotEqualTo(firstId);
        assertThat(second.get("possibleDuplicates").toString()).contains(firstId);
        var review = gp().get("/api/residents/duplicates");
        assertThat(review.status()).isEqualTo(200);
        assertThat(review.body()).contains(firstId).contains(secondId);
    }

    // ---- scope, audit, masking

    @Test
    void gpOfAnotherInstitutionCannotReadTheResident() {
        Site other = ResidentsFixture.site(registry, accounts);
        String id = ResidentsFixture.idNumber(LocalDate.of(1950, 1, 2), false);
        String residentId = register(Api.as(port, other.gpUser()), id, "孙丽", null).get("resident").get("id").get("value").asString();
        assertThat(Api.as(port, other.gpUser()).get("/api/residents/" + residentId).status()).isEqualTo(200);
        assertThat(gp().get("/api/residents/" + residentId).status()).isEqualTo(404);
        assertThat(gp().get("/api/residents?idNumber=" + id).json()).isEmpty();
        assertThat(gp().get("/api/residents/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(gp().get("/api/residents/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void contractedHospitalsSpecialistSeesTheResident() {
        String id = ResidentsFixture.idNumber(LocalDate.of(1948, 4, 4), true);
        String residentId = register(gp(), id, "钱强", null).get("resident").get("id").get("value").asString();
        assertThat(Api.as(port, site.specialistUser()).get("/api/residents/" + residentId).status()).isEqualTo(404);
        var signed = gp().post("/api/residents/contracts", signJson(residentId, formTeam(site), site, null));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        var read = Api.as(port, site.specialistUser()).get("/api/residents/" + residentId);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("residentIdNumber").asString()).isEqualTo(id);
    }

    @Test
    void plannerSeesCountsButNoIdentities() {
        String residentId = register(gp(), ResidentsFixture.idNumber(LocalDate.of(1990, 2, 2), true), "吴刚", null)
                .get("resident").get("id").get("value").asString();
        var planner = Api.as(port, "planner");
        assertThat(planner.get("/api/residents/" + residentId).status()).isEqualTo(403);
        assertThat(planner.get("/api/residents?name=吴").status()).isEqualTo(403);
        var stats = planner.get("/api/residents/statistics");
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().get("residents").asLong()).isPositive();
        assertThat(gp().get("/api/residents/statistics").status()).isEqualTo(403);
    }

    @Test
    void everyReadIsAudited() {
        String residentId = register(gp(), ResidentsFixture.idNumber(LocalDate.of(1985, 6, 6), false), "郑芳", null)
                .get("resident").get("id").get("value").asString();
        long before = auditRows(residentId);
        assertThat(before).isEqualTo(1);
        gp().get("/api/residents/" + residentId);
        gp().get("/api/residents/" + residentId);
        assertThat(auditRows(residentId)).isEqualTo(before + 2);
        gp().get("/api/residents?name=郑芳");
        assertThat(auditRows(residentId)).isEqualTo(before + 3);
    }

    @Test
    void identifiersAreMaskedForRolesThatDoNotNeedThem() {
        String id = ResidentsFixture.idNumber(LocalDate.of(1970, 7, 7), true);
        String residentId = register(gp(), id, "冯军", "\"phone\":\"13712345678\"").get("resident").get("id").get("value").asString();
        var gpView = gp().get("/api/residents/" + residentId);
        assertThat(gpView.body()).contains(id).contains("13712345678");
        var integrator = Api.as(port, "integrator").get("/api/residents/" + residentId);
        assertThat(integrator.status()).isEqualTo(200);
        assertThat(integrator.body()).doesNotContain(id).doesNotContain("13712345678");
        assertThat(integrator.json().get("residentIdNumberMasked").asString())
                .isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
        assertThat(integrator.json().get("phoneMasked").asString()).isEqualTo("137****5678");
        var admin = Api.as(port, "admin").get("/api/residents/" + residentId);
        assertThat(admin.body()).doesNotContain(id);
    }

    // ---- teams and contracts ("1+1+1", NN-5)

    @Test
    void signRenewAndEndAContract() {
        String residentId = register(gp(), ResidentsFixture.idNumber(LocalDate.of(1950, 3, 3), false), "何静", null)
                .get("resident").get("id").get("value").asString();
        String team = formTeam(site);
        var signed = gp().post("/api/residents/contracts", signJson(residentId, team, site,
                "\"priorityGroups\":[\"HYPERTENSION\"],\"services\":[\"CHRONIC_DISEASE_FOLLOW_UP\",\"PRIORITY_REFERRAL\"]"));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        JsonNode c = signed.json();
        assertThat(c.get("priorityGroups").toString()).contains("ELDERLY").contains("HYPERTENSION");
        assertThat(c.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(LocalDate.parse(c.get("endDate").asString()))
                .isEqualTo(LocalDate.parse(c.get("startDate").asString()).plusYears(1).minusDays(1));
        String contractId = c.get("id").get("value").asString();
        ResidentId rid = ResidentId.of(residentId);
        assertThat(residents.activeContract(rid, LocalDate.parse(c.get("startDate").asString()))).isPresent();
        assertThat(residents.isContractedWith(rid, site.municipal())).isTrue();
        assertThat(residents.contractsOfInstitution(site.district())).extracting(ContractView::residentId).contains(rid);

        var second = gp().post("/api/residents/contracts", signJson(residentId, team, site, null));
        assertThat(second.status()).isEqualTo(409);

        var renewed = gp().post("/api/residents/contracts/" + contractId + "/renew", "{}");
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(201);
        assertThat(renewed.json().get("renewedFrom").get("value").asString()).isEqualTo(contractId);
        assertThat(renewed.json().get("startDate").asString())
                .isEqualTo(LocalDate.parse(c.get("endDate").asString()).plusDays(1).toString());
        assertThat(gp().get("/api/residents/contracts/" + contractId).json().get("status").asString()).isEqualTo("RENEWED");
        String renewedId = renewed.json().get("id").get("value").asString();

        var noReason = gp().post("/api/residents/contracts/" + renewedId + "/end", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("field").asString()).isEqualTo("reason");
        var ended = gp().post("/api/residents/contracts/" + renewedId + "/end",
                "{\"reason\":\"迁出本区\",\"endDate\":\"" + renewed.json().get("startDate").asString() + "\"}");
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("status").asString()).isEqualTo("ENDED");
        assertThat(gp().get("/api/residents/contracts?institution=" + site.primary()).body()).contains(contractId);
        assertThat(gp().get("/api/residents/contracts?institution=" + site.municipal()).status()).isEqualTo(403);
    }

    @Test
    void contractNeedsADistrictAndAMunicipalHospital() {
        String residentId = register(gp(), ResidentsFixture.idNumber(LocalDate.of(2022, 3, 3), true), "小明", null)
                .get("resident").get("id").get("value").asString();
        String team = formTeam(site);
        String swapped = """
                {"residentId":"%s","teamId":"%s","districtHospitalId":"%s","municipalHospitalId":"%s"}"""
                .formatted(residentId, team, site.municipal(), site.district());
        var r = gp().post("/api/residents/contracts", swapped);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("districtHospitalId");
        String primaryAsMunicipal = """
                {"residentId":"%s","teamId":"%s","districtHospitalId":"%s","municipalHospitalId":"%s"}"""
                .formatted(residentId, team, site.district(), site.primary());
        var m = gp().post("/api/residents/contracts", primaryAsMunicipal);
        assertThat(m.status()).isEqualTo(400);
        assertThat(m.json().get("field").asString()).isEqualTo("municipalHospitalId");
        var pregnantBoy = gp().post("/api/residents/contracts", signJson(residentId, team, site, "\"priorityGroups\":[\"PREGNANT\"]"));
        assertThat(pregnantBoy.status()).isEqualTo(400);
        assertThat(pregnantBoy.json().get("field").asString()).isEqualTo("priorityGroups");
        var unknown = gp().post("/api/residents/contracts", signJson(residentId, team, site, "\"services\":[\"MASSAGE\"]"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asString()).isEqualTo("services[0]");
        var ok = gp().post("/api/residents/contracts", signJson(residentId, team, site, null));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("priorityGroups").toString()).contains("CHILD");
        assertThat(jdbc.sql("select count(*) from residents_contract where resident_id = ?").param(UUID.fromString(residentId))
                .query(Long.class).single()).isEqualTo(1);
    }

    /**
     * Issue 13 (one source of truth): the team check reads NN-5's minimum and clause from the policy module — a
     * planner's override of {@code min} to 2 for the district makes one secondary physician too few, citing the
     * policy clause; the override back to 1 lets the same team through.
     */
    @Test
    void NN5_minimumAndClauseAreThePolicyModules_overrideOfTwoNeedsTwoPhysicians() {
        String planner = "nn5-planner-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.ensureAccount(new NewAccount(planner, "demo", "规划", Role.PLANNER, Scope.jurisdiction("310104")));
        var api = Api.as(port, planner);
        String team = """
                {"institutionId":"%s","name":"%s","gpPractitionerId":"%s","nursePractitionerId":"%s",
                 "specialistPractitionerIds":["%s"]}""";
        try {
            var raise = api.post("/api/policy/overrides", """
                    {"jurisdiction":"310104","ruleId":"NN-5","parameter":"min","value":"2","reason":"NN-5 contract test"}""");
            assertThat(raise.status()).as(raise.body()).isEqualTo(201);
            var r = gp().post("/api/residents/teams", team.formatted(site.primary(), "两名下沉医师", site.gp(), site.nurse(), site.specialist()));
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.body()).contains("NN-5", "医疗集团内每家基层医疗卫生机构确保至少有1名符合条件的二、三级医院医师下沉");
        } finally {
            assertThat(api.post("/api/policy/overrides", """
                    {"jurisdiction":"310104","ruleId":"NN-5","parameter":"min","value":"1","reason":"NN-5 contract test: back"}""")
                    .status()).isEqualTo(201);
        }
        var ok = gp().post("/api/residents/teams", team.formatted(site.primary(), "一名下沉医师", site.gp(), site.nurse(), site.specialist()));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    }

    @Test
    void NN5_teamWithoutASecondaryOrTertiaryPhysicianIsBlocked() {
        PractitionerId localDoctor = org.medunion.support.RegistrySeeds.practitioner(registry, "钱医生", site.primary(), Profession.PHYSICIAN);
        var r = gp().post("/api/residents/teams", """
                {"institutionId":"%s","name":"无下沉医师团队","gpPractitionerId":"%s","nursePractitionerId":"%s",
                 "specialistPractitionerIds":["%s"]}""".formatted(site.primary(), site.gp(), site.nurse(), localDoctor));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("NN-5");
        var noSpecialist = gp().post("/api/residents/teams", """
                {"institutionId":"%s","name":"无专科","gpPractitionerId":"%s","nursePractitionerId":"%s"}"""
                .formatted(site.primary(), site.gp(), site.nurse()));
        assertThat(noSpecialist.status()).isEqualTo(422);
    }

    @Test
    void teamMustWorkAtAPrimaryInstitution() {
        InstitutionId hospital = org.medunion.support.RegistrySeeds.institution(registry, org.medunion.support.RegistrySeeds.unique("医院"),
                InstitutionCategory.GENERAL_HOSPITAL, HospitalLevel.SECONDARY, Affiliation.DISTRICT);
        var r = Api.as(port, "admin").post("/api/residents/teams", """
                {"institutionId":"%s","name":"医院团队","gpPractitionerId":"%s","nursePractitionerId":"%s",
                 "specialistPractitionerIds":["%s"]}""".formatted(hospital, site.gp(), site.nurse(), site.specialist()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("institutionId");
        var nurseAsGp = gp().post("/api/residents/teams", """
                {"institutionId":"%s","name":"错配","gpPractitionerId":"%s","nursePractitionerId":"%s",
                 "specialistPractitionerIds":["%s"]}""".formatted(site.primary(), site.nurse(), site.nurse(), site.specialist()));
        assertThat(nurseAsGp.status()).isEqualTo(400);
        assertThat(nurseAsGp.json().get("field").asString()).isEqualTo("gpPractitionerId");
        var teams = gp().get("/api/residents/teams?institution=" + site.primary());
        assertThat(teams.status()).isEqualTo(200);
    }

    // ---- Idempotency-Key

    @Test
    void repeatedPostWithTheSameIdempotencyKeyGivesTheSameResponse() {
        String id = ResidentsFixture.idNumber(LocalDate.of(1999, 9, 9), true);
        String key = "k-" + UUID.randomUUID();
        var headers = Map.of("Idempotency-Key", key, "Content-Type", "application/json");
        var first = gp().send("POST", "/api/residents", registerJson(id, "林涛", null), headers);
        var second = gp().send("POST", "/api/residents", registerJson(id, "林涛", null), headers);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        String residentId = first.json().get("resident").get("id").get("value").asString();
        String team = formTeam(site);
        String ckey = "c-" + UUID.randomUUID();
        var c1 = gp().send("POST", "/api/residents/contracts", signJson(residentId, team, site, null),
                Map.of("Idempotency-Key", ckey, "Content-Type", "application/json"));
        var c2 = gp().send("POST", "/api/residents/contracts", signJson(residentId, team, site, null),
                Map.of("Idempotency-Key", ckey, "Content-Type", "application/json"));
        assertThat(c1.status()).as(c1.body()).isEqualTo(201);
        assertThat(c2.status()).isEqualTo(201);
        assertThat(c2.json().get("id")).isEqualTo(c1.json().get("id"));
    }

    @Test
    void malformedJsonAndWrongRoleAre4xx() {
        assertThat(gp().post("/api/residents", "{\"idNumber\":").status()).isEqualTo(400);
        assertThat(Api.as(port, "planner").post("/api/residents",
                registerJson(ResidentsFixture.idNumber(LocalDate.of(1980, 1, 1), true), "X", null)).status()).isEqualTo(403);
        assertThat(gp().post("/api/residents/contracts", "{\"residentId\":\"nope\"}").json().get("field").asString())
                .isEqualTo("residentId");
    }

    // ---- FHIR

    static String patientJson(String idNumber, String name, String birth, String gender, String org) {
        return """
                {"resourceType":"Patient",
                 "identifier":[{"system":"urn:oid:2.16.156.10011.1.3","value":"%s"},
                               {"system":"https://medunion.example/id/mrn/%s","value":"HIS-889"}],
                 "name":[{"text":"%s"}],"gender":"%s","birthDate":"%s",
                 "telecom":[{"system":"phone","value":"13611112222"}],
                 "managingOrganization":{"reference":"Organization/%s"}}""".formatted(idNumber, org, name, gender, birth, org);
    }

    @Test
    void fhirPatientRoundTripValidatesAndMasksPerRole() {
        String id = ResidentsFixture.idNumber(LocalDate.of(1955, 12, 1), false);
        var created = gp().postFhir("/fhir/Patient", patientJson(id, "赵敏", "1955-12-01", "female", site.primary().toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        FhirValidation.assertValid(created.body());
        String patientId = created.json().get("id").asString();

        var read = gp().getFhir("/fhir/Patient/" + patientId);
        assertThat(read.status()).isEqualTo(200);
        FhirValidation.assertValid(read.body());
        assertThat(read.body()).contains(id).contains("13611112222").contains("HIS-889");

        var masked = Api.as(port, "integrator").getFhir("/fhir/Patient/" + patientId);
        assertThat(masked.status()).isEqualTo(200);
        FhirValidation.assertValid(masked.body());
        assertThat(masked.body()).doesNotContain(id).doesNotContain("13611112222").contains(id.substring(0, 6) + "********");

        var conditional = gp().send("POST", "/fhir/Patient", patientJson(id, "赵敏", "1955-12-01", "female", site.primary().toString()),
                Map.of("Content-Type", "application/fhir+json", "Accept", "application/fhir+json",
                        "If-None-Exist", "identifier=urn:oid:2.16.156.10011.1.3|" + id));
        assertThat(conditional.status()).as(conditional.body()).isEqualTo(200);
        assertThat(conditional.json().get("id").asString()).isEqualTo(patientId);

        var plainRepeat = gp().postFhir("/fhir/Patient", patientJson(id, "赵敏", "1955-12-01", "female", site.primary().toString()));
        assertThat(plainRepeat.status()).isEqualTo(200);
        assertThat(plainRepeat.json().get("id").asString()).isEqualTo(patientId);

        var search = gp().getFhir("/fhir/Patient?identifier=urn:oid:2.16.156.10011.1.3%7C" + id);
        assertThat(search.status()).isEqualTo(200);
        FhirValidation.assertValid(search.body());
        assertThat(search.json().get("entry")).hasSize(1);

        var badGender = gp().postFhir("/fhir/Patient", patientJson(id, "赵敏", "1955-12-01", "male", site.primary().toString()));
        assertThat(badGender.status()).isEqualTo(400);
        assertThat(badGender.body()).contains("Patient.gender");
        String corrupted = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        var badId = gp().postFhir("/fhir/Patient", patientJson(corrupted, "赵敏", "1955-12-01", "female", site.primary().toString()));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(badId.body()).contains("Patient.identifier").doesNotContain(corrupted);

        assertThat(Api.as(port, "planner").getFhir("/fhir/Patient/" + patientId).status()).isEqualTo(403);
        Site other = ResidentsFixture.site(registry, accounts);
        assertThat(Api.as(port, other.gpUser()).getFhir("/fhir/Patient/" + patientId).status()).isEqualTo(404);
    }

    /** FHIR Patient search by name honours _count (the search itself is limited, so fewer reads are audited). */
    @Test
    void fhirPatientNameSearchHonoursCount() {
        String prefix = org.medunion.support.RegistrySeeds.unique("检索");
        for (String suffix : java.util.List.of("甲", "乙", "丙")) {
            LocalDate birth = ResidentsFixture.birth();
            var r = gp().postFhir("/fhir/Patient", patientJson(ResidentsFixture.idNumber(birth, true), prefix + suffix,
                    birth.toString(), "male", site.primary().toString()));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        String q = "/fhir/Patient?name=" + java.net.URLEncoder.encode(prefix, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(gp().getFhir(q).json().get("entry").size()).isEqualTo(3);
        var two = gp().getFhir(q + "&_count=2");
        assertThat(two.status()).isEqualTo(200);
        assertThat(two.json().get("entry").size()).isEqualTo(2);
        assertThat(gp().getFhir(q + "&_count=0").status()).isEqualTo(400);
    }

    /** S-2: who touched a resident's data is exportable as FHIR AuditEvent, to the audit administrator only (三员). */
    @Test
    void auditTrailOfAResidentIsExportedAsFhirAuditEventsToTheAuditAdministratorOnly() {
        String id = ResidentsFixture.idNumber(LocalDate.of(1961, 3, 4), true);
        var created = gp().postFhir("/fhir/Patient", patientJson(id, "钱进", "1961-03-04", "male", site.primary().toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String patientId = created.json().get("id").asString();
        assertThat(Api.as(port, "integrator").getFhir("/fhir/Patient/" + patientId).status()).isEqualTo(200);

        var admin = Api.as(port, "auditor");
        var bundle = admin.getFhir("/fhir/AuditEvent?patient=Patient/" + patientId);
        assertThat(bundle.status()).as(bundle.body()).isEqualTo(200);
        FhirValidation.assertValid(bundle.body());
        var entries = bundle.json().get("entry");
        assertThat(entries.size()).isGreaterThanOrEqualTo(2);
        java.util.List<String> actions = new java.util.ArrayList<>();
        java.util.List<String> agents = new java.util.ArrayList<>();
        for (var e : entries) {
            var event = e.get("resource");
            actions.add(event.get("action").asString());
            agents.add(event.get("agent").get(0).get("who").get("display").asString());
            assertThat(event.toString()).contains("Patient/" + patientId).doesNotContain(id);
        }
        assertThat(actions).contains("C", "R");
        assertThat(agents).contains("integrator", site.gpUser());

        String eventId = entries.get(0).get("resource").get("id").asString();
        var one = admin.getFhir("/fhir/AuditEvent/" + eventId);
        assertThat(one.status()).isEqualTo(200);
        FhirValidation.assertValid(one.body());
        var byAgent = admin.getFhir("/fhir/AuditEvent?agent-name=integrator&entity-type=resident&_count=5");
        assertThat(byAgent.status()).isEqualTo(200);
        assertThat(byAgent.json().get("entry").size()).isBetween(1, 5);

        var forbidden = gp().getFhir("/fhir/AuditEvent?patient=Patient/" + patientId);
        assertThat(forbidden.status()).isEqualTo(403);
        // the system administrator, whose own actions the trail records, may not read it either
        assertThat(Api.as(port, "admin").getFhir("/fhir/AuditEvent?patient=Patient/" + patientId).status()).isEqualTo(403);
        assertThat(forbidden.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
        var badCount = admin.getFhir("/fhir/AuditEvent?_count=5000");
        assertThat(badCount.status()).isEqualTo(400);
        assertThat(badCount.body()).contains("_count");
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'AuditEvent' and action = 'EXPORT' and actor = 'auditor'")
                .query(Long.class).single()).as("the export itself is audited").isGreaterThanOrEqualTo(3);
    }

    @Test
    void fhirPossibleDuplicatesAreLinkedAndContractsAreCareTeams() {
        LocalDate birth = ResidentsFixture.birth();
        String name = org.medunion.support.RegistrySeeds.unique("马");
        String a = register(gp(), ResidentsFixture.idNumber("310104", birth, true), name, null).get("resident").get("id").get("value")
                .asString();
        String b = register(gp(), ResidentsFixture.idNumber("310112", birth, true), name, null).get("resident").get("id").get("value")
                .asString();
        var patient = gp().getFhir("/fhir/Patient/" + b);
        FhirValidation.assertValid(patient.body());
        assertThat(patient.json().get("link").get(0).get("other").get("reference").asString()).isEqualTo("Patient/" + a);

        String team = formTeam(site);
        var signed = gp().post("/api/residents/contracts", signJson(a, team, site, "\"priorityGroups\":[\"DIABETES\"]"));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        var careTeams = gp().getFhir("/fhir/CareTeam?patient=Patient/" + a);
        assertThat(careTeams.status()).as(careTeams.body()).isEqualTo(200);
        FhirValidation.assertValid(careTeams.body());
        assertThat(careTeams.json().get("entry")).hasSize(1);
        assertThat(careTeams.body()).contains("DIABETES").contains("Organization/" + site.municipal());
        var teamResource = gp().getFhir("/fhir/CareTeam/" + team);
        assertThat(teamResource.status()).isEqualTo(200);
        FhirValidation.assertValid(teamResource.body());
        var byParticipant = gp().getFhir("/fhir/CareTeam?participant=Practitioner/" + site.specialist());
        assertThat(byParticipant.body()).contains(team);
        var contractResource = gp().getFhir("/fhir/CareTeam/" + signed.json().get("id").get("value").asString());
        assertThat(contractResource.status()).isEqualTo(200);
        FhirValidation.assertValid(contractResource.body());
    }

    // ---- console

    /** A browser-like session: form login with the CSRF token of the login page, cookies kept. */
    static final class Browser {

        final java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
        final String base;

        Browser(int port, String user) throws Exception {
            base = "http://127.0.0.1:" + port;
            String login = get("/login").body();
            var m = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
            String csrf = m.find() ? m.group(1) : "";
            client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf=" + csrf))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        }

        java.net.http.HttpResponse<String> get(String path) throws Exception {
            return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void consoleShowsTheResidentUnmaskedToTheGpAndCountsToThePlanner() throws Exception {
        String id = ResidentsFixture.idNumber(LocalDate.of(1944, 10, 10), true);
        String residentId = register(gp(), id, "欧阳修", "\"phone\":\"13588889999\"").get("resident").get("id").get("value").asString();
        var gpBrowser = new Browser(port, site.gpUser());
        var search = gpBrowser.get("/console/residents?idNumber=" + id);
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("欧阳修").contains(id);
        var page = gpBrowser.get("/console/residents/" + residentId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(id).contains("13588889999");
        var admin = new Browser(port, "admin").get("/console/residents/" + residentId);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("欧阳修").doesNotContain(id).doesNotContain("13588889999");
        var planner = new Browser(port, "planner").get("/console/residents");
        assertThat(planner.statusCode()).isEqualTo(200);
        assertThat(planner.body()).contains("resident-stats").doesNotContain(id);
    }

    @Test
    void recordsAreLinkedExplicitlyOnlyToResidentsInScope() {
        Site other = ResidentsFixture.site(registry, accounts);
        String residentId = register(gp(), ResidentsFixture.idNumber(LocalDate.of(1966, 6, 16), false), "韩梅", null)
                .get("resident").get("id").get("value").asString();
        var linked = gp().post("/api/residents/" + residentId + "/links", "{\"localRecordNumber\":\"OP-2026-001\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.body()).contains("OP-2026-001");
        var foreign = Api.as(port, other.gpUser()).post("/api/residents/" + residentId + "/links", "{\"localRecordNumber\":\"X-1\"}");
        assertThat(foreign.status()).isEqualTo(404);
        var badMrn = gp().post("/api/residents/" + residentId + "/links", "{\"localRecordNumber\":\"<script>\"}");
        assertThat(badMrn.status()).isEqualTo(400);
        assertThat(badMrn.json().get("field").asString()).isEqualTo("localRecordNumber");
    }

    /** A bulk import flags demographic look-alikes under another number for review, as a single registration does. */
    @Test
    void bulkImportFlagsSameNameBirthDateAndSexUnderAnotherNumber() {
        LocalDate birth = ResidentsFixture.birth();
        String name = org.medunion.support.RegistrySeeds.unique("同名");
        String first = ResidentsFixture.idNumber(birth, true);
        String second;
        do {
            second = ResidentsFixture.idNumber(birth, true);
        } while (second.equals(first));
        var a = residents
                .importResidents(java.util.List.of(new RegisterResident(first, name, null, null, "13900001111", null, null, null)));
        var b = residents.importResidents(java.util.List.of(new RegisterResident(second, name, null, null, "13900001111", null, null, null),
                new RegisterResident(ResidentsFixture.idNumber(birth, false), name, null, null, null, null, null, null)));
        assertThat(b.get(0)).isNotEqualTo(a.get(0));
        var reasons = jdbc.sql("""
                select reason from residents_possible_duplicate
                 where (resident_a = ? and resident_b = ?) or (resident_a = ? and resident_b = ?)""")
                .params(a.get(0).value(), b.get(0).value(), b.get(0).value(), a.get(0).value()).query(String.class).list();
        assertThat(reasons).containsExactly("name+birthDate+sex+phone");
        assertThat(jdbc.sql("select count(*) from residents_possible_duplicate where resident_a = ? or resident_b = ?")
                .params(b.get(1).value(), b.get(1).value()).query(Long.class).single())
                .as("another sex is not a look-alike").isZero();
    }

    @Test
    void bulkImportForDemoDataLinksRepeatedNumbersAndSignsContracts() {
        String known = ResidentsFixture.idNumber(LocalDate.of(1952, 2, 2), true);
        String fresh = ResidentsFixture.idNumber(LocalDate.of(1988, 8, 8), false);
        var ids = residents.importResidents(java.util.List.of(
                new RegisterResident(known, "批量甲", null, null, null, null, site.primary(), "B-1"),
                new RegisterResident(fresh, "批量乙", null, null, "13800000000", null, site.primary(), "B-2"),
                new RegisterResident(known, "批量甲", null, null, null, null, site.district(), "D-9")));
        assertThat(ids).hasSize(3);
        assertThat(ids.get(2)).isEqualTo(ids.get(0));
        assertThat(residents.importResidents(java.util.List.of(
                new RegisterResident(fresh, "批量乙", null, null, null, null, null, null)))).containsExactly(ids.get(1));
        var teams = residents.importTeams(java.util.List.of(new FormTeam(site.primary(), org.medunion.support.RegistrySeeds.unique("批量团队"),
                site.gp(), site.nurse(), java.util.List.of(site.specialist()))));
        var contracts = residents.importContracts(java.util.List.of(
                new SignContract(ids.get(0), teams.get(0), site.district(), site.municipal(), LocalDate.of(2026, 1, 1), null,
                        java.util.List.of("HYPERTENSION"), null),
                new SignContract(ids.get(1), teams.get(0), site.district(), site.municipal(), LocalDate.of(2026, 1, 1), null, null, null)));
        assertThat(contracts).hasSize(2);
        var first = residents.activeContract(ids.get(0), LocalDate.of(2026, 6, 1)).orElseThrow();
        assertThat(first.priorityGroups()).contains(PriorityGroup.ELDERLY, PriorityGroup.HYPERTENSION);
        assertThat(first.endDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(jdbc.sql("select count(*) from residents_record_link where resident_id = ?").param(ids.get(0).value())
                .query(Long.class).single()).isEqualTo(2);
        assertThat(residents.teamsOf(site.primary())).extracting(TeamView::id).contains(teams.get(0));
    }
}
