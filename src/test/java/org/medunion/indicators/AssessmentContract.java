package org.medunion.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.indicators.IndicatorsContract.stay;
import static org.medunion.indicators.IndicatorsContract.visit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.registry.AddMember;
import org.medunion.registry.Affiliation;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.FormConsortium;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.HospitalGrade;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.Ownership;
import org.medunion.registry.RegisterInstitution;
import org.medunion.scheduling.SchedulingFixture;
import org.medunion.support.Api;
import org.medunion.support.RegistrySeeds;
import org.medunion.support.RunningCity;
import tools.jackson.databind.JsonNode;

/**
 * The assessment cycle (issue 17, decision 0240) over HTTP on a fresh Shanghai urban medical group per test: the
 * workflow on both sides of every move (cannot freeze before the self- and external assessments, nothing after the
 * freeze), who may do what (planner of another jurisdiction and another consortium's office 404, wrong roles 403), a
 * frozen assessment unchanged by encounters that arrive later while the live values move, hand-counted values, and
 * Nanning's six dimensions. Exports are read back in {@link AssessmentExportContract}.
 */
abstract class AssessmentContract extends RunningCity {

    static final List<String> SEVEN = List.of("D-1", "D-2", "D-3", "D-4", "D-5", "D-6", "D-7");

    SchedulingFixture.Group g;
    /** Ten days ago: after the fixture's memberships began (a year ago), and never in the future. */
    LocalDate base;
    /** The year assessed: the base day's. */
    int year;
    String planner;
    String otherPlanner;
    String office;
    String otherOffice;

    @BeforeEach
    void world() {
        g = SchedulingFixture.group(registry, residents, accounts);
        base = LocalDate.now().minusDays(10);
        year = base.getYear();
        String tag = Long.toString(System.nanoTime(), 36);
        planner = account("apl", Role.PLANNER, Scope.jurisdiction("310000"), tag);
        otherPlanner = account("apl2", Role.PLANNER, Scope.jurisdiction("450100"), tag);
        office = account("aof", Role.OFFICE, Scope.consortium(g.consortium().value()), tag);
        otherOffice = account("aof2", Role.OFFICE, Scope.consortium(UUID.randomUUID()), tag);
    }

    String account(String prefix, Role role, Scope scope, String tag) {
        String name = prefix + "-" + tag;
        accounts.ensureAccount(new NewAccount(name, "demo", name + " 显示名", role, scope));
        return name;
    }

    Api as(String user) {
        return Api.as(port, user);
    }

    Api.Response create(String user, UUID consortium, String kind, int y) {
        return as(user).post("/api/assessments", """
                {"consortiumId":"%s","kind":"%s","year":%d}""".formatted(consortium, kind, y));
    }

    static String dimensions(List<String> ids, boolean self) {
        var out = new ArrayList<String>();
        for (String d : ids) {
            out.add(self ? """
                    {"dimension":"%s","rating":"GOOD","score":80,"comment":"自评 %s","evidence":"工作总结第%s节","reference":"长卫〔2025〕1号"}"""
                    .formatted(d, d, d.substring(2)) : """
                            {"dimension":"%s","rating":"PASS","score":70,"comment":"外部评价 %s"}""".formatted(d, d));
        }
        return "[" + String.join(",", out) + "]";
    }

    Api.Response selfAssess(String user, String id, List<String> dims) {
        return as(user).post("/api/assessments/" + id + "/self-assessment", "{\"dimensions\":" + dimensions(dims, true) + "}");
    }

    Api.Response assess(String user, String id, List<String> dims) {
        return as(user).post("/api/assessments/" + id + "/external-assessment",
                "{\"dimensions\":" + dimensions(dims, false) + ",\"overallRating\":\"GOOD\",\"conclusion\":\"总体良好。\"}");
    }

    static void expect(Api.Response r, int status, @Nullable String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        if (code != null) {
            assertThat(r.json().get("code").asString()).as(r.body()).isEqualTo(code);
        }
    }

    String createOpen() {
        var r = create(planner, g.consortium().value(), "ANNUAL", year);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** A day {@code daysBefore} the base day, kept in the assessed year (1 January at the earliest). */
    LocalDate day(int daysBefore) {
        LocalDate d = base.minusDays(daysBefore);
        return d.getYear() < year ? LocalDate.of(year, 1, 1) : d;
    }

    /** In the assessed year: lead V1, V2 (emergency), D1 (4 bed-days, operations 4 and 2); primary P1. */
    void loadFirstBatch() {
        UUID lead = g.lead().value();
        LocalDate discharged = day(2);
        var r = as(g.leadUser()).post("/api/indicators/encounters", "[" + String.join(",",
                visit("AV1", lead, "OUTPATIENT", day(0) + "T09:00"), visit("AV2", lead, "EMERGENCY", day(1) + "T10:00"),
                stay("AD1", lead, discharged.minusDays(4) + "T09:00", discharged + "T10:00", "4,2", "1.5")) + "]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var p = as(g.gpUser()).post("/api/indicators/encounters", "[" + visit("AP1", g.primary().value(), "OUTPATIENT",
                day(3) + "T09:00") + "]");
        assertThat(p.status()).as(p.body()).isEqualTo(200);
    }

    static JsonNode value(JsonNode snapshot, String indicator) {
        for (JsonNode v : snapshot.get("values")) {
            if (v.get("indicator").asString().equals(indicator)) {
                return v;
            }
        }
        throw new AssertionError(indicator + " not in " + snapshot);
    }

    static String fraction(JsonNode v) {
        return v.get("numerator").decimalValue().stripTrailingZeros().toPlainString() + "/"
                + v.get("denominator").decimalValue().stripTrailingZeros().toPlainString();
    }

    long audited(String id) {
        return jdbc.sql("select count(*) from audit_event where object_type = 'Assessment' and object_id = ?").param(id)
                .query(Long.class).single();
    }

    @Test
    void workflow_selfThenExternalThenFreeze_bothSidesOfEveryMove_andNothingAfterTheFreeze() {
        String id = createOpen();
        var open = as(planner).get("/api/assessments/" + id).json();
        assertThat(open.get("status").asString()).isEqualTo("OPEN");
        assertThat(open.get("dimensions").toString()).isEqualTo("[\"D-1\",\"D-2\",\"D-3\",\"D-4\",\"D-5\",\"D-6\",\"D-7\"]");
        assertThat(open.get("snapshot").isNull()).isTrue();
        expect(create(planner, g.consortium().value(), "ANNUAL", year), 409, "INDICATORS-0012");
        // nothing before the office's self-assessment
        expect(as(planner).post("/api/assessments/" + id + "/freeze", "{}"), 409, "INDICATORS-0010");
        expect(assess(planner, id, SEVEN), 409, "INDICATORS-0010");
        expect(as(planner).post("/api/assessments/" + id + "/return", "{\"reason\":\"补充\"}"), 409, "INDICATORS-0010");
        // the office's input, field by field
        expect(selfAssess(office, id, SEVEN.subList(0, 6)), 400, "INDICATORS-0017");
        expect(as(office).post("/api/assessments/" + id + "/self-assessment",
                "{\"dimensions\":[{\"dimension\":\"D-1\",\"rating\":\"GOOD\",\"score\":101}]}"), 400, "INDICATORS-0016");
        expect(as(office).post("/api/assessments/" + id + "/self-assessment",
                "{\"dimensions\":[{\"dimension\":\"D-1\",\"rating\":\"SUPERB\"}]}"), 400, "INDICATORS-0015");
        expect(as(office).post("/api/assessments/" + id + "/self-assessment",
                "{\"dimensions\":[{\"dimension\":\"D-9\",\"rating\":\"GOOD\"}]}"), 400, "INDICATORS-0018");
        var twice = as(office).post("/api/assessments/" + id + "/self-assessment",
                "{\"dimensions\":[{\"dimension\":\"D-1\",\"rating\":\"GOOD\"},{\"dimension\":\"D-1\",\"rating\":\"PASS\"}]}");
        expect(twice, 400, "INDICATORS-0019");
        assertThat(twice.body()).contains("dimensions[1].dimension");
        assertThat(as(planner).get("/api/assessments/" + id).json().get("status").asString()).as("refused input writes nothing")
                .isEqualTo("OPEN");

        var self = selfAssess(office, id, SEVEN);
        assertThat(self.status()).as(self.body()).isEqualTo(200);
        assertThat(self.json().get("status").asString()).isEqualTo("SELF_ASSESSED");
        assertThat(self.json().get("self").get("ratings").get(3).get("reference").asString()).isEqualTo("长卫〔2025〕1号");
        expect(selfAssess(office, id, SEVEN), 409, "INDICATORS-0010");
        // cannot freeze before the external assessment; the planner may send the self-assessment back with a reason
        expect(as(planner).post("/api/assessments/" + id + "/freeze", "{}"), 409, "INDICATORS-0010");
        expect(as(planner).post("/api/assessments/" + id + "/return", "{\"reason\":\"  \"}"), 400, "field.required");
        var back = as(planner).post("/api/assessments/" + id + "/return", "{\"reason\":\"D-5 佐证不足\"}");
        assertThat(back.json().get("status").asString()).as(back.body()).isEqualTo("OPEN");
        assertThat(back.json().get("returnReason").asString()).isEqualTo("D-5 佐证不足");
        assertThat(selfAssess(office, id, SEVEN).json().get("status").asString()).isEqualTo("SELF_ASSESSED");

        var missingConclusion = as(planner).post("/api/assessments/" + id + "/external-assessment",
                "{\"dimensions\":" + dimensions(SEVEN, false) + ",\"overallRating\":\"GOOD\"}");
        expect(missingConclusion, 400, "field.required");
        assertThat(missingConclusion.body()).contains("conclusion");
        var ext = assess(planner, id, SEVEN);
        assertThat(ext.json().get("status").asString()).as(ext.body()).isEqualTo("EXTERNALLY_ASSESSED");
        assertThat(ext.json().get("external").get("overall").asString()).isEqualTo("GOOD");
        assertThat(ext.json().get("external").get("ratings").get(0).get("evidence").isNull()).as("evidence is the office's").isTrue();
        assertThat(assess(planner, id, SEVEN).json().get("status").asString()).as("revised before the freeze")
                .isEqualTo("EXTERNALLY_ASSESSED");

        var frozen = as(planner).post("/api/assessments/" + id + "/freeze", "{}");
        assertThat(frozen.status()).as(frozen.body()).isEqualTo(200);
        assertThat(frozen.json().get("status").asString()).isEqualTo("FROZEN");
        assertThat(frozen.json().get("snapshot").get("frozen").asBoolean()).isTrue();
        // a frozen assessment refuses every change: 409 INDICATORS-0011
        expect(as(planner).post("/api/assessments/" + id + "/freeze", "{}"), 409, "INDICATORS-0011");
        expect(assess(planner, id, SEVEN), 409, "INDICATORS-0011");
        expect(selfAssess(office, id, SEVEN), 409, "INDICATORS-0011");
        expect(as(planner).post("/api/assessments/" + id + "/return", "{\"reason\":\"x\"}"), 409, "INDICATORS-0011");
        // audited: create, self, return, self, external twice, freeze
        assertThat(audited(id)).isEqualTo(7);
    }

    @Test
    void scope_outsiders404_wrongRoles403_readersWithinScope() {
        String id = createOpen();
        expect(as(otherPlanner).get("/api/assessments/" + id), 404, null);
        expect(as(otherOffice).get("/api/assessments/" + id), 404, null);
        expect(as(otherPlanner).post("/api/assessments/" + id + "/freeze", "{}"), 404, null);
        expect(create(otherPlanner, g.consortium().value(), "FINAL", year), 404, null);
        assertThat(as(otherPlanner).get("/api/assessments").json().toString()).doesNotContain(id);
        expect(as(g.gpUser()).get("/api/assessments/" + id), 403, "INDICATORS-0020");
        expect(as(g.gpUser()).get("/api/assessments"), 403, "INDICATORS-0020");
        expect(as(g.leadUser()).get("/api/assessments/" + id + "/export.pdf"), 403, "INDICATORS-0020");
        expect(create(office, g.consortium().value(), "FINAL", year), 403, "INDICATORS-0020");
        expect(create("admin", g.consortium().value(), "FINAL", year), 403, "INDICATORS-0020");
        expect(selfAssess(planner, id, SEVEN), 403, "INDICATORS-0020");
        expect(selfAssess(otherOffice, id, SEVEN), 404, null);
        assertThat(as(office).get("/api/assessments/" + id).status()).isEqualTo(200);
        assertThat(as("admin").get("/api/assessments/" + id).status()).isEqualTo(200);
        assertThat(as(office).get("/api/assessments").json().toString()).contains(id);
        // a year whose values do not exist yet, an unknown kind, an unknown consortium
        expect(create(planner, g.consortium().value(), "ANNUAL", LocalDate.now().getYear() + 1), 400, "INDICATORS-0014");
        expect(create(planner, g.consortium().value(), "MIDTERM", year), 400, "INDICATORS-0013");
        expect(create(planner, UUID.randomUUID(), "ANNUAL", year), 404, null);
    }

    @Test
    void frozenFiguresStayWhenLaterEncountersArrive_whileTheLivePreviewMoves() {
        loadFirstBatch();
        String id = createOpen();
        var preview = as(office).get("/api/assessments/" + id + "/snapshot").json();
        assertThat(preview.get("frozen").asBoolean()).isFalse();
        // hand-counted: I-1 = primary P1 ÷ (V1 + V2 + P1); I-4 = lead's 2 visits ÷ 1 discharge; I-5 = 1 level-4 of 2 operations
        assertThat(fraction(value(preview, "I-1"))).isEqualTo("1/3");
        assertThat(value(preview, "I-1").get("sourceRecords").asLong()).as("the three visits, not the discharge").isEqualTo(3);
        assertThat(fraction(value(preview, "I-4"))).isEqualTo("2/1");
        assertThat(fraction(value(preview, "I-5"))).isEqualTo("1/2");
        assertThat(value(preview, "I-5").get("value").decimalValue()).isEqualByComparingTo("0.5");
        selfAssess(office, id, SEVEN).expect(200);
        assess(planner, id, SEVEN).expect(200);
        as(planner).post("/api/assessments/" + id + "/freeze", "{}").expect(200);

        // later arrivals about the same year: the lead's V3 and D2 (operation 3), the primary P2
        UUID lead = g.lead().value();
        as(g.leadUser()).post("/api/indicators/encounters", "[" + visit("AV3", lead, "OUTPATIENT", day(4) + "T09:00") + ","
                + stay("AD2", lead, day(5).minusDays(2) + "T09:00", day(5) + "T10:00", "3", "1.0") + "]").expect(200);
        as(g.gpUser()).post("/api/indicators/encounters", "[" + visit("AP2", g.primary().value(), "OUTPATIENT",
                day(6) + "T09:00") + "]").expect(200);

        var live = as(planner).get("/api/indicators/values/I-1?level=CONSORTIUM&subject=" + g.consortium().value() + "&period=" + year)
                .json();
        assertThat(fraction(live)).as("the live value moved").isEqualTo("2/5");
        for (JsonNode frozen : List.of(as(planner).get("/api/assessments/" + id + "/snapshot").json(),
                as(office).get("/api/assessments/" + id).json().get("snapshot"))) {
            assertThat(frozen.get("frozen").asBoolean()).isTrue();
            assertThat(fraction(value(frozen, "I-1"))).isEqualTo("1/3");
            assertThat(value(frozen, "I-1").get("value").decimalValue()).isEqualByComparingTo("0.3333");
            assertThat(value(frozen, "I-1").get("sourceRecords").asLong()).isEqualTo(3);
            assertThat(fraction(value(frozen, "I-4"))).isEqualTo("2/1");
            assertThat(fraction(value(frozen, "I-5"))).isEqualTo("1/2");
            assertThat(value(frozen, "I-5").get("target").get("ruleId").asString()).isEqualTo("NN-9");
            assertThat(value(frozen, "I-5").get("target").get("applies").asBoolean()).as("Shanghai does not apply NN").isFalse();
            assertThat(frozen.get("values").size()).isEqualTo(Indicator.values().length);
            // the packs in force for 310104 with a version each, and NAT-1…NAT-15 of a tight group
            assertThat(frozen.get("packs").toString()).contains("\"pack\":\"SH\"").contains("\"pack\":\"NAT\"").contains("\"pack\":\"RX\"")
                    .doesNotContain("\"pack\":\"NN\"");
            assertThat(frozen.get("packs").get(0).get("version").asString()).matches("[0-9a-f]{12}");
            assertThat(frozen.get("checklist").size()).isEqualTo(15);
            assertThat(frozen.get("checklist").get(0).get("criterion").asString()).isEqualTo("NAT-1");
            assertThat(frozen.get("checklist").get(0).get("tightGroup").asBoolean()).isTrue();
        }
        var liveI4 = as(planner).get("/api/indicators/values/I-4?level=CONSORTIUM&subject=" + g.consortium().value() + "&period="
                + year).json();
        assertThat(fraction(liveI4)).as("the lead's 3 visits and 2 discharges now").isEqualTo("3/2");
    }

    @Test
    void nanning_assessesSixDimensions_withoutShanghaisPrimaryCareCapacity() {
        String tag = RegistrySeeds.unique("nn");
        InstitutionId lead = nanningInstitution("南宁市第一人民医院 " + tag, InstitutionCategory.GENERAL_HOSPITAL, HospitalLevel.TERTIARY);
        InstitutionId chc = nanningInstitution("青秀区社区卫生服务中心 " + tag, InstitutionCategory.COMMUNITY_HEALTH_CENTRE,
                HospitalLevel.PRIMARY);
        LocalDate est = LocalDate.now().minusYears(2);
        UUID consortium = registry.formConsortium(new FormConsortium("南宁医疗集团 " + tag, ConsortiumForm.URBAN_GROUP, true,
                GovernanceType.COOPERATION, "450103", List.of(), est, false, null, true, true, List.of(),
                List.of(new AddMember(lead, MembershipRole.LEAD, MembershipBasis.HOME_DISTRICT, est, null, null),
                        new AddMember(chc, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est, null, null)),
                "test fixture")).id().value();
        expect(create(planner, consortium, "BASELINE", year), 404, null);
        var r = create(otherPlanner, consortium, "BASELINE", year);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("dimensions").toString()).isEqualTo("[\"D-1\",\"D-2\",\"D-3\",\"D-5\",\"D-6\",\"D-7\"]");
        String nnOffice = account("nof", Role.OFFICE, Scope.consortium(consortium), tag);
        String id = r.json().get("id").asString();
        expect(selfAssess(nnOffice, id, SEVEN), 400, "INDICATORS-0018");
        var six = SEVEN.stream().filter(d -> !d.equals("D-4")).toList();
        assertThat(selfAssess(nnOffice, id, six).json().get("status").asString()).isEqualTo("SELF_ASSESSED");
        var snapshot = as(otherPlanner).get("/api/assessments/" + id + "/snapshot").json();
        assertThat(snapshot.get("packs").toString()).contains("\"pack\":\"NN\"").doesNotContain("\"pack\":\"SH\"");
        assertThat(value(snapshot, "I-5").get("target").get("applies").asBoolean()).as("Nanning applies NN-9").isTrue();
    }

    private InstitutionId nanningInstitution(String name, InstitutionCategory category, HospitalLevel level) {
        return registry.registerInstitution(new RegisterInstitution(name, RegistrySeeds.creditCode("450103"), category, level,
                HospitalGrade.UNGRADED, Ownership.PUBLIC, "南宁市卫生健康委员会", Affiliation.MUNICIPAL, false, "450103", null, null, false,
                "南宁市青秀区", List.of(), List.of())).id();
    }

    @Test
    void demoCity_lastYearsBaselineFrozen_thisYearsAnnualInProgress() {
        int now = LocalDate.now().getYear();
        var mine = as("office").get("/api/assessments").json();
        assertThat(mine.size()).as("the office sees its own consortium's only").isEqualTo(2);
        String consortium = mine.get(0).get("consortiumId").asString();
        var kinds = new ArrayList<String>();
        for (JsonNode a : mine) {
            assertThat(a.get("consortiumId").asString()).isEqualTo(consortium);
            kinds.add(a.get("kind").asString() + " " + a.get("year").asInt() + " " + a.get("status").asString());
        }
        assertThat(kinds).contains("BASELINE " + (now - 1) + " FROZEN");
        assertThat(kinds).anyMatch(k -> k.startsWith("ANNUAL " + now + " ") && !k.endsWith("OPEN"));
        String baseline = mine.get(0).get("kind").asString().equals("BASELINE") ? mine.get(0).get("id").asString()
                : mine.get(1).get("id").asString();
        var snapshot = as("planner").get("/api/assessments/" + baseline + "/snapshot").json();
        assertThat(snapshot.get("frozen").asBoolean()).isTrue();
        assertThat(value(snapshot, "I-4").get("denominator").decimalValue().signum()).as("discharges of the demo encounters").isPositive();
        for (JsonNode a : as("planner").get("/api/assessments").json()) {
            assertThat(a.get("districtCode").asString()).as("Nanning's demo assessments are not the Shanghai planner's").startsWith("31");
        }
    }

    @Test
    void workflowTable_isTheDecisionsTable() {
        var t = AssessmentWorkflow.table();
        assertThat(t.get(AssessmentStatus.OPEN)).containsOnlyKeys(AssessmentAction.SELF_ASSESS);
        assertThat(t.get(AssessmentStatus.SELF_ASSESSED)).containsOnlyKeys(AssessmentAction.RETURN, AssessmentAction.ASSESS);
        assertThat(t.get(AssessmentStatus.EXTERNALLY_ASSESSED)).containsOnlyKeys(AssessmentAction.ASSESS, AssessmentAction.FREEZE);
        assertThat(t.get(AssessmentStatus.FROZEN)).isEmpty();
    }
}
