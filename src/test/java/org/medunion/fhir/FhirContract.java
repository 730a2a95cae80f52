package org.medunion.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.fhir.FhirFixtures.BASE;
import static org.medunion.fhir.FhirFixtures.USCC;
import static org.medunion.fhir.FhirFixtures.creditCode;
import static org.medunion.fhir.FhirFixtures.cs;
import static org.medunion.fhir.FhirFixtures.hospital;
import static org.medunion.fhir.FhirFixtures.json;
import static org.medunion.fhir.FhirFixtures.unique;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.AccountManagement;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.registry.Affiliation;
import org.medunion.registry.DispatchKind;
import org.medunion.registry.DispatchStaff;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionSearch;
import org.medunion.registry.ManagerRole;
import org.medunion.support.Api;
import org.medunion.support.FhirValidation;
import org.medunion.support.RunningCity;
import tools.jackson.databind.JsonNode;

/**
 * The FHIR contract of the registry (fhir.md, docs/fhir.md): every resource the server returns passes
 * the HAPI validator against the R4 base profiles, the CapabilityStatement is truthful, conditional and
 * version-aware writes behave as FHIR prescribes, and bad input is a 4xx OperationOutcome whose
 * {@code issue.expression} names the element — with nothing written. Runs on H2 and PostgreSQL.
 */
abstract class FhirContract extends RunningCity {

    Api planner() {
        return Api.as(port, "planner");
    }

    // --- CapabilityStatement ---------------------------------------------------------------------

    @Test
    void capabilityStatementListsEveryProviderWithItsSearchParametersAndValidates() {
        var r = Api.anonymous(port).getFhir("/fhir/metadata");
        assertThat(r.status()).isEqualTo(200);
        FhirValidation.assertValid(r.body());
        var resources = new java.util.HashMap<String, Set<String>>();
        for (JsonNode res : r.json().get("rest").get(0).get("resource")) {
            var params = new HashSet<String>();
            if (res.has("searchParam")) {
                res.get("searchParam").forEach(p -> params.add(p.get("name").asString()));
            }
            resources.put(res.get("type").asString(), params);
        }
        assertThat(resources).containsKeys("Organization", "OrganizationAffiliation", "Practitioner", "PractitionerRole",
                "CodeSystem", "ValueSet", "NamingSystem");
        assertThat(resources.get("Organization")).contains("_id", "identifier", "name", "type", "district", "partof",
                "_lastUpdated");
        assertThat(resources.get("OrganizationAffiliation")).contains("_id", "primary-organization",
                "participating-organization", "role", "active");
        assertThat(resources.get("Practitioner")).contains("_id", "identifier", "name");
        assertThat(resources.get("PractitionerRole")).contains("_id", "practitioner", "organization", "role");
    }

    // --- Organization ----------------------------------------------------------------------------

    @Test
    void organizationCreateReadSearchUpdateAllValidate() {
        var api = planner();
        String name = unique("长宁区测试医院");
        String code = creditCode();
        var created = api.postFhir("/fhir/Organization", json(hospital(name, code)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        FhirValidation.assertValid(created.body());
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).contains("/fhir/Organization/" + id + "/_history/");
        assertThat(created.json().get("meta").get("versionId").asString()).isNotBlank();
        assertThat(created.json().get("meta").has("lastUpdated")).isTrue();

        var read = api.getFhir("/fhir/Organization/" + id);
        assertThat(read.status()).isEqualTo(200);
        FhirValidation.assertValid(read.body());
        var org = read.json();
        assertThat(org.get("name").asString()).isEqualTo(name);
        assertThat(identifier(org, USCC)).isEqualTo(code);
        assertThat(identifier(org, "https://medunion.example/id/institution")).isEqualTo(id);
        assertThat(org.get("address").get(0).get("district").asString()).isEqualTo("310105");
        assertThat(codes(org.get("type"))).contains(cs("institution-category") + "|general-hospital",
                cs("hospital-level") + "|secondary", cs("organization-type") + "|institution");

        for (String query : List.of("identifier=" + enc(USCC + "|" + code), "name=" + enc(name), "_id=" + id,
                "district=3101&name=" + enc(name), "type=general-hospital&name=" + enc(name),
                "_lastUpdated=" + enc("ge2020-01-01") + "&name=" + enc(name))) {
            var search = api.getFhir("/fhir/Organization?" + query);
            assertThat(search.status()).as(query).isEqualTo(200);
            FhirValidation.assertValid(search.body());
            assertThat(search.json().get("total").asInt()).as(query).isEqualTo(1);
            assertThat(search.json().get("entry").get(0).get("resource").get("id").asString()).isEqualTo(id);
        }
        assertThat(api.getFhir("/fhir/Organization?name=" + enc(name) + "&type=consortium").json().get("total").asInt())
                .isZero();

        // a branch campus points at its main institution
        var branch = hospital(unique("长宁区测试医院分院"), creditCode());
        branch.setPartOf(new Reference("Organization/" + id));
        var branchCreated = api.postFhir("/fhir/Organization", json(branch));
        assertThat(branchCreated.status()).as(branchCreated.body()).isEqualTo(201);
        var partOf = api.getFhir("/fhir/Organization?partof=Organization/" + id);
        assertThat(partOf.json().get("total").asInt()).isEqualTo(1);
        assertThat(partOf.json().get("entry").get(0).get("resource").get("partOf").get("reference").asString())
                .isEqualTo("Organization/" + id);

        String version = read.json().get("meta").get("versionId").asString();
        var changed = hospital(name + "（更名）", code);
        changed.setId(id);
        var updated = api.putFhir("/fhir/Organization/" + id, json(changed), "W/\"" + version + "\"");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        FhirValidation.assertValid(updated.body());
        assertThat(updated.json().get("name").asString()).isEqualTo(name + "（更名）");
        assertThat(Long.parseLong(updated.json().get("meta").get("versionId").asString())).isGreaterThan(Long.parseLong(version));
    }

    @Test
    void conditionalCreateWithIfNoneExistReturnsTheExistingOrganization() {
        var api = planner();
        String code = creditCode();
        var first = api.postFhir("/fhir/Organization", json(hospital(unique("条件创建医院"), code)));
        assertThat(first.status()).isEqualTo(201);
        long before = registry.countInstitutions(InstitutionSearch.all());

        var again = api.send("POST", "/fhir/Organization", json(hospital(unique("条件创建医院"), code)),
                Map.of("Content-Type", "application/fhir+json", "Accept", "application/fhir+json",
                        "If-None-Exist", "identifier=" + USCC + "|" + code));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        FhirValidation.assertValid(again.body());
        assertThat(registry.countInstitutions(InstitutionSearch.all())).isEqualTo(before);

        // without the condition, the same credit code is a conflict, not a duplicate
        var duplicate = api.postFhir("/fhir/Organization", json(hospital(unique("条件创建医院"), code)));
        assertThat(duplicate.status()).isEqualTo(409);
        assertOutcome(duplicate, "Organization.identifier");
        assertThat(registry.countInstitutions(InstitutionSearch.all())).isEqualTo(before);
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        var api = planner();
        String name = unique("版本测试医院");
        String code = creditCode();
        var created = api.postFhir("/fhir/Organization", json(hospital(name, code)));
        String id = created.json().get("id").asString();
        String version = created.json().get("meta").get("versionId").asString();
        var first = hospital(name + "A", code);
        first.setId(id);
        assertThat(api.putFhir("/fhir/Organization/" + id, json(first), "W/\"" + version + "\"").status()).isEqualTo(200);

        var stale = hospital(name + "B", code);
        stale.setId(id);
        var r = api.putFhir("/fhir/Organization/" + id, json(stale), "W/\"" + version + "\"");
        assertThat(r.status()).isEqualTo(412);
        assertOutcome(r, "Organization.meta.versionId");
        assertThat(api.getFhir("/fhir/Organization/" + id).json().get("name").asString()).isEqualTo(name + "A");

        var staleMeta = hospital(name + "C", code);
        staleMeta.setId(id);
        staleMeta.getMeta().setVersionId(version);
        var conflict = api.putFhir("/fhir/Organization/" + id, json(staleMeta), null);
        assertThat(conflict.status()).isEqualTo(409);
        assertOutcome(conflict, "Organization.meta.versionId");
    }

    @Test
    void pagingWithCountGivesNextLinks() {
        var api = planner();
        String prefix = unique("分页医院");
        for (int i = 0; i < 3; i++) {
            assertThat(api.postFhir("/fhir/Organization", json(hospital(prefix + "-" + i, creditCode()))).status()).isEqualTo(201);
        }
        var page1 = api.getFhir("/fhir/Organization?name=" + enc(prefix) + "&_count=2");
        assertThat(page1.json().get("total").asInt()).isEqualTo(3);
        assertThat(page1.json().get("entry").size()).isEqualTo(2);
        String next = link(page1.json(), "next");
        assertThat(next).isNotNull();
        var uri = URI.create(next);
        var page2 = api.getFhir(uri.getRawPath() + "?" + uri.getRawQuery());
        assertThat(page2.status()).isEqualTo(200);
        FhirValidation.assertValid(page2.body());
        assertThat(page2.json().get("entry").size()).isEqualTo(1);
    }

    // --- bad input -------------------------------------------------------------------------------

    @Test
    void badOrganizationsAre4xxOperationOutcomesNamingTheElementAndWriteNothing() {
        var api = planner();
        long before = registry.countInstitutions(InstitutionSearch.all());

        var malformed = api.postFhir("/fhir/Organization", "{\"resourceType\":\"Organization\",\"name\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("resourceType").asString()).isEqualTo("OperationOutcome");

        var unknownElement = api.postFhir("/fhir/Organization", "{\"resourceType\":\"Organization\",\"nmae\":\"x\"}");
        assertThat(unknownElement.status()).isEqualTo(400);
        assertThat(unknownElement.json().get("resourceType").asString()).isEqualTo("OperationOutcome");

        var unknownCode = hospital(unique("坏代码医院"), creditCode());
        unknownCode.getType().get(1).getCodingFirstRep().setCode("quaternary");
        assertOutcome(api.postFhir("/fhir/Organization", json(unknownCode)), 400, "Organization.type[1].coding[0].code");

        String badCode = creditCode();
        var badChecksum = hospital(unique("坏信用代码医院"), badCode.substring(0, 17) + (badCode.charAt(17) == '0' ? '1' : '0'));
        var r = api.postFhir("/fhir/Organization", json(badChecksum));
        assertOutcome(r, 400, "Organization.identifier[0].value");
        assertThat(r.json().get("issue").get(0).get("details").get("coding").get(0).get("code").asString())
                .isEqualTo("GB32100.checksum");

        var noName = hospital(null, creditCode());
        assertOutcome(api.postFhir("/fhir/Organization", json(noName)), 400, "Organization.name");

        var noIdentifier = hospital(unique("无标识医院"), creditCode());
        noIdentifier.getIdentifier().clear();
        assertOutcome(api.postFhir("/fhir/Organization", json(noIdentifier)), 400, "Organization.identifier");

        var unknownDistrict = hospital(unique("无区划医院"), creditCode());
        unknownDistrict.getAddressFirstRep().setDistrict("319999");
        assertOutcome(api.postFhir("/fhir/Organization", json(unknownDistrict)), 400, "Organization.address[0].district");

        var badPartOf = hospital(unique("坏上级医院"), creditCode());
        badPartOf.setPartOf(new Reference("Patient/123"));
        assertOutcome(api.postFhir("/fhir/Organization", json(badPartOf)), 400, "Organization.partOf.reference");

        var wrongType = hospital(unique("坏扩展医院"), creditCode());
        wrongType.addExtension(BASE + "/StructureDefinition/tcm", new org.hl7.fhir.r4.model.StringType("yes"));
        assertOutcome(api.postFhir("/fhir/Organization", json(wrongType)), 400,
                "Organization.extension('" + BASE + "/StructureDefinition/tcm')");

        assertThat(registry.countInstitutions(InstitutionSearch.all())).isEqualTo(before);
    }

    @Test
    void unknownIdsAre404OperationOutcomes() {
        var api = planner();
        for (String path : List.of("/fhir/Organization/" + java.util.UUID.randomUUID(), "/fhir/Organization/not-a-uuid",
                "/fhir/Practitioner/" + java.util.UUID.randomUUID(), "/fhir/PractitionerRole/" + java.util.UUID.randomUUID(),
                "/fhir/OrganizationAffiliation/" + java.util.UUID.randomUUID(), "/fhir/CodeSystem/nope")) {
            var r = api.getFhir(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
        }
    }

    // --- consortia and memberships ---------------------------------------------------------------

    @Test
    void consortiumIsAnOrganizationAndMembersAreAffiliations() {
        var lead = FhirFixtures.registerInstitution(registry, "区域医疗中心", InstitutionCategory.GENERAL_HOSPITAL, Affiliation.DISTRICT);
        var centre = FhirFixtures.registerInstitution(registry, "社区卫生服务中心", InstitutionCategory.COMMUNITY_HEALTH_CENTRE,
                Affiliation.DISTRICT);
        var consortium = FhirFixtures.consortium(registry, lead, centre);
        var api = planner();

        var read = api.getFhir("/fhir/Organization/" + consortium.id());
        assertThat(read.status()).isEqualTo(200);
        FhirValidation.assertValid(read.body());
        assertThat(codes(read.json().get("type"))).contains(cs("organization-type") + "|consortium",
                cs("consortium-form") + "|regional");
        var search = api.getFhir("/fhir/Organization?type=consortium&name=" + enc(consortium.name()));
        assertThat(search.json().get("total").asInt()).isEqualTo(1);

        var members = api.getFhir("/fhir/OrganizationAffiliation?primary-organization=Organization/" + consortium.id());
        assertThat(members.status()).isEqualTo(200);
        FhirValidation.assertValid(members.body());
        assertThat(members.json().get("total").asInt()).isEqualTo(2);
        var leads = api.getFhir("/fhir/OrganizationAffiliation?primary-organization=Organization/" + consortium.id()
                + "&role=" + enc(cs("membership-role") + "|lead"));
        assertThat(leads.json().get("total").asInt()).isEqualTo(1);
        var affiliation = leads.json().get("entry").get(0).get("resource");
        assertThat(affiliation.get("participatingOrganization").get("reference").asString()).isEqualTo("Organization/" + lead.id());
        var byId = api.getFhir("/fhir/OrganizationAffiliation/" + affiliation.get("id").asString());
        assertThat(byId.status()).isEqualTo(200);
        FhirValidation.assertValid(byId.body());
        assertThat(api.getFhir("/fhir/OrganizationAffiliation?participating-organization=Organization/" + centre.id()
                + "&active=true").json().get("total").asInt()).isEqualTo(1);

        // add a member through FHIR
        var station = FhirFixtures.registerInstitution(registry, "社区卫生服务站", InstitutionCategory.COMMUNITY_HEALTH_STATION,
                Affiliation.DISTRICT);
        var add = new OrganizationAffiliation();
        add.setOrganization(new Reference("Organization/" + consortium.id()));
        add.setParticipatingOrganization(new Reference("Organization/" + station.id()));
        add.addCode(new CodeableConcept().addCoding(new Coding(cs("membership-role"), "member", null)));
        add.setPeriod(new Period().setStartElement(new DateTimeType(LocalDate.of(2025, 3, 1).toString())));
        add.addExtension(BASE + "/StructureDefinition/membership-basis", new Coding(cs("membership-basis"), "home-district", null));
        var created = api.postFhir("/fhir/OrganizationAffiliation", json(add));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        FhirValidation.assertValid(created.body());
        assertThat(created.json().get("period").get("start").asString()).isEqualTo("2025-03-01");
        assertThat(registry.consortium(consortium.id()).orElseThrow().members()).hasSize(3);

        // a second lead is refused by the registry: 409 naming the element, nothing written
        var secondLead = add.copy();
        secondLead.setParticipatingOrganization(new Reference("Organization/"
                + FhirFixtures.registerInstitution(registry, "另一医院", InstitutionCategory.GENERAL_HOSPITAL, Affiliation.DISTRICT).id()));
        secondLead.getCodeFirstRep().getCodingFirstRep().setCode("lead");
        assertOutcome(api.postFhir("/fhir/OrganizationAffiliation", json(secondLead)), 409, "OrganizationAffiliation.code");
        var unknownRole = add.copy();
        unknownRole.getCodeFirstRep().getCodingFirstRep().setCode("boss");
        assertOutcome(api.postFhir("/fhir/OrganizationAffiliation", json(unknownRole)), 400,
                "OrganizationAffiliation.code[0].coding[0].code");
        assertThat(registry.consortium(consortium.id()).orElseThrow().members()).hasSize(3);
    }

    /**
     * SH-3: a district forms regional consortia with at most 2 municipal general hospitals. Adding
     * municipal general hospitals as technical support through FHIR is refused once the limit is passed:
     * 422 OperationOutcome, business-rule, naming the rule, and nothing written.
     */
    @Test
    void SH3_addingAThirdMunicipalGeneralHospitalIs422BusinessRuleNamingTheRule() {
        var consortium = FhirFixtures.consortium(registry,
                FhirFixtures.registerInstitution(registry, "闵行区域医疗中心", InstitutionCategory.GENERAL_HOSPITAL, Affiliation.DISTRICT),
                FhirFixtures.registerInstitution(registry, "闵行社区中心", InstitutionCategory.COMMUNITY_HEALTH_CENTRE, Affiliation.DISTRICT),
                "310112");
        var api = planner();
        Api.Response refused = null;
        for (int i = 0; i < 4 && refused == null; i++) {
            var hospital = FhirFixtures.registerInstitution(registry, "市级综合医院", InstitutionCategory.GENERAL_HOSPITAL,
                    Affiliation.MUNICIPAL);
            var add = new OrganizationAffiliation();
            add.setOrganization(new Reference("Organization/" + consortium.id()));
            add.setParticipatingOrganization(new Reference("Organization/" + hospital.id()));
            add.addCode(new CodeableConcept().addCoding(new Coding(cs("membership-role"), "technical-support", null)));
            add.setPeriod(new Period().setStartElement(new DateTimeType("2025-06-01")));
            int membersBefore = registry.consortium(consortium.id()).orElseThrow().members().size();
            var r = api.postFhir("/fhir/OrganizationAffiliation", json(add));
            if (r.status() == 422) {
                refused = r;
                assertThat(registry.consortium(consortium.id()).orElseThrow().members()).hasSize(membersBefore);
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(201);
            }
        }
        assertThat(refused).as("SH-3 must refuse a third municipal general hospital").isNotNull();
        var outcome = Objects.requireNonNull(refused);
        FhirValidation.assertValid(outcome.body());
        var issue = outcome.json().get("issue").get(0);
        assertThat(issue.get("code").asString()).isEqualTo("business-rule");
        assertThat(issue.get("details").get("coding").get(0).get("system").asString()).isEqualTo(cs("rule"));
        assertThat(issue.get("details").get("coding").get(0).get("code").asString()).isEqualTo("SH-3");
        assertThat(issue.get("diagnostics").asString()).startsWith("SH-3");
        assertThat(issue.get("expression").get(0).asString()).isEqualTo("OrganizationAffiliation.participatingOrganization");
    }

    @Test
    void officeOfOneConsortiumCannotReadAnotherConsortiumsOrganization() {
        var mine = FhirFixtures.consortium(registry,
                FhirFixtures.registerInstitution(registry, "甲牵头医院", InstitutionCategory.GENERAL_HOSPITAL, Affiliation.DISTRICT),
                FhirFixtures.registerInstitution(registry, "甲社区中心", InstitutionCategory.COMMUNITY_HEALTH_CENTRE, Affiliation.DISTRICT));
        var otherLead = FhirFixtures.registerInstitution(registry, "乙牵头医院", InstitutionCategory.GENERAL_HOSPITAL, Affiliation.DISTRICT);
        var other = FhirFixtures.consortium(registry, otherLead,
                FhirFixtures.registerInstitution(registry, "乙社区中心", InstitutionCategory.COMMUNITY_HEALTH_CENTRE, Affiliation.DISTRICT));
        String username = unique("office");
        accounts.ensureAccount(new AccountManagement.NewAccount(username, "demo", "医联体办公室",
                Role.OFFICE, Scope.consortium(mine.id().value())));
        var office = Api.as(port, username);

        assertThat(office.getFhir("/fhir/Organization/" + mine.id()).status()).isEqualTo(200);
        var foreign = office.getFhir("/fhir/Organization/" + other.id());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(office.getFhir("/fhir/Organization/" + otherLead.id()).status()).isEqualTo(404);
        var search = office.getFhir("/fhir/Organization?type=consortium");
        assertThat(search.json().get("total").asInt()).isEqualTo(1);
        assertThat(office.getFhir("/fhir/OrganizationAffiliation?primary-organization=Organization/" + other.id())
                .json().get("total").asInt()).isZero();
    }

    @Test
    void anonymousCallersGet401OperationOutcome() {
        for (String path : List.of("/fhir/Organization", "/fhir/Practitioner", "/fhir/CodeSystem/membership-role")) {
            var r = Api.anonymous(port).getFhir(path);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
            FhirValidation.assertValid(r.body());
        }
    }

    // --- practitioners ---------------------------------------------------------------------------

    @Test
    void practitionerCreateReadSearchUpdateAndRolesValidateAndReadsAreAudited() {
        var home = FhirFixtures.registerInstitution(registry, "派出医院", InstitutionCategory.GENERAL_HOSPITAL, Affiliation.DISTRICT);
        var receiving = FhirFixtures.registerInstitution(registry, "接收中心", InstitutionCategory.COMMUNITY_HEALTH_CENTRE,
                Affiliation.DISTRICT);
        var consortium = FhirFixtures.consortium(registry, home, receiving);
        var api = planner();

        var p = new Practitioner();
        String name = unique("李医生");
        p.addName().setText(name);
        var title = p.addQualification();
        title.getCode().addCoding(new Coding(cs("practitioner-title"), "attending", null));
        title.setPeriod(new Period().setStartElement(new DateTimeType("2016-07-01")));
        p.addQualification().getCode().addCoding(new Coding(cs("profession"), "physician", null));
        p.addExtension(BASE + "/StructureDefinition/practitioner-institution", new Reference("Organization/" + home.id()));
        p.addExtension(BASE + "/StructureDefinition/discipline", new org.hl7.fhir.r4.model.StringType("全科"));
        var created = api.postFhir("/fhir/Practitioner", json(p));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        FhirValidation.assertValid(created.body());
        String id = created.json().get("id").asString();
        assertThat(created.json().get("qualification").get(0).get("period").get("start").asString()).isEqualTo("2016-07-01");

        long auditedBefore = audit.count(AuditTrail.AuditQuery.forObject("Practitioner", id));
        var read = api.getFhir("/fhir/Practitioner/" + id);
        assertThat(read.status()).isEqualTo(200);
        FhirValidation.assertValid(read.body());
        assertThat(audit.count(AuditTrail.AuditQuery.forObject("Practitioner", id))).isGreaterThan(auditedBefore);

        for (String query : List.of("name=" + enc(name), "_id=" + id,
                "identifier=" + enc("https://medunion.example/id/practitioner|" + id))) {
            var search = api.getFhir("/fhir/Practitioner?" + query);
            assertThat(search.status()).isEqualTo(200);
            FhirValidation.assertValid(search.body());
            assertThat(search.json().get("total").asInt()).as(query).isEqualTo(1);
        }

        String version = read.json().get("meta").get("versionId").asString();
        p.setId(id);
        p.getQualificationFirstRep().getCode().getCodingFirstRep().setCode("associate-chief");
        var updated = api.putFhir("/fhir/Practitioner/" + id, json(p), "W/\"" + version + "\"");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        FhirValidation.assertValid(updated.body());
        assertThat(api.putFhir("/fhir/Practitioner/" + id, json(p), "W/\"" + version + "\"").status()).isEqualTo(412);

        var bad = p.copy();
        bad.getQualificationFirstRep().getCode().getCodingFirstRep().setCode("professor");
        assertOutcome(api.postFhir("/fhir/Practitioner", json(bad)), 400, "Practitioner.qualification[0].code.coding[0].code");

        // roles: home institution, then a dispatch to the receiving member
        var dispatch = registry.dispatchStaff(consortium.id(), new DispatchStaff(
                org.medunion.registry.PractitionerId.of(id), receiving.id(), DispatchKind.MANAGER, ManagerRole.EXECUTIVE_PRESIDENT,
                "全科", LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31), 3, null, null));
        var roles = api.getFhir("/fhir/PractitionerRole?practitioner=Practitioner/" + id);
        assertThat(roles.status()).isEqualTo(200);
        FhirValidation.assertValid(roles.body());
        assertThat(roles.json().get("total").asInt()).isEqualTo(2);
        var dispatched = api.getFhir("/fhir/PractitionerRole/" + dispatch.id());
        assertThat(dispatched.status()).isEqualTo(200);
        FhirValidation.assertValid(dispatched.body());
        assertThat(dispatched.json().get("organization").get("reference").asString()).isEqualTo("Organization/" + receiving.id());
        assertThat(codes(dispatched.json().get("code"))).contains(cs("practitioner-role") + "|dispatched-manager");
        assertThat(dispatched.json().get("period").get("start").asString()).isEqualTo("2025-01-01");
        var atReceiving = api.getFhir("/fhir/PractitionerRole?organization=Organization/" + receiving.id()
                + "&role=dispatched-manager");
        assertThat(atReceiving.json().get("total").asInt()).isEqualTo(1);
        var home_ = api.getFhir("/fhir/PractitionerRole/" + id);
        assertThat(home_.status()).isEqualTo(200);
        FhirValidation.assertValid(home_.body());
    }

    // --- terminology -----------------------------------------------------------------------------

    @Test
    void everyMedUnionCodeSystemValueSetAndNamingSystemIsServedAndValid() {
        var api = planner();
        var names = List.of("organization-type", "consortium-form", "governance-type", "membership-role",
                "membership-basis", "institution-category", "hospital-level", "hospital-grade", "ownership", "affiliation",
                "key-specialty-level", "practitioner-title", "profession", "practitioner-role", "manager-role", "error", "rule");
        for (String name : names) {
            var cs = api.getFhir("/fhir/CodeSystem/" + name);
            assertThat(cs.status()).as(name).isEqualTo(200);
            FhirValidation.assertValid(cs.body());
            assertThat(cs.json().get("url").asString()).isEqualTo(cs(name));
            assertThat(cs.json().get("concept").size()).as(name).isPositive();
            var vs = api.getFhir("/fhir/ValueSet/" + name);
            assertThat(vs.status()).as(name).isEqualTo(200);
            FhirValidation.assertValid(vs.body());
        }
        var role = api.getFhir("/fhir/CodeSystem/membership-role").json().get("concept").get(2);
        assertThat(role.get("code").asString()).isEqualTo("technical-support");
        assertThat(role.get("display").asString()).isEqualTo("技术支持单位");
        assertThat(role.get("designation").get(0).get("value").asString()).isEqualTo("Technical support");
        assertThat(codesOf(api.getFhir("/fhir/CodeSystem/error").json())).contains("GB32100.checksum", "fhir.staleVersion");
        assertThat(codesOf(api.getFhir("/fhir/CodeSystem/rule").json())).contains("SH-3", "NN-4");

        var uscc = api.getFhir("/fhir/NamingSystem/uscc");
        assertThat(uscc.status()).isEqualTo(200);
        FhirValidation.assertValid(uscc.body());
        assertThat(uscc.json().get("uniqueId").get(0).get("value").asString()).isEqualTo(USCC);
        var all = api.getFhir("/fhir/NamingSystem");
        FhirValidation.assertValid(all.body());
        assertThat(all.json().get("total").asInt()).isGreaterThanOrEqualTo(5);
        var byUrl = api.getFhir("/fhir/CodeSystem?url=" + enc(cs("ownership")));
        assertThat(byUrl.json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void emittedCodesExistInThePublishedCodeSystems() {
        var api = planner();
        var parser = FhirValidation.context().newJsonParser();
        List<IBaseResource> terminology = new ArrayList<>();
        for (JsonNode entry : api.getFhir("/fhir/CodeSystem?_count=100").json().get("entry")) {
            terminology.add(parser.parseResource(entry.get("resource").toString()));
        }
        for (JsonNode entry : api.getFhir("/fhir/ValueSet?_count=100").json().get("entry")) {
            terminology.add(parser.parseResource(entry.get("resource").toString()));
        }
        var strict = FhirValidation.withTerminology(terminology);
        var lead = FhirFixtures.registerInstitution(registry, "术语牵头医院", InstitutionCategory.TCM_HOSPITAL, Affiliation.MUNICIPAL);
        var centre = FhirFixtures.registerInstitution(registry, "术语社区中心", InstitutionCategory.COMMUNITY_HEALTH_CENTRE,
                Affiliation.DISTRICT);
        var consortium = FhirFixtures.consortium(registry, lead, centre);
        strict.check(api.getFhir("/fhir/Organization/" + lead.id()).body());
        strict.check(api.getFhir("/fhir/Organization/" + consortium.id()).body());
        strict.check(api.getFhir("/fhir/OrganizationAffiliation?primary-organization=Organization/" + consortium.id()).body());
        var practitioner = FhirFixtures.physician(registry, lead);
        strict.check(api.getFhir("/fhir/Practitioner/" + practitioner.id()).body());
        strict.check(api.getFhir("/fhir/PractitionerRole/" + practitioner.id()).body());
    }

    // --- helpers ---------------------------------------------------------------------------------

    static void assertOutcome(Api.Response r, int status, String expression) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertOutcome(r, expression);
    }

    static void assertOutcome(Api.Response r, String expression) {
        assertThat(r.json().get("resourceType").asString()).as(r.body()).isEqualTo("OperationOutcome");
        FhirValidation.assertValid(r.body());
        var issue = r.json().get("issue").get(0);
        assertThat(issue.get("severity").asString()).isEqualTo("error");
        assertThat(issue.get("expression").get(0).asString()).as(r.body()).isEqualTo(expression);
        assertThat(issue.get("diagnostics").asString()).isNotBlank();
    }

    static @Nullable String identifier(JsonNode resource, String system) {
        for (JsonNode id : resource.get("identifier")) {
            if (system.equals(id.get("system").asString())) {
                return id.get("value").asString();
            }
        }
        return null;
    }

    static List<String> codes(JsonNode concepts) {
        var codes = new ArrayList<String>();
        concepts.forEach(c -> c.get("coding").forEach(coding -> codes.add(coding.get("system").asString() + "|"
                + coding.get("code").asString())));
        return codes;
    }

    static List<String> codesOf(JsonNode codeSystem) {
        var codes = new ArrayList<String>();
        codeSystem.get("concept").forEach(c -> codes.add(c.get("code").asString()));
        return codes;
    }

    static @Nullable String link(JsonNode bundle, String relation) {
        for (JsonNode link : bundle.get("link")) {
            if (relation.equals(link.get("relation").asString())) {
                return link.get("url").asString();
            }
        }
        return null;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
