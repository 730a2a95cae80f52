package org.medunion.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.medunion.registry.AgreementType;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchKind;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.Profession;
import org.medunion.registry.RegistryManagement;
import org.medunion.registry.Title;
import org.medunion.registry.unscoped.CityWideRegistry;
import org.medunion.shared.CreditCode;
import org.medunion.support.Api;
import org.medunion.web.ConsoleSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo city as a newcomer meets it after the first start: loaded, reachable through the API for the
 * demo accounts, with the deliberate violations of docs/demo-city.md in the registry. H2 and PostgreSQL.
 */
abstract class DemoCityContract {

    @LocalServerPort
    int port;

    @Autowired
    RegistryManagement registry;

    @Autowired
    CityWideRegistry city;

    @Autowired
    DemoCityLoader loader;

    @Autowired
    org.medunion.residents.ResidentsManagement residents;

    @Autowired
    org.medunion.referral.ReferralManagement referrals;

    @Test
    void demoCityIsThereAfterStartForThePlanner() {
        var r = Api.as(port, "planner").get("/api/registry/institutions?limit=500");
        assertThat(r.status()).isEqualTo(200);
        List<String> names = r.json().valueStream().map(n -> n.get("name").asString()).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(60).contains("上海市第十一人民医院", DemoAccounts.LEAD_INSTITUTION)
                .noneMatch(n -> n.startsWith("南宁市")); // the planner's scope is Shanghai
        var consortia = Api.as(port, "planner").get("/api/registry/consortia");
        assertThat(consortia.status()).isEqualTo(200);
        assertThat(consortia.json().valueStream().map(n -> n.get("name").asString()).toList()).contains(DemoAccounts.OFFICE_CONSORTIUM);
    }

    @Test
    void everyConsortiumFormAndInstitutionCategoryIsPresent() {
        assertThat(city.allConsortia().stream().map(ConsortiumView::form).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(ConsortiumForm.class));
        assertThat(city.allInstitutions().stream().map(InstitutionView::category).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(InstitutionCategory.class));
        assertThat(city.allAgreements().stream().map(a -> a.type()).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(AgreementType.class));
    }

    @Test
    void everyCreditCodeIsValidAndEveryPractitionerHasATitleDate() {
        var demo = demoInstitutions();
        assertThat(demo).hasSizeGreaterThanOrEqualTo(100);
        assertThat(demo).allSatisfy(i -> assertThat(CreditCode.isValid(i.creditCode())).as(i.name()).isTrue());
        var ids = demo.stream().map(InstitutionView::id).collect(Collectors.toSet());
        var practitioners = city.allPractitioners().stream().filter(p -> ids.contains(p.institutionId())).toList();
        assertThat(practitioners).hasSizeGreaterThan(300).allSatisfy(p -> assertThat(p.titleDate()).as(p.name()).isNotNull());
    }

    @Test
    void eachDemoAccountGetsATokenAndWhoamiShowsItsScope() {
        UUID office = consortium(DemoAccounts.OFFICE_CONSORTIUM).id().value();
        UUID chc = institution(DemoAccounts.GP_INSTITUTION).id().value();
        UUID lead = institution(DemoAccounts.LEAD_INSTITUTION).id().value();
        assertThat(consortium(DemoAccounts.OFFICE_CONSORTIUM).members())
                .anySatisfy(m -> assertThat(m.institutionId().value()).isEqualTo(chc))
                .anySatisfy(m -> {
                    assertThat(m.institutionId().value()).isEqualTo(lead);
                    assertThat(m.role()).isEqualTo(MembershipRole.LEAD);
                });
        UUID nursingHome = institution(DemoNursingHome.NAME).id().value();
        Map<String, String[]> expected = Map.of(
                "admin", new String[] {"ADMIN", "GLOBAL", null},
                "planner", new String[] {"PLANNER", "JURISDICTION", "310000"},
                "integrator", new String[] {"INTEGRATOR", "JURISDICTION", "310000"},
                "office", new String[] {"OFFICE", "CONSORTIUM", office.toString()},
                "gp", new String[] {"GP", "INSTITUTION", chc.toString()},
                "specialist", new String[] {"SPECIALIST", "INSTITUTION", lead.toString()},
                "pharmacist", new String[] {"PHARMACIST", "INSTITUTION", lead.toString()},
                "centre", new String[] {"CENTRE_STAFF", "INSTITUTION", lead.toString()},
                DemoNursingHome.ACCOUNT, new String[] {"GP", "INSTITUTION", nursingHome.toString()});
        expected.forEach((username, want) -> {
            var r = Api.as(port, username).get("/api/auth/whoami");
            assertThat(r.status()).as(username).isEqualTo(200);
            var json = r.json();
            assertThat(json.get("role").asString()).as(username).isEqualTo(want[0]);
            assertThat(json.get("scope").get("type").asString()).as(username).isEqualTo(want[1]);
            var reference = json.get("scope").get("reference");
            assertThat(reference == null || reference.isNull() ? null : reference.asString()).as(username).isEqualTo(want[2]);
            assertThat(json.get("displayName").asString()).as(username).isNotBlank();
        });
    }

    @Test
    void theGpSeesTheirConsortiumButNotNanning() {
        var r = Api.as(port, "gp").get("/api/registry/institutions?limit=500");
        assertThat(r.status()).isEqualTo(200);
        List<String> names = r.json().valueStream().map(n -> n.get("name").asString()).toList();
        assertThat(names).contains(DemoAccounts.GP_INSTITUTION, DemoAccounts.LEAD_INSTITUTION).noneMatch(n -> n.startsWith("南宁市"));
    }

    @Test
    void aSecondLoadFindsTheCityAndLoadsNothing() {
        long before = city.allInstitutions().size();
        assertThat(loader.loadIfEmpty()).isFalse();
        assertThat(city.allInstitutions()).hasSize((int) before);
    }

    @Test
    void theLoadPublishedDemoCityLoadedWithTheKeyIds() {
        var event = loader.loadedThisStart().orElseThrow();
        assertThat(event.jurisdictionCode()).isEqualTo("310000");
        assertThat(event.officeConsortium().value()).isEqualTo(consortium(DemoAccounts.OFFICE_CONSORTIUM).id().value());
        assertThat(event.communityHealthCentre().value()).isEqualTo(institution(DemoAccounts.GP_INSTITUTION).id().value());
        assertThat(event.leadHospital().value()).isEqualTo(institution(DemoAccounts.LEAD_INSTITUTION).id().value());
        assertThat(event.municipalHospital().value()).isEqualTo(institution("上海市第十一人民医院").id().value());
        assertThat(event.institutions()).containsKeys("sh.310105.rmc", "nn.m1", "cq.m1");
        assertThat(event.institutionCount()).isEqualTo(demoInstitutions().size());
    }

    @Test
    void SH3_putuoHasThreeMunicipalGeneralHospitalsAsTechnicalSupport() {
        var institutions = byId();
        long count = city.allConsortia().stream()
                .filter(c -> c.form() == ConsortiumForm.REGIONAL && "310107".equals(c.districtCode()))
                .flatMap(c -> c.members().stream())
                .filter(m -> m.role() == MembershipRole.TECHNICAL_SUPPORT
                        && Objects.requireNonNull(institutions.get(m.institutionId()), "a member is a registered institution")
                                .isMunicipalGeneralHospital())
                .map(m -> m.institutionId()).distinct().count();
        assertThat(count).isEqualTo(3);
    }

    @Test
    void SH4_theEleventhPeoplesHospitalWorksInFourDistricts() {
        var m11 = institution("上海市第十一人民医院");
        Set<String> districts = new HashSet<>(Set.of(m11.districtCode()));
        city.allConsortia().stream().filter(c -> c.form() == ConsortiumForm.REGIONAL)
                .filter(c -> c.members().stream().anyMatch(m -> m.institutionId().equals(m11.id())))
                .forEach(c -> districts.add(c.districtCode()));
        assertThat(districts).containsExactlyInAnyOrder("310106", "310105", "310107", "310114");
    }

    @Test
    void SH7_SH8_SH9_trusteeshipsBreakTheRulesWhereIntended() {
        var practitioners = city.allPractitioners().stream().collect(Collectors.toMap(p -> p.id(), p -> p));
        var trustees = Map.of("普陀区区域医疗联合体", "SH-7", "闵行区区域医疗联合体", "SH-8", "奉贤区区域医疗联合体", "SH-9",
                "长宁区区域医疗联合体", "compliant");
        trustees.forEach((name, rule) -> {
            var dispatches = city.allDispatches().stream()
                    .filter(d -> d.consortiumId().equals(consortium(name).id())).toList();
            long managers = dispatches.stream().filter(d -> d.kind() == DispatchKind.MANAGER).count();
            var experts = dispatches.stream().filter(d -> d.kind() == DispatchKind.EXPERT).toList();
            long disciplines = experts.stream().map(d -> d.discipline()).distinct().count();
            long juniors = experts.stream().map(d -> practitioners.get(d.practitionerId()))
                    .filter(p -> p.profession() == Profession.PHYSICIAN && p.title() == Title.ATTENDING
                            && p.titleDate() != null && p.titleDate().isAfter(LocalDate.now().minusYears(5)))
                    .count();
            long lowDays = experts.stream().filter(d -> d.weeklyDays() < 2).count();
            assertThat(managers).as(name).isEqualTo(rule.equals("SH-7") ? 1 : 2);
            assertThat(juniors).as(name).isEqualTo(rule.equals("SH-8") ? 1 : 0);
            assertThat(disciplines).as(name).isEqualTo(rule.equals("SH-9") ? 3 : experts.size());
            assertThat(disciplines).as(name).isGreaterThanOrEqualTo(rule.equals("SH-9") ? 3 : 5);
            assertThat(lowDays).as(name).isEqualTo(rule.equals("SH-9") ? 1 : 0);
        });
        var oneDay = city.allDispatches().stream().filter(d -> d.weeklyDays() == 1).findFirst().orElseThrow();
        assertThat(city.allWorkLogs().stream().filter(l -> l.dispatchId().equals(oneDay.id()))).hasSize(CityBuilder.EXPERT_LOG_WEEKS + 1);
    }

    @Test
    void SH14_SH16_CQ2_violationsAreInTheRegistry() {
        var wang = city.allPractitioners().stream().filter(p -> p.name().equals("王建国") && p.generalPractitioner())
                .findFirst().orElseThrow();
        var periods = city.allStudyPeriods().stream().filter(s -> s.practitionerId().equals(wang.id())).toList();
        assertThat(periods).isNotEmpty().allSatisfy(s -> assertThat(s.endDate()).isBefore(LocalDate.now().minusYears(2)));

        var jiading = consortium("嘉定区区域医疗联合体");
        assertThat(jiading.qualityControlGroup()).isFalse();
        assertThat(city.allAgreements().stream()
                .filter(a -> a.consortiumId().equals(jiading.id()) && a.type() == AgreementType.CHARTER)).isEmpty();

        Set<InstitutionId> inConsortium = city.allConsortia().stream().flatMap(c -> c.members().stream())
                .map(m -> m.institutionId()).collect(Collectors.toSet());
        var shapingba = demoInstitutions().stream().filter(i -> "500106".equals(i.districtCode())).toList();
        assertThat(shapingba).isNotEmpty().allSatisfy(i -> assertThat(inConsortium).doesNotContain(i.id()));
        assertThat(city.allConsortia().stream().filter(c -> "500106".equals(c.districtCode()))).isEmpty();
    }

    @Test
    void thePlannerSeesTheDemoCityThroughFhir() {
        var r = Api.as(port, "planner").getFhir("/fhir/Organization?_count=100");
        assertThat(r.status()).isEqualTo(200);
        var bundle = r.json();
        assertThat(bundle.get("resourceType").asString()).isEqualTo("Bundle");
        assertThat(bundle.get("entry").size()).isGreaterThanOrEqualTo(10);
        assertThat(r.body()).contains("上海市第十一人民医院").doesNotContain("南宁市第十一人民医院");
    }

    /** The deliberate violations are what a planner sees as findings on the first page (docs/demo-city.md). */
    @Test
    void theDeliberateViolationsBecomeFindings() {
        var admin = Api.as(port, "admin");
        assertThat(admin.post("/api/policy/evaluate", "{}").status()).isEqualTo(200);
        var m11 = institution("上海市第十一人民医院");
        var wang = city.allPractitioners().stream().filter(p -> p.name().equals("王建国")).findFirst().orElseThrow();
        var zhou = city.allPractitioners().stream().filter(p -> p.name().equals("周晓峰")).findFirst().orElseThrow();
        Map<String, List<String>> mentions = new java.util.LinkedHashMap<>();
        mentions.put("SH-3", List.of("310107", consortium("普陀区区域医疗联合体").id().value().toString()));
        mentions.put("SH-4", List.of(m11.id().value().toString(), m11.name()));
        mentions.put("SH-7", List.of(consortium("普陀区区域医疗联合体").id().value().toString(), "普陀区区域医疗中心"));
        mentions.put("SH-8", List.of(zhou.id().value().toString(), zhou.name()));
        mentions.put("SH-9", List.of(consortium("奉贤区区域医疗联合体").id().value().toString(), "奉贤区区域医疗中心"));
        mentions.put("SH-14", List.of(wang.id().value().toString(), wang.name()));
        mentions.put("SH-16", List.of(consortium("嘉定区区域医疗联合体").id().value().toString(), "嘉定区区域医疗联合体"));
        mentions.put("SH-17", List.of(consortium("长宁区安宁疗护专病联盟").id().value().toString()));
        mentions.put("CQ-2", List.of("500106", "沙坪坝区"));
        // a public hospital of the second Nanning group without a public-health department (and one without dedicated staff)
        mentions.put("NN-10", List.of("南宁市邕宁区人民医院", "南宁市第二康复医院"));
        // judged from a year of the lead hospital's encounters: 10 % level-4 operations, below NN-9's 12 %
        mentions.put("NN-9", List.of(consortium("南宁市第十一人民医院紧密型城市医疗集团").id().value().toString()));
        mentions.forEach((rule, tokens) -> {
            var r = admin.get("/api/policy/findings?rule=" + rule);
            assertThat(r.status()).as(rule).isEqualTo(200);
            assertThat(r.json().valueStream().filter(f -> "OPEN".equals(f.get("status").asString()))
                    .map(Object::toString).anyMatch(json -> tokens.stream().anyMatch(json::contains)))
                    .as(rule + " finding mentioning " + tokens + " in " + r.body()).isTrue();
        });
    }

    /**
     * The institutions the demo loader wrote (other tests in the shared context add their own), found by
     * the credit codes the generator gives them with the default seed — asserted to be all of them.
     */
    private List<InstitutionView> demoInstitutions() {
        var recorder = new CityRecorder();
        DemoCityGenerator.generate(DemoCityGenerator.DEFAULT_SEED, DemoCityGenerator.Scale.DEMO, registry.districts(),
                LocalDate.now(), recorder);
        Set<String> codes = recorder.institutions.stream().map(i -> i.command().creditCode()).collect(Collectors.toSet());
        var loaded = city.allInstitutions().stream().filter(i -> codes.contains(i.creditCode())).toList();
        assertThat(loaded).hasSameSizeAs(codes);
        return loaded;
    }

    private Map<InstitutionId, InstitutionView> byId() {
        return city.allInstitutions().stream().collect(Collectors.toMap(InstitutionView::id, i -> i));
    }

    private InstitutionView institution(String name) {
        return city.allInstitutions().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private ConsortiumView consortium(String name) {
        return city.allConsortia().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theFirstStartSeedsResidentsAndOnePlusOnePlusOneContractsAtTheGpsCentre() {
        var city = loader.loadedThisStart().orElseThrow();
        var contracts = residents.contractsOfInstitution(city.communityHealthCentre());
        assertThat(contracts).hasSizeGreaterThanOrEqualTo(100);
        assertThat(residents.contractsOfInstitution(city.municipalHospital())).hasSizeGreaterThanOrEqualTo(100);
        var gp = Api.as(port, "gp").get("/api/residents?name=%E7%8E%8B");
        assertThat(gp.status()).isEqualTo(200);
        assertThat(gp.json().size()).isPositive();
    }

    @Test
    void thePlannerAndIntegratorNeverSeeAFullResidentIdNumber() {
        var fullId = java.util.regex.Pattern.compile("3101\\d{13}[\\dX]");
        var gp = Api.as(port, "gp").get("/api/residents?name=%E7%8E%8B");
        assertThat(fullId.matcher(gp.body()).find()).as("the pattern finds the GP's unmasked numbers").isTrue();

        var planner = Api.as(port, "planner").get("/api/residents?name=%E7%8E%8B");
        assertThat(planner.status()).as("planners see statistics only").isEqualTo(403);

        var integrator = Api.as(port, "integrator").get("/api/residents?name=%E7%8E%8B");
        assertThat(integrator.status()).isEqualTo(200);
        assertThat(integrator.json().size()).isPositive();
        assertThat(fullId.matcher(integrator.body()).find()).isFalse();
        for (var r : integrator.json()) {
            assertThat(r.get("residentIdNumberMasked").asString()).matches("\\d{6}\\*{8}\\d{3}[\\dX]");
            assertThat(r.get("residentIdNumber").isNull()).isTrue();
        }
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void demoReferralsCoverEveryStatusInBothDirections_downwardOnesWithCarePlanAndClosedLoop() {
        var present = new java.util.HashSet<String>(jdbc.sql("select distinct direction || ':' || status from referral_referral")
                .query(String.class).list());
        jdbc.sql("""
                select distinct r.direction from referral_referral r join referral_transition t on t.referral_id = r.id
                where t.action = 'REDIRECT'""").query(String.class).list().forEach(d -> present.add(d + ":REDIRECTED"));
        for (var direction : List.of("UP", "DOWN")) {
            for (var status : org.medunion.referral.ReferralStatus.values()) {
                assertThat(present).as("demo referral %s %s", direction, status).contains(direction + ":" + status);
            }
        }
        // every downward referral accepted or later has its care plan, follow-ups and extended prescription, and was
        // accepted with a community bed booking or a family bed under the centre's team; completed ones returned a summary
        var downward = jdbc.sql("""
                select r.id, r.status, r.destination_type, r.booking_kind,
                  (select count(*) from referral_care_plan p where p.referral_id = r.id) plans,
                  (select count(*) from referral_follow_up_task f where f.referral_id = r.id) tasks,
                  (select count(*) from referral_medication m where m.referral_id = r.id) meds,
                  (select count(*) from referral_home_care h where h.referral_id = r.id) home,
                  (select count(*) from referral_feedback b where b.referral_id = r.id) feedback
                from referral_referral r where r.direction = 'DOWN' and r.status in ('ACCEPTED', 'ARRIVED', 'COMPLETED')
                and r.from_username = 'demo'""").query((rs, n) -> new Object[] {rs.getString("status"),
                rs.getString("destination_type"), rs.getString("booking_kind"), rs.getLong("plans"), rs.getLong("tasks"),
                rs.getLong("meds"), rs.getLong("home"), rs.getLong("feedback")}).list();
        assertThat(downward).hasSizeGreaterThanOrEqualTo(3);
        var destinations = new java.util.HashSet<Object>();
        for (Object[] d : downward) {
            destinations.add(d[1]);
            assertThat((long) d[3]).as("care plan").isEqualTo(1);
            assertThat((long) d[4]).as("follow-up tasks").isPositive();
            assertThat((long) d[5]).as("medication list").isPositive();
            if ("COMMUNITY_BED".equals(d[1])) {
                assertThat(d[2]).isEqualTo("BED");
            } else {
                assertThat((long) d[6]).as("home care: team and planned start").isEqualTo(1);
            }
            assertThat((long) d[7]).as("summary returned").isEqualTo("COMPLETED".equals(d[0]) ? 1 : 0);
        }
        assertThat(destinations).contains("COMMUNITY_BED", "FAMILY_BED");
        // community beds are published by the centre and by nursing homes, rehab hospitals and hospices
        assertThat(jdbc.sql("""
                select count(distinct s.institution_id) from scheduling_schedule s where s.kind = 'INPATIENT_BED'
                and s.department in ('社区病房', '护理病区', '康复病区', '安宁疗护病区')""").query(Long.class).single())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void thePharmacistHasAReviewQueueOfTheGpsPrescriptionsInSeveralStates() {
        var queue = Api.as(port, "pharmacist").get("/api/pharmacy/review-queue");
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        assertThat(queue.json().size()).isGreaterThanOrEqualTo(1);
        boolean longOne = false;
        for (var p : queue.json()) {
            assertThat(p.get("status").asString()).isEqualTo("IN_REVIEW");
            longOne |= p.get("longPrescription").asBoolean() && p.get("maxDays").asInt() > 28 && p.get("patientConfirmed").asBoolean()
                    && !p.get("assessmentNote").isNull();
        }
        assertThat(longOne).as("a long prescription over 4 weeks (RX-6) awaits review").isTrue();

        var mine = Api.as(port, "gp").get("/api/pharmacy/prescriptions");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        var states = new java.util.HashSet<String>();
        mine.json().forEach(p -> states.add(p.get("status").asString()));
        assertThat(states).contains("IN_REVIEW", "RETURNED", "APPROVED", "DISPENSED", "PARTIALLY_DISPENSED", "NOT_DISPENSED", "CANCELLED");
        assertThat(mine.json().valueStream().filter(p -> p.hasNonNull("referralId")).count())
                .as("extended prescriptions renewing the downward referrals the centre received (RX-16)").isGreaterThanOrEqualTo(1);
        // another received regimen was stopped with a documented reason instead (I-30), and the family doctor sees it
        var stopped = jdbc.sql("select referral_id from referral_medication_stop where stopped_by = 'demo'").query(java.util.UUID.class)
                .list();
        assertThat(stopped).as("a documented stop of a received regimen (RX-16, I-30)").isNotEmpty();
        var stop = Api.as(port, "gp").get("/api/referrals/" + stopped.get(0) + "/medication-stop");
        assertThat(stop.status()).as(stop.body()).isEqualTo(200);
        assertThat(stop.json().get("reason").asString()).isEqualTo("TARGET_REACHED");

        // the demo pharmacist's review page has decisions to measure (I-27): turnaround and the duplicate RX-9 found
        var review = ConsoleSession.login(port, "pharmacist").get("/console/pharmacy/review").body();
        assertThat(review).contains("review-quality", "共审核 6 张处方").doesNotContain("暂无审核结论");
        assertThat(review.replaceAll("\\s+", "")).contains("<td>RX-9</td><td>2</td><td>2</td>");

        var coverage = Api.as(port, "office").get("/api/pharmacy/catalogues/coverage");
        assertThat(coverage.status()).as(coverage.body()).isEqualTo(200);
        boolean gaps = false;
        for (var c : coverage.json()) {
            gaps |= c.get("items").asInt() > c.get("mapped").asInt() && c.get("mapped").asInt() > 0;
        }
        assertThat(gaps).as("catalogue mappings with gaps (RX-14)").isTrue();
    }

    @Test
    void demoConsultationsBetweenTheGpAndTheLeadHospitalsSpecialistInSeveralStates() {
        var mine = Api.as(port, "gp").get("/api/consultations?box=mine&limit=500");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        var demo = mine.json().valueStream().filter(c -> c.get("request").get("reason").asString().startsWith("演示"))
                .toList();
        assertThat(demo.stream().map(c -> c.get("status").asString()).collect(Collectors.toSet())).as("demo states")
                .contains("REQUESTED", "INFO_REQUESTED", "ACCEPTED", "OPINION_SIGNED", "CLOSED", "DECLINED");
        assertThat(demo).allSatisfy(c -> {
            assertThat(c.get("fromInstitutionName").asString()).isEqualTo(DemoAccounts.GP_INSTITUTION);
            assertThat(c.get("toInstitutionName").asString()).isEqualTo(DemoAccounts.LEAD_INSTITUTION);
            assertThat(c.get("requestedBy").asString()).isEqualTo("gp");
            assertThat(c.get("residentName").asString()).isNotBlank();
        });
        // TM-2: every request has a written consent; a guardian's names the signer and the reason
        assertThat(demo).anySatisfy(c -> {
            assertThat(c.get("consent").get("signer").asString()).isEqualTo("GUARDIAN");
            assertThat(c.get("consent").get("signerName").asString()).isNotBlank();
            assertThat(c.get("consent").get("reason").asString()).isNotBlank();
        });
        // TM-7: the closed one was signed by the specialist and acknowledged by the gp, the opinion on both sides
        var closed = demo.stream().filter(c -> c.get("status").asString().equals("CLOSED")).findFirst().orElseThrow();
        assertThat(closed.get("opinion").get("signedBy").asString()).isEqualTo("specialist");
        assertThat(closed.get("acknowledgedBy").asString()).isEqualTo("gp");
        var seen = Api.as(port, "specialist").get("/api/consultations/" + closed.get("id").asString());
        assertThat(seen.status()).as(seen.body()).isEqualTo(200);
        assertThat(seen.json().get("opinion").get("text").asString()).isEqualTo(closed.get("opinion").get("text").asString());
        var steps = Api.as(port, "gp").get("/api/consultations/" + closed.get("id").asString() + "/steps").json();
        assertThat(steps.valueStream().map(s -> s.get("action").asString()).toList()).containsExactly("REQUEST", "ACCEPT",
                "START", "DRAFT_OPINION", "SIGN_OPINION", "ACKNOWLEDGE", "CLOSE");
        assertThat(java.time.Instant.parse(steps.get(0).get("at").asString()))
                .isBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(3)));
        // the specialist's work list holds the open ones; the office's overdue queue the urgent one past its deadline
        var toMe = Api.as(port, "specialist").get("/api/consultations?box=to_me&limit=500").body();
        demo.stream().filter(c -> List.of("REQUESTED", "ACCEPTED", "OPINION_SIGNED").contains(c.get("status").asString()))
                .forEach(c -> assertThat(toMe).contains(c.get("id").asString()));
        var overdue = Api.as(port, "office").get("/api/consultations?box=overdue&limit=500");
        assertThat(overdue.status()).as(overdue.body()).isEqualTo(200);
        assertThat(overdue.json().valueStream().filter(c -> c.get("request").get("reason").asString().startsWith("演示")
                && c.get("urgency").asString().equals("URGENT"))).as("an overdue urgent demo request").isNotEmpty();
        // earlier months too, so the indicator dashboard's default month (the last complete one) has consultations:
        // three closed remote / inter-hospital ones and a joint clinic of three patients, one session (and, early in a
        // month, this week's closed remote consultation of six days ago)
        String lastMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        String office = consortium(DemoAccounts.OFFICE_CONSORTIUM).id().value().toString();
        var values = new java.util.HashMap<String, tools.jackson.databind.JsonNode>();
        Api.as(port, "office").get("/api/indicators/values?level=CONSORTIUM&subject=" + office + "&period=" + lastMonth).json()
                .forEach(v -> values.put(v.get("indicator").asString(), v));
        assertThat(Objects.requireNonNull(values.get("I-15"), "I-15").get("numerator").asLong()).isBetween(6L, 7L);
        // I-19: that joint clinic plus the demo series' clinics and rounds held last month (DemoSessions), with their patients
        var month = java.time.YearMonth.parse(lastMonth);
        var held = new java.util.ArrayList<tools.jackson.databind.JsonNode>();
        Api.as(port, "office").get("/api/consultation-sessions?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth()).json()
                .forEach(x -> {
                    if (x.get("status").asString().equals("HELD") && !x.get("kind").asString().equals("NURSING_HOME_PATROL")) {
                        held.add(x);
                    }
                });
        assertThat(held).as("last month's held joint clinics and remote rounds of the demo series").hasSizeGreaterThanOrEqualTo(6);
        assertThat(Objects.requireNonNull(values.get("I-19"), "I-19").get("numerator").asLong()).isEqualTo(1 + held.size());
        assertThat(Objects.requireNonNull(values.get("I-19"), "I-19").get("parts").get(0).get("numerator").asLong())
                .isEqualTo(3 + held.stream().mapToLong(x -> x.get("patientCount").asLong()).sum());
        assertThat(Objects.requireNonNull(values.get("I-17"), "I-17").get("denominator").asLong()).isGreaterThanOrEqualTo(7);
        assertThat(Objects.requireNonNull(values.get("I-18"), "I-18").get("value").isNull()).isFalse();
    }

    @Test
    void demoSeriesFillTheCalendar_heldInThePastMonths_plannedInTheComingWeeks() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        var past = Api.as(port, "gp").get("/api/consultation-sessions?from=" + today.minusDays(60) + "&to=" + today.minusDays(1));
        assertThat(past.status()).as(past.body()).isEqualTo(200);
        Set<String> heldKinds = new HashSet<>();
        past.json().forEach(x -> {
            if (x.get("status").asString().equals("HELD")) {
                heldKinds.add(x.get("kind").asString());
            }
        });
        assertThat(heldKinds).contains("JOINT_CLINIC", "REMOTE_ROUNDS", "NURSING_HOME_PATROL");
        var coming = Api.as(port, "gp").get("/api/consultation-sessions?from=" + today.plusDays(1) + "&to=" + today.plusDays(28));
        assertThat(coming.status()).as(coming.body()).isEqualTo(200);
        Set<String> plannedKinds = new HashSet<>();
        coming.json().forEach(x -> {
            if (x.get("status").asString().equals("PLANNED")) {
                plannedKinds.add(x.get("kind").asString());
            }
        });
        assertThat(plannedKinds).as("the gp's centre hosts the clinic and the rounds and visits the nursing home")
                .contains("JOINT_CLINIC", "REMOTE_ROUNDS", "NURSING_HOME_PATROL");
    }

    /**
     * CN-3 / TM-15 (issue 14): 长宁's emergency zones; an elderly-care institution of 中片区 outside the office's consortium
     * asks the zone's hospital (the regional medical centre) under the district network's TM-1 agreement — one opinion
     * signed, one requested — and one request past the zone's hospital carries the routing warning (路由提示), on the API
     * and on the nursing-home physician's console page; the gp's centre patrols the institution.
     */
    @Test
    void CN3_TM15_theNursingHomeAsksItsZonesHospitalUnderAnAgreement_andARequestPastItCarriesTheRoutingWarning() {
        var home = institution(DemoNursingHome.NAME);
        var lead = institution(DemoAccounts.LEAD_INSTITUTION);
        assertThat(home.category()).isEqualTo(InstitutionCategory.NURSING_HOME);
        assertThat(consortium(DemoAccounts.OFFICE_CONSORTIUM).members()).as("not a member of the office's consortium")
                .noneMatch(m -> m.institutionId().equals(home.id()));
        assertThat(referrals.zoneBackingHospital(home.id().value())).contains(lead.id().value());
        assertThat(city.allAgreements()).as("TM-1: an agreement of the two in force").anySatisfy(a -> {
            assertThat(a.type()).isEqualTo(AgreementType.COOPERATION);
            assertThat(a.parties()).contains(home.id(), lead.id());
            assertThat(a.signedOn()).isNotNull();
            assertThat(a.termEnd()).isAfter(LocalDate.now());
        });
        var mine = Api.as(port, DemoNursingHome.ACCOUNT).get("/api/consultations?box=mine&limit=500");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        var demo = mine.json().valueStream().filter(c -> c.get("request").get("reason").asString().startsWith("演示")).toList();
        assertThat(demo.stream().filter(c -> c.get("toInstitutionName").asString().equals(DemoAccounts.LEAD_INSTITUTION))
                .map(c -> c.get("status").asString()).collect(Collectors.toSet())).contains("REQUESTED", "OPINION_SIGNED");
        var past = demo.stream().filter(c -> !c.get("routingWarnings").isEmpty()).toList();
        assertThat(past).as("a request past the zone's hospital").hasSize(1);
        var warning = past.get(0).get("routingWarnings").get(0);
        assertThat(warning.get("ruleId").asString()).isEqualTo("TM-15");
        assertThat(warning.get("suggestedInstitutionName").asString()).isEqualTo(DemoAccounts.LEAD_INSTITUTION);
        var page = ConsoleSession.login(port, DemoNursingHome.ACCOUNT)
                .get("/console/consultations/" + past.get(0).get("id").asString());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"routing-warnings\"", DemoAccounts.LEAD_INSTITUTION);
        // the new-request form's result picker offers her electrolyte panel to the nursing home's physician (decision 0260)
        var picker = ConsoleSession.login(port, DemoNursingHome.ACCOUNT).get("/console/consultations/new/results?residentId="
                + past.get(0).get("residentId").asString());
        assertThat(picker.body()).contains("name=\"reportId\"", "电解质四项");
        var patrols = Api.as(port, "gp").get("/api/consultation-sessions?from=" + LocalDate.now().minusDays(45) + "&to="
                + LocalDate.now()).json().valueStream().filter(x -> x.get("hostInstitutionId").asString()
                        .equals(home.id().value().toString()) && x.get("status").asString().equals("HELD"))
                .toList();
        assertThat(patrols).as("the centre's patrols of the institution held").isNotEmpty();
    }
}
