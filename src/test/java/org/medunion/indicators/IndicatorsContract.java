package org.medunion.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.scheduling.SchedulingFixture;
import org.medunion.support.Api;
import org.medunion.support.RunningCity;
import tools.jackson.databind.JsonNode;

/**
 * Encounter ingest and indicators I-1, I-4..I-7 over HTTP on a fresh consortium per test: hand-checked values on a
 * month boundary in Asia/Shanghai (23:59 and 00:00 local, a UTC time that is already the next local day), zero
 * denominators, late and corrected records, all-or-nothing batches and files, who may submit and who may read.
 */
abstract class IndicatorsContract extends RunningCity {

    SchedulingFixture.Group g;
    String planner;
    String otherPlanner;
    String office;
    String integrator;
    String otherIntegrator;
    String outsider;

    @BeforeEach
    void world() {
        g = SchedulingFixture.group(registry, residents, accounts);
        String tag = Long.toString(System.nanoTime(), 36);
        planner = account("pl", Role.PLANNER, Scope.jurisdiction("310000"), tag);
        otherPlanner = account("pl2", Role.PLANNER, Scope.jurisdiction("450100"), tag);
        office = account("of", Role.OFFICE, Scope.consortium(g.consortium().value()), tag);
        integrator = account("in", Role.INTEGRATOR, Scope.jurisdiction("310000"), tag);
        otherIntegrator = account("in2", Role.INTEGRATOR, Scope.jurisdiction("450100"), tag);
        outsider = account("ou", Role.SPECIALIST, Scope.institution(UUID.randomUUID()), tag);
    }

    private String account(String prefix, Role role, Scope scope, String tag) {
        String name = prefix + "-" + tag;
        accounts.ensureAccount(new NewAccount(name, "demo", name, role, scope));
        return name;
    }

    Api as(String user) {
        return Api.as(port, user);
    }

    static String visit(String id, UUID institution, String kind, String at) {
        return """
                {"sourceRecordId":"%s","institutionId":"%s","kind":"%s","occurredAt":"%s","principalDiagnosis":"J06.9"}"""
                .formatted(id, institution, kind, at);
    }

    static String stay(String id, UUID institution, String admitted, String discharged, String levels, String weight) {
        return """
                {"sourceRecordId":"%s","institutionId":"%s","kind":"INPATIENT","admittedAt":"%s","occurredAt":"%s",
                 "operationLevels":[%s],"drgWeight":%s,"principalDiagnosis":"I21.0","residentId":"%s"}"""
                .formatted(id, institution, admitted, discharged, levels, weight, UUID.randomUUID());
    }

    Api.Response post(String user, String... rows) {
        return as(user).post("/api/indicators/encounters", "[" + String.join(",", rows) + "]");
    }

    JsonNode value(String user, String indicator, String level, String subject, String period) {
        var r = as(user).get("/api/indicators/values/" + indicator + "?level=" + level + "&subject=" + subject + "&period=" + period);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static BigDecimal dec(JsonNode v, String field) {
        return new BigDecimal(v.get(field).asString());
    }

    long facts(UUID institution) {
        return jdbc.sql("select count(*) from indicators_encounter where institution_id = ?").param(institution)
                .query(Long.class).single();
    }

    void loadMarch(String leadUser, String gpUser) {
        UUID lead = g.lead().value();
        UUID primary = g.primary().value();
        var r = post(leadUser,
                visit("V1", lead, "OUTPATIENT", "2026-03-31T23:59"),
                visit("V2", lead, "OUTPATIENT", "2026-04-01T00:00"),
                visit("V3", lead, "EMERGENCY", "2026-03-15T10:00+08:00"),
                stay("D1", lead, "2026-03-01T09:00", "2026-03-11T10:00", "4,2", "1.5"),
                stay("D2", lead, "2026-03-20T08:00", "2026-03-20T18:00", "3", "0.5"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("created").asInt()).isEqualTo(5);
        var p = post(gpUser,
                visit("P1", primary, "OUTPATIENT", "2026-03-10T09:00"),
                visit("P2", primary, "OUTPATIENT", "2026-03-31T16:00:00Z"));
        assertThat(p.status()).as(p.body()).isEqualTo(200);
    }

    @Test
    void handCheckedMonthOnTheBoundary_institutionAndConsortium_withNn9Targets() {
        loadMarch(g.leadUser(), g.gpUser());
        String consortium = g.consortium().value().toString();
        // March, lead hospital: visits V1 (23:59 local) + V3 = 2; discharges D1 (10 bed-days, ops 4 and 2, 1.5)
        // and D2 (same day = 1 bed-day, op 3, 0.5)
        var i4 = value(planner, "I-4", "INSTITUTION", g.lead().value().toString(), "2026-03");
        assertThat(dec(i4, "numerator")).isEqualByComparingTo("2");
        assertThat(dec(i4, "denominator")).isEqualByComparingTo("2");
        assertThat(dec(i4, "value")).isEqualByComparingTo("1");
        assertThat(i4.get("sourceRecords").asLong()).isEqualTo(4);
        assertThat(i4.get("computedAt").isNull()).isFalse();
        assertThat(i4.get("target").get("ruleId").asString()).isEqualTo("NN-9");
        assertThat(dec(i4.get("target"), "value")).isEqualByComparingTo("15");
        assertThat(i4.get("target").get("met").asBoolean()).isTrue();
        assertThat(i4.get("target").get("clause").asString()).isNotBlank();
        var i5 = value(planner, "I-5", "INSTITUTION", g.lead().value().toString(), "2026-03");
        assertThat(dec(i5, "numerator")).isEqualByComparingTo("1");
        assertThat(dec(i5, "denominator")).isEqualByComparingTo("3");
        assertThat(dec(i5, "value")).isEqualByComparingTo("0.3333");
        assertThat(i5.get("target").get("met").asBoolean()).isTrue();
        var i6 = value(planner, "I-6", "INSTITUTION", g.lead().value().toString(), "2026-03");
        assertThat(dec(i6, "numerator")).isEqualByComparingTo("11");
        assertThat(dec(i6, "value")).isEqualByComparingTo("5.5");
        assertThat(i6.get("target").get("met").asBoolean()).isTrue();
        var i7 = value(planner, "I-7", "INSTITUTION", g.lead().value().toString(), "2026-03");
        assertThat(dec(i7, "numerator")).isEqualByComparingTo("2.0");
        assertThat(dec(i7, "value")).isEqualByComparingTo("1");
        // consortium: I-1 = primary P1 ÷ (V1 + V3 + P1); P2 at 16:00Z is 00:00 on 1 April in Shanghai
        var i1 = value(office, "I-1", "CONSORTIUM", consortium, "2026-03");
        assertThat(dec(i1, "numerator")).isEqualByComparingTo("1");
        assertThat(dec(i1, "denominator")).isEqualByComparingTo("3");
        assertThat(dec(i1, "value")).isEqualByComparingTo("0.3333");
        var i1april = value(office, "I-1", "CONSORTIUM", consortium, "2026-04");
        assertThat(dec(i1april, "numerator")).isEqualByComparingTo("1");
        assertThat(dec(i1april, "denominator")).isEqualByComparingTo("2");
        // April has visits but no discharge at the lead hospital: "no data", never 0
        var i4april = value(office, "I-4", "CONSORTIUM", consortium, "2026-04");
        assertThat(i4april.get("value").isNull()).isTrue();
        assertThat(dec(i4april, "numerator")).isEqualByComparingTo("1");
        assertThat(i4april.get("target").get("met").isNull()).isTrue();
        // quarter and year are sums of the days
        var q1 = value(planner, "I-6", "CONSORTIUM", consortium, "2026-Q1");
        assertThat(dec(q1, "numerator")).isEqualByComparingTo("11");
        var year = value(planner, "I-1", "DISTRICT", "310104", "2026");
        assertThat(year.get("denominator").asLong()).isGreaterThanOrEqualTo(5);
        var all = as(g.leadUser()).get("/api/indicators/values?level=CONSORTIUM&subject=" + consortium + "&period=2026-03");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().size()).isEqualTo(Indicator.values().length);
        var trend = as(planner).get("/api/indicators/values/I-5/trend?level=CONSORTIUM&subject=" + consortium + "&year=2026");
        assertThat(trend.status()).as(trend.body()).isEqualTo(200);
        assertThat(trend.json().size()).isEqualTo(12);
        assertThat(trend.json().get(2).get("value").isNull()).isFalse();
        assertThat(trend.json().get(0).get("value").isNull()).isTrue();
    }

    @Test
    void theOverviewListsTheSubjectsInScope_withTheirValuesLinkedToTheDashboard() {
        loadMarch(g.leadUser(), g.gpUser());
        String consortium = g.consortium().value().toString();
        // the office: its consortium only, I-5 = 1 / 3 and I-4 = 2 / 2 for March
        var page = org.medunion.web.ConsoleSession.login(port, office).get("/console/indicators/overview?period=2026-03");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        String html = page.body().replaceAll("\\s+", " ");
        assertThat(html).contains("id=\"overview-" + consortium + "\"");
        assertThat(html).containsPattern("id=\"cell-" + consortium + "-I-5\"[^>]*title=\"[^\"]*: 1 / 3\"");
        assertThat(html).contains(">0.333</a>", ">1.000</a>");
        assertThat(html).contains("/console/indicators?subject=CONSORTIUM:" + consortium + "&amp;period=2026-03&amp;trend=I-5");
        assertThat(html.split("<tr id=\"overview-", -1).length - 1).isEqualTo(1);
        // the planner of the jurisdiction: districts by default, the consortium among the consortia
        var planner = org.medunion.web.ConsoleSession.login(port, this.planner);
        assertThat(planner.get("/console/indicators/overview?period=2026-03").body()).contains("id=\"overview-310104\"")
                .doesNotContain("id=\"overview-" + consortium + "\"");
        assertThat(planner.get("/console/indicators/overview?level=CONSORTIUM&period=2026-03").body())
                .contains("id=\"overview-" + consortium + "\"");
        // another jurisdiction's planner does not see it; a GP has no overview
        assertThat(org.medunion.web.ConsoleSession.login(port, otherPlanner).get("/console/indicators/overview?level=CONSORTIUM")
                .body()).doesNotContain(consortium);
        assertThat(org.medunion.web.ConsoleSession.login(port, g.gpUser()).get("/console/indicators/overview").status())
                .isEqualTo(403);
    }

    /**
     * Issue 17: on the dashboard every value with data behind it opens it — the encounters (I-1…I-7) or the records another
     * module counts (among them I-8, I-9, I-11, I-12, I-22, I-23, I-29, I-30 now), and the ones without a source name it.
     */
    @Test
    void theDashboardLinksEveryValueToTheRowsBehindIt_orSaysWhyNot() {
        loadMarch(g.leadUser(), g.gpUser());
        String consortium = g.consortium().value().toString();
        var page = org.medunion.web.ConsoleSession.login(port, office)
                .get("/console/indicators?subject=CONSORTIUM:" + consortium + "&period=2026-03");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        String html = page.body();
        for (Indicator i : Indicator.values()) {
            String q = "?indicator=" + i.id() + "&amp;level=CONSORTIUM&amp;subject=" + consortium + "&amp;period=2026-03";
            if (i.fromEncounters()) {
                assertThat(html).as(i.id()).contains("/console/indicators/encounters" + q);
            } else if (i.hasRecordList()) {
                assertThat(html).as(i.id()).contains("/console/indicators/records" + q);
            } else if (i.withoutSource()) {
                assertThat(html).as(i.id()).contains("id=\"source-" + i.id() + "\"");
            } else {
                assertThat(html).as(i.id()).contains("id=\"norecords-" + i.id() + "\"");
            }
        }
        for (String id : List.of("I-8", "I-9", "I-11", "I-12", "I-22", "I-23", "I-29", "I-30")) {
            assertThat(Indicator.byId(id).orElseThrow().hasRecordList()).as(id).isTrue();
        }
        assertThat(html).doesNotContain("id=\"norecords-").doesNotContain("indicators.noRecords");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.medunion.policy.IndicatorEvidenceSource evidence;

    @Test
    void policyReadsTheLeadHospitalsSumsForNn9_overInclusiveLocalDays() {
        loadMarch(g.leadUser(), g.gpUser());
        // March 1…31: V1 (23:59 on the 31st) and V3; D1 (10 bed-days, operations of level 4 and 2) and D2 (1, level 3)
        var march = evidence.hospitalFigures(g.lead().value(), java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 3, 31));
        assertThat(march).isEqualTo(new org.medunion.policy.IndicatorEvidenceSource.HospitalFigures(2, 2, 3, 1, 11));
        // the last day is inclusive: 1 April holds V2 (00:00 local)
        var april = evidence.hospitalFigures(g.lead().value(), java.time.LocalDate.of(2026, 4, 1), java.time.LocalDate.of(2026, 4, 1));
        assertThat(april.visits()).isEqualTo(1);
        assertThat(april.discharges()).isZero();
    }

    @Test
    void ingestedEncountersAnnounceEvidenceChanged_andThePolicyModuleReevaluates() throws InterruptedException {
        var since = java.sql.Timestamp.from(java.time.Instant.now().minusMillis(1));
        String announced = "select count(*) from event_publication where event_type like '%EvidenceChanged' and publication_date >= ?";
        String handled = announced + " and listener_id like '%RegistryChangeListener%' and completion_date is not null";
        // a rejected batch writes nothing and announces nothing
        assertThat(post(g.leadUser(), visit("X1", g.lead().value(), "OUTPATIENT", "2999-01-01T00:00")).status()).isEqualTo(400);
        assertThat(jdbc.sql(announced).param(since).query(Long.class).single()).isZero();
        // new facts are announced once per batch; the policy module's listener takes it and re-evaluates (NN-9 reads them)
        loadMarch(g.leadUser(), g.gpUser());
        long done = 0;
        for (int i = 0; i < 100 && done < 2; i++) {
            Thread.sleep(100);
            done = jdbc.sql(handled).param(since).query(Long.class).single();
        }
        assertThat(done).as("two accepted batches, each announced and handled").isEqualTo(2);
        // a batch that changes nothing announces nothing
        assertThat(post(g.gpUser(), visit("P1", g.primary().value(), "OUTPATIENT", "2026-03-10T09:00")).json().get("unchanged").asInt())
                .isEqualTo(1);
        assertThat(jdbc.sql(announced).param(since).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void measuresAndMeasureReportsOverFhir_matchTheRestValues_validAgainstR4_andStayInTheCallersScope() {
        loadMarch(g.leadUser(), g.gpUser());
        String lead = g.lead().value().toString();
        var api = as(planner);
        // Measure: one per indicator, with the pack's target and its clause
        var measures = api.getFhir("/fhir/Measure?_count=50");
        assertThat(measures.status()).as(measures.body()).isEqualTo(200);
        assertThat(measures.json().get("total").asInt()).isEqualTo(Indicator.values().length);
        var i5 = api.getFhir("/fhir/Measure/I-5");
        assertThat(i5.status()).as(i5.body()).isEqualTo(200);
        org.medunion.support.FhirValidation.assertValid(i5.body());
        assertThat(i5.json().get("title").asString()).startsWith("I-5 ");
        assertThat(i5.body()).contains("indicator-target", "NN-9", "0.12", "level4SurgeryShare", "分子：出院患者四级手术台次");
        assertThat(api.getFhir("/fhir/Measure?identifier=I-28").json().get("entry").get(0).get("resource").get("group").size())
                .as("I-28: the headline and the uptake part").isEqualTo(2);
        assertThat(api.getFhir("/fhir/Measure/I-99").status()).isEqualTo(404);

        // MeasureReport: the lead hospital's I-4 for March equals the REST value (2 visits ÷ 2 discharges, NN-9 met)
        var search = api.getFhir("/fhir/MeasureReport?subject=Organization/" + lead + "&period=2026-03&measure=Measure/I-4");
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        assertThat(search.json().get("total").asInt()).isEqualTo(1);
        JsonNode report = search.json().get("entry").get(0).get("resource");
        assertThat(report.get("id").asString()).isEqualTo("I-4." + lead + ".2026-03");
        assertThat(report.get("period").get("start").asString()).isEqualTo("2026-03-01");
        assertThat(report.get("period").get("end").asString()).isEqualTo("2026-03-31");
        JsonNode group = report.get("group").get(0);
        assertThat(group.get("population").get(0).get("count").asInt()).isEqualTo(2);
        assertThat(group.get("population").get(1).get("count").asInt()).isEqualTo(2);
        assertThat(new BigDecimal(group.get("measureScore").get("value").asString())).isEqualByComparingTo("1");
        assertThat(group.toString()).contains("\"met\"", "\"valueBoolean\":true", "visitsPerDischarge");
        var read = api.getFhir("/fhir/MeasureReport/I-4." + lead + ".2026-03");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        org.medunion.support.FhirValidation.assertValid(read.body());
        // every indicator of the consortium for the year, and I-7's sum of DRG weights as a score without a count
        var year = api.getFhir("/fhir/MeasureReport?subject=Organization/" + g.consortium().value() + "&period=2026&_count=50");
        assertThat(year.status()).as(year.body()).isEqualTo(200);
        assertThat(year.json().get("total").asInt()).isEqualTo(Indicator.values().length);
        org.medunion.support.FhirValidation.assertValid(year.body());

        // the jurisdiction's integrator pulls a month of values for its HIS or data warehouse
        var pulled = as(integrator).getFhir("/fhir/MeasureReport?subject=Organization/" + lead + "&period=2026-03&_count=50");
        assertThat(pulled.status()).as(pulled.body()).isEqualTo(200);
        assertThat(pulled.json().get("total").asInt()).isEqualTo(Indicator.values().length);

        // a day is no indicator period; another jurisdiction's planner and an outsider see nothing of the subject
        assertThat(api.getFhir("/fhir/MeasureReport?subject=Organization/" + lead + "&period=2026-03-05").status()).isEqualTo(400);
        assertThat(as(otherPlanner).getFhir("/fhir/MeasureReport?subject=Organization/" + lead + "&period=2026-03").status())
                .isIn(403, 404);
        assertThat(as(outsider).getFhir("/fhir/MeasureReport/I-4." + lead + ".2026-03").status()).isIn(403, 404);
        assertThat(Api.anonymous(port).getFhir("/fhir/MeasureReport?subject=Organization/" + lead + "&period=2026-03").status())
                .isEqualTo(401);
    }

    @Test
    void aCorrectionMovesTheStayToApril_aResendIsUnchanged_aLateRecordAdjustsMarch_andRecomputeAgrees() {
        loadMarch(g.leadUser(), g.gpUser());
        UUID lead = g.lead().value();
        String subject = lead.toString();
        var corrected = post(g.leadUser(), stay("D2", lead, "2026-03-20T08:00", "2026-04-02T10:00", "4", "0.5"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().get("corrected").asInt()).isEqualTo(1);
        assertThat(corrected.json().get("days").asInt()).isEqualTo(2);
        var i5 = value(planner, "I-5", "INSTITUTION", subject, "2026-03");
        assertThat(dec(i5, "numerator")).isEqualByComparingTo("1");
        assertThat(dec(i5, "denominator")).isEqualByComparingTo("2");
        var i6april = value(planner, "I-6", "INSTITUTION", subject, "2026-04");
        assertThat(dec(i6april, "numerator")).isEqualByComparingTo("13");
        assertThat(dec(i6april, "denominator")).isEqualByComparingTo("1");
        // the same values again: nothing changes
        var again = post(g.leadUser(), visit("V1", lead, "OUTPATIENT", "2026-03-31T23:59"));
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.json().get("days").asInt()).isZero();
        // a late discharge in March, sent in December
        post(g.leadUser(), stay("D9", lead, "2026-03-02T08:00", "2026-03-09T08:00", "1", "1.0"));
        var i6 = value(planner, "I-6", "INSTITUTION", subject, "2026-03");
        assertThat(dec(i6, "numerator")).isEqualByComparingTo("17");
        assertThat(dec(i6, "denominator")).isEqualByComparingTo("2");
        assertThat(jdbc.sql("select revision from indicators_encounter where institution_id = ? and source_record_id = 'D2'")
                .param(lead).query(Integer.class).single()).isEqualTo(2);
        // a full recompute from the facts (one hand-written aggregate) gives the day rows kept incrementally
        List<Map<String, Object>> kept = jdbc.sql("""
                select institution_id, local_day, visits, discharges, bed_days, operations, level4_operations,
                       drg_weight_sum, drg_discharges, source_records
                from indicators_day where institution_id in (?, ?) order by institution_id, local_day""")
                .params(lead, g.primary().value()).query().listOfRows();
        List<Map<String, Object>> recomputed = jdbc.sql("""
                select institution_id, local_day,
                       sum(case when kind = 'INPATIENT' then 0 else 1 end) as visits,
                       sum(case when kind = 'INPATIENT' then 1 else 0 end) as discharges,
                       sum(bed_days) as bed_days, sum(operations) as operations, sum(level4_operations) as level4_operations,
                       coalesce(sum(drg_weight), 0) as drg_weight_sum, count(drg_weight) as drg_discharges, count(*) as source_records
                from indicators_encounter where institution_id in (?, ?)
                group by institution_id, local_day order by institution_id, local_day""")
                .params(lead, g.primary().value()).query().listOfRows();
        assertThat(normalise(kept)).isEqualTo(normalise(recomputed));
        assertThat(kept).isNotEmpty();
    }

    private static List<String> normalise(List<Map<String, Object>> rows) {
        var out = new ArrayList<String>();
        for (var row : rows) {
            var sb = new StringBuilder();
            row.forEach((k, v) -> sb.append(k.toLowerCase(java.util.Locale.ROOT)).append('=')
                    .append(v instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : String.valueOf(v))
                    .append(';'));
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void aBatchWithRejectedRowsWritesNothing_andNamesRowFieldAndRule() {
        UUID lead = g.lead().value();
        var r = post(g.leadUser(),
                visit("OK1", lead, "OUTPATIENT", "2026-03-01T09:00"),
                "{\"sourceRecordId\":\"X2\",\"institutionId\":\"" + lead + "\",\"occurredAt\":\"2026-03-01T09:00\"}",
                visit("X3", lead, "OUTPATIENT", "yesterday"),
                stay("X4", lead, "2026-03-05T09:00", "2026-03-01T09:00", "5", "1.0"),
                "{\"sourceRecordId\":\"X5\",\"institutionId\":\"" + lead
                        + "\",\"kind\":\"OUTPATIENT\",\"occurredAt\":\"2026-03-01T09:00\",\"drgWeight\":1.2}",
                visit("OK1", lead, "OUTPATIENT", "2026-03-02T09:00"),
                visit("X7", lead, "OUTPATIENT", "2099-01-01T09:00"));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("code").asString()).isEqualTo("INDICATORS-0001");
        var rejected = new ArrayList<String>();
        r.json().get("rejected").forEach(e -> rejected.add(e.get("row").asInt() + ":" + e.get("field").asString() + ":"
                + e.get("rule").asString()));
        assertThat(rejected).contains("2:kind:required", "3:occurredAt:format", "4:admittedAt:order", "4:operationLevels:range",
                "5:drgWeight:notAllowed", "6:sourceRecordId:duplicate", "7:occurredAt:range");
        assertThat(rejected).noneMatch(s -> s.startsWith("1:"));
        assertThat(facts(lead)).isZero();
        // the valid row alone goes in
        assertThat(post(g.leadUser(), visit("OK1", lead, "OUTPATIENT", "2026-03-01T09:00")).status()).isEqualTo(200);
        assertThat(facts(lead)).isEqualTo(1);
    }

    /** Issue 17: a discharge's DRG group is taken with its weight, shown in the drill-down, corrected by a resend. */
    @Test
    void theDrgGroupIsStoredWithTheWeight_correctedByAResend_andInpatientOnly() {
        UUID lead = g.lead().value();
        String header = "source_record_id,institution_id,kind,occurred_at,admitted_at,principal_diagnosis,drg_weight,drg_group\n";
        String stay = "G1," + lead + ",INPATIENT,2026-06-09T10:00,2026-06-02T10:00,I21.0,1.25,";
        var csv = Map.of("Content-Type", "text/csv");
        var created = as(integrator).send("POST", "/api/indicators/encounters", header + stay + "FM19\n", csv);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("created").asInt()).isEqualTo(1);
        String drill = "/api/indicators/values/I-7/encounters?level=INSTITUTION&subject=" + lead + "&period=2026-06";
        var rows = as(planner).get(drill);
        assertThat(rows.status()).as(rows.body()).isEqualTo(200);
        assertThat(rows.json().get(0).get("drgGroup").asString()).isEqualTo("FM19");
        // the same stay with another group is a correction, not a new fact
        var corrected = as(integrator).send("POST", "/api/indicators/encounters", header + stay + "FM21\n", csv);
        assertThat(corrected.json().get("corrected").asInt()).as(corrected.body()).isEqualTo(1);
        assertThat(as(planner).get(drill).json().get(0).get("drgGroup").asString()).isEqualTo("FM21");
        // a visit has no DRG group; a group must look like one; nothing of the file is written
        var bad = as(integrator).send("POST", "/api/indicators/encounters", header
                + "G2," + lead + ",OUTPATIENT,2026-06-03T08:00,,J06.9,,FM19\n"
                + "G3," + lead + ",INPATIENT,2026-06-09T10:00,2026-06-02T10:00,I21.0,1.1,fm-19\n", csv);
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        var rejected = new ArrayList<String>();
        bad.json().get("rejected").forEach(e -> rejected.add(e.get("row").asInt() + ":" + e.get("field").asString() + ":"
                + e.get("rule").asString()));
        assertThat(rejected).containsExactly("1:drgGroup:notAllowed", "2:drgGroup:format");
        assertThat(as(planner).get(drill).json().size()).isEqualTo(1);
    }

    @Test
    void csvWithThePublishedColumns_andAMalformedFileWritesNothing() {
        UUID lead = g.lead().value();
        String header = "source_record_id,institution_id,kind,occurred_at,admitted_at,resident_id,principal_diagnosis,"
                + "drg_weight,operation_levels\n";
        String good = header + "C1," + lead + ",OUTPATIENT,2026-05-01T08:00,,,J06.9,,\n"
                + "C2," + lead + ",INPATIENT,2026-05-09T10:00,2026-05-02T10:00,,\"I21.0\",1.25,4;4;1\n";
        var ok = as(integrator).send("POST", "/api/indicators/encounters", good, Map.of("Content-Type", "text/csv"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("created").asInt()).isEqualTo(2);
        var i5 = value(planner, "I-5", "INSTITUTION", lead.toString(), "2026-05");
        assertThat(dec(i5, "numerator")).isEqualByComparingTo("2");
        assertThat(dec(i5, "denominator")).isEqualByComparingTo("3");
        String ragged = header + "C3," + lead + ",OUTPATIENT,2026-05-03T08:00,,,,,\n" + "C4," + lead + ",OUTPATIENT\n";
        var bad = as(integrator).send("POST", "/api/indicators/encounters", ragged, Map.of("Content-Type", "text/csv"));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().get("code").asString()).isEqualTo("INDICATORS-0003");
        assertThat(bad.json().get("rejected").get(0).get("row").asInt()).isEqualTo(2);
        var badHeader = as(integrator).send("POST", "/api/indicators/encounters", "id,when\nC5,2026-05-01\n",
                Map.of("Content-Type", "text/csv"));
        assertThat(badHeader.status()).isEqualTo(400);
        var badRow = as(integrator).send("POST", "/api/indicators/encounters",
                header + "C6," + lead + ",OUTPATIENT,2026-05-03T08:00,,,,,\nC7," + lead + ",VISIT,2026-05-03T08:00,,,,,\n",
                Map.of("Content-Type", "text/csv"));
        assertThat(badRow.status()).isEqualTo(400);
        assertThat(badRow.json().get("rejected").get(0).get("field").asString()).isEqualTo("kind");
        // a CSV never passes the JSON text guard: the row's own check refuses a bidi override in a stored text
        var bidi = as(integrator).send("POST", "/api/indicators/encounters",
                header + "C8," + lead + ",OUTPATIENT,2026-05-03T08:00,,,J06\u202e.9,,\n", Map.of("Content-Type", "text/csv"));
        assertThat(bidi.status()).as(bidi.body()).isEqualTo(400);
        assertThat(bidi.json().get("rejected").get(0).get("field").asString()).isEqualTo("principal_diagnosis");
        assertThat(bidi.json().get("rejected").get(0).get("rule").asString()).isEqualTo("text.bidiControl");
        assertThat(facts(lead)).isEqualTo(2);
    }

    @Test
    void onlyTheInstitutionItselfOrItsJurisdictionsIntegratorMaySubmit() {
        UUID lead = g.lead().value();
        UUID primary = g.primary().value();
        // the community centre's GP names the lead hospital (with one row of its own): 403, nothing written
        var r = post(g.gpUser(), visit("S1", primary, "OUTPATIENT", "2026-03-01T09:00"),
                visit("S2", lead, "OUTPATIENT", "2026-03-01T09:00"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("code").asString()).isEqualTo("INDICATORS-0002");
        assertThat(facts(primary) + facts(lead)).isZero();
        assertThat(post(planner, visit("S3", lead, "OUTPATIENT", "2026-03-01T09:00")).status()).isEqualTo(403);
        assertThat(post(office, visit("S4", lead, "OUTPATIENT", "2026-03-01T09:00")).status()).isEqualTo(403);
        assertThat(post(otherIntegrator, visit("S5", lead, "OUTPATIENT", "2026-03-01T09:00")).status()).isEqualTo(403);
        assertThat(post(outsider, visit("S6", lead, "OUTPATIENT", "2026-03-01T09:00")).status()).isEqualTo(403);
        assertThat(facts(lead)).isZero();
        // a guessed institution id is an unknown row for the integrator, and the batch writes nothing
        var guessed = post(integrator, visit("S7", UUID.randomUUID(), "OUTPATIENT", "2026-03-01T09:00"));
        assertThat(guessed.status()).isEqualTo(400);
        assertThat(guessed.json().get("rejected").get(0).get("rule").asString()).isEqualTo("unknown");
        assertThat(post(integrator, visit("S8", lead, "OUTPATIENT", "2026-03-01T09:00")).status()).isEqualTo(200);
        assertThat(post(g.districtUser(), visit("S9", g.district().value(), "OUTPATIENT", "2026-03-01T09:00")).status())
                .isEqualTo(200);
    }

    @Test
    void subjectListReportsNameTheRecordsOfEachPopulation_validAgainstR4_andStayInTheCallersScope() {
        loadMarch(g.leadUser(), g.gpUser());
        String lead = g.lead().value().toString();
        String consortium = g.consortium().value().toString();
        var api = as(planner);
        // I-5 of the lead hospital in March: D1 has a level-4 operation (numerator), D1 and D2 have operations (denominator)
        var i5 = api.getFhir("/fhir/Measure/I-5/$evaluate-measure?subject=Organization/" + lead
                + "&periodStart=2026-03-01&periodEnd=2026-03-31&reportType=subject-list");
        assertThat(i5.status()).as(i5.body()).isEqualTo(200);
        org.medunion.support.FhirValidation.assertValid(i5.body());
        assertThat(i5.json().get("type").asString()).isEqualTo("subject-list");
        assertThat(i5.json().get("group").get(0).get("population").get(0).get("count").asInt()).as("level-4 operations").isEqualTo(1);
        assertThat(listed(i5.json(), "numerator")).containsExactly("D1");
        assertThat(listed(i5.json(), "denominator")).containsExactlyInAnyOrder("D1", "D2");
        assertThat(i5.body()).as("no resident data").doesNotContain("Patient/", "***", "resident");
        // I-4 is a ratio: visits over discharges are different records; March ends at 23:59 local, V2 is April's
        var i4 = api.getFhir("/fhir/Measure/I-4/$evaluate-measure?subject=Organization/" + lead + "&periodStart=2026-03"
                + "&reportType=subject-list");
        assertThat(i4.status()).as(i4.body()).isEqualTo(200);
        assertThat(listed(i4.json(), "numerator")).containsExactlyInAnyOrder("V1", "V3");
        assertThat(listed(i4.json(), "denominator")).containsExactlyInAnyOrder("D1", "D2");
        // I-1 of the consortium: the primary institution's visit in the numerator, every visit in the denominator
        var i1 = as(office).getFhir("/fhir/Measure/I-1/$evaluate-measure?subject=Organization/" + consortium
                + "&periodStart=2026-01-01&periodEnd=2026-03-31&reportType=subject-list");
        assertThat(i1.status()).as(i1.body()).isEqualTo(200);
        assertThat(listed(i1.json(), "numerator")).containsExactly("P1");
        assertThat(listed(i1.json(), "denominator")).containsExactlyInAnyOrder("V1", "V3", "P1");
        org.medunion.support.FhirValidation.assertValid(i1.body());
        // the default report type is the summary; the same value as the search
        var summary = api.getFhir("/fhir/Measure/I-5/$evaluate-measure?subject=Organization/" + lead + "&periodStart=2026");
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        assertThat(summary.json().get("type").asString()).isEqualTo("summary");
        assertThat(summary.json().has("contained")).isFalse();
        // bad spans and report types are 400 naming the parameter; scope as for the values
        var span = api.getFhir("/fhir/Measure/I-5/$evaluate-measure?subject=Organization/" + lead
                + "&periodStart=2026-03-05&periodEnd=2026-03-31");
        assertThat(span.status()).isEqualTo(400);
        assertThat(span.body()).contains("periodStart, periodEnd");
        assertThat(api.getFhir("/fhir/Measure/I-5/$evaluate-measure?subject=Organization/" + lead
                + "&periodStart=2026-03&reportType=subject").body()).contains("reportType");
        assertThat(api.getFhir("/fhir/Measure/I-5/$evaluate-measure?subject=Patient/" + lead + "&periodStart=2026-03").status())
                .isEqualTo(400);
        assertThat(as(otherPlanner).getFhir("/fhir/Measure/I-5/$evaluate-measure?subject=Organization/" + lead
                + "&periodStart=2026-03&reportType=subject-list").status()).isIn(403, 404);
        assertThat(as(g.gpUser()).getFhir("/fhir/Measure/I-5/$evaluate-measure?subject=Organization/" + lead
                + "&periodStart=2026-03&reportType=subject-list").status()).isIn(403, 404);
        assertThat(Api.anonymous(port).getFhir("/fhir/Measure/I-5/$evaluate-measure?subject=Organization/" + lead
                + "&periodStart=2026-03&reportType=subject-list").status()).isEqualTo(401);
    }

    /** The record IDs a subject-list report's contained List for the population names. */
    static List<String> listed(JsonNode report, String population) {
        var ids = new ArrayList<String>();
        report.get("contained").forEach(list -> {
            if (list.get("id").asString().equals(population) && list.has("entry")) {
                list.get("entry").forEach(e -> ids.add(e.get("item").get("identifier").get("value").asString()));
            }
        });
        return ids;
    }

    @Test
    void valuesAndDrillDownsStayInTheCallersScope_andMaskTheResident() {
        loadMarch(g.leadUser(), g.gpUser());
        String consortium = g.consortium().value().toString();
        String q = "?level=CONSORTIUM&subject=" + consortium + "&period=2026-03";
        assertThat(as(outsider).get("/api/indicators/values" + q).status()).isEqualTo(404);
        assertThat(as(otherPlanner).get("/api/indicators/values" + q).status()).isEqualTo(404);
        assertThat(as(g.gpUser()).get("/api/indicators/values" + q).status()).isEqualTo(404);
        assertThat(as(g.districtUser()).get("/api/indicators/values/I-5/encounters" + q).status()).isEqualTo(404);
        assertThat(as(planner).get("/api/indicators/values?level=CONSORTIUM&subject=" + UUID.randomUUID() + "&period=2026-03")
                .status()).isEqualTo(404);
        assertThat(as(otherPlanner).get("/api/indicators/values?level=DISTRICT&subject=310104&period=2026-03").status())
                .isEqualTo(404);
        assertThat(as(g.gpUser()).get("/api/indicators/values?level=INSTITUTION&subject=" + g.lead().value() + "&period=2026-03")
                .status()).isEqualTo(404);
        var bad = as(planner).get("/api/indicators/values" + q.replace("2026-03", "2026-13"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asString()).isEqualTo("INDICATORS-0004");
        var drill = as(planner).get("/api/indicators/values/I-5/encounters" + q);
        assertThat(drill.status()).as(drill.body()).isEqualTo(200);
        assertThat(drill.json().size()).isEqualTo(2);
        drill.json().forEach(row -> assertThat(row.get("resident").asString()).isEqualTo("***"));
        var counted = new ArrayList<String>();
        drill.json().forEach(row -> counted.add(row.get("sourceRecordId").asString() + ":" + row.get("counted").asString()));
        assertThat(counted).as("D1 has a level-4 operation").containsExactlyInAnyOrder("D1:NUMERATOR", "D2:DENOMINATOR");
        assertThat(drill.body()).doesNotContainPattern("\"resident(Id)?\":\"[0-9a-f]{8}-");
        assertThat(as(office).get("/api/indicators/values/I-6/encounters" + q).json().size()).isEqualTo(2);
        assertThat(as(g.leadUser()).get("/api/indicators/values/I-1/encounters" + q).json().size()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'IndicatorEncounters'").query(Long.class)
                .single()).isPositive();
    }

    /** An encounter transaction per the published profile (docs/indicators.md, decision 0258). */
    static String encounterBundle(UUID institution, String visitAt, String visitClass, String level) {
        return """
                {"resourceType":"Bundle","type":"transaction","entry":[
                 {"fullUrl":"urn:uuid:7f4c8a52-1c1e-4a77-9f7e-000000000001",
                  "resource":{"resourceType":"Encounter","status":"finished",
                   "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"%s"},
                   "identifier":[{"system":"urn:his:lead","value":"F1"}],
                   "serviceProvider":{"reference":"Organization/%s"},"period":{"start":"%s"}},
                  "request":{"method":"POST","url":"Encounter"}},
                 {"fullUrl":"urn:uuid:7f4c8a52-1c1e-4a77-9f7e-000000000002",
                  "resource":{"resourceType":"Encounter","status":"finished",
                   "contained":[{"resourceType":"Condition","id":"dx","subject":{"display":"not reported"},
                     "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10","code":"I21.0"}]}}],
                   "extension":[{"url":"https://medunion.example/fhir/StructureDefinition/drg-weight","valueDecimal":1.5},
                     {"url":"https://medunion.example/fhir/StructureDefinition/drg-group","valueCode":"FM19"}],
                   "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP"},
                   "identifier":[{"system":"urn:his:lead","value":"F2"}],
                   "serviceProvider":{"reference":"Organization/%s"},
                   "period":{"start":"2026-03-01T09:00:00+08:00","end":"2026-03-11T10:00:00+08:00"},
                   "diagnosis":[{"condition":{"reference":"#dx"},"rank":1}]},
                  "request":{"method":"POST","url":"Encounter"}},
                 {"fullUrl":"urn:uuid:7f4c8a52-1c1e-4a77-9f7e-000000000003",
                  "resource":{"resourceType":"Procedure","status":"completed","subject":{"display":"not reported"},
                   "category":{"coding":[{"system":"https://medunion.example/fhir/CodeSystem/operation-level","code":"%s"}]},
                   "encounter":{"reference":"urn:uuid:7f4c8a52-1c1e-4a77-9f7e-000000000002"}},
                  "request":{"method":"POST","url":"Procedure"}}]}"""
                .formatted(visitClass, institution, visitAt, institution, level);
    }

    static String figures(Api.Response r) {
        return r.json().get("entry").get(0).get("response").get("outcome").get("issue").get(0).get("diagnostics").asString();
    }

    @Test
    void fhirEncounterBundle_isCounted_aResendUnchanged_aCorrectionCorrected_validAgainstR4() {
        UUID lead = g.lead().value();
        String bundle = encounterBundle(lead, "2026-03-10T09:00:00+08:00", "AMB", "4");
        org.medunion.support.FhirValidation.assertValid(bundle);
        var r = as(g.leadUser()).postFhir("/fhir", bundle);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(figures(r)).contains("rows=2", "created=2");
        org.medunion.support.FhirValidation.assertValid(r.body());
        assertThat(facts(lead)).isEqualTo(2);
        // I-6: 10 bed-days over one discharge; I-5: the one operation is level 4
        var i6 = value(planner, "I-6", "INSTITUTION", lead.toString(), "2026-03");
        assertThat(dec(i6, "numerator")).isEqualByComparingTo("10");
        assertThat(dec(i6, "denominator")).isEqualByComparingTo("1");
        var i5 = value(planner, "I-5", "INSTITUTION", lead.toString(), "2026-03");
        assertThat(dec(i5, "numerator")).isEqualByComparingTo("1");
        assertThat(dec(i5, "denominator")).isEqualByComparingTo("1");
        assertThat(jdbc.sql("select principal_diagnosis from indicators_encounter where institution_id = ? and source_record_id = 'F2'")
                .param(lead).query(String.class).single()).isEqualTo("I21.0");
        assertThat(jdbc.sql("select drg_group from indicators_encounter where institution_id = ? and source_record_id = 'F2'")
                .param(lead).query(String.class).single()).isEqualTo("FM19");

        var again = as(g.leadUser()).postFhir("/fhir", bundle);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(figures(again)).contains("created=0", "corrected=0", "unchanged=2");

        var corrected = as(integrator).postFhir("/fhir", encounterBundle(lead, "2026-03-12T09:00:00+08:00", "EMER", "3"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(figures(corrected)).contains("corrected=2", "unchanged=0");
        assertThat(dec(value(planner, "I-5", "INSTITUTION", lead.toString(), "2026-03"), "numerator")).isEqualByComparingTo("0");
        assertThat(facts(lead)).isEqualTo(2);
    }

    @Test
    void malformedFhirEncounterBundle_is400NamingTheElement_andWritesNothing() {
        UUID lead = g.lead().value();
        var badClass = as(g.leadUser()).postFhir("/fhir", encounterBundle(lead, "2026-03-10T09:00:00+08:00", "HH", "4"));
        assertThat(badClass.status()).as(badClass.body()).isEqualTo(400);
        assertThat(badClass.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(badClass.body()).contains("Bundle.entry[0].resource.class");
        // the module's rules: a visit in the future, named by the element it came from
        var future = as(g.leadUser()).postFhir("/fhir", encounterBundle(lead, "2099-03-10T09:00:00+08:00", "AMB", "4"));
        assertThat(future.status()).as(future.body()).isEqualTo(400);
        assertThat(future.body()).contains("Bundle.entry[0].resource.period.start", "range");
        var level = as(g.leadUser()).postFhir("/fhir", encounterBundle(lead, "2026-03-10T09:00:00+08:00", "AMB", "7"));
        assertThat(level.status()).as(level.body()).isEqualTo(400);
        assertThat(level.body()).contains("Bundle.entry[2].resource.category");
        var dangling = as(g.leadUser()).postFhir("/fhir", encounterBundle(lead, "2026-03-10T09:00:00+08:00", "AMB", "4")
                .replace("\"reference\":\"urn:uuid:7f4c8a52-1c1e-4a77-9f7e-000000000002\"", "\"reference\":\"urn:uuid:nowhere\""));
        assertThat(dangling.status()).as(dangling.body()).isEqualTo(400);
        assertThat(dangling.body()).contains("Bundle.entry[2].resource.encounter");
        assertThat(facts(lead)).isZero();
        // another institution's account: 403, nothing written
        var foreign = as(g.gpUser()).postFhir("/fhir", encounterBundle(lead, "2026-03-10T09:00:00+08:00", "AMB", "4"));
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(403);
        assertThat(as(outsider).postFhir("/fhir", encounterBundle(lead, "2026-03-10T09:00:00+08:00", "AMB", "4")).status())
                .isEqualTo(403);
        assertThat(facts(lead)).isZero();
    }

    static byte[] workbook(List<List<String>> rows) {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("encounters");
            for (int i = 0; i < rows.size(); i++) {
                var row = sheet.createRow(i);
                for (int c = 0; c < rows.get(i).size(); c++) {
                    if (!rows.get(i).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(i).get(c));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Api.Response upload(String user, String filename, byte[] file) {
        var body = org.medunion.support.Multipart.of(Map.of(), "file", filename, file);
        return as(user).sendBytes("POST", "/api/indicators/encounters", body.body(), body.contentType());
    }

    @Test
    void xlsxWithTheCsvColumns_isCounted_andAMalformedOneIsRejectedWithRowNumbers() {
        UUID lead = g.lead().value();
        var header = List.of("source_record_id", "institution_id", "kind", "occurred_at", "admitted_at", "resident_id",
                "principal_diagnosis", "drg_weight", "operation_levels");
        var ok = upload(g.leadUser(), "encounters.xlsx", workbook(List.of(header,
                List.of("X1", lead.toString(), "OUTPATIENT", "2026-05-01T08:00"),
                List.of("X2", lead.toString(), "INPATIENT", "2026-05-09T10:00", "2026-05-02T10:00", "", "I21.0", "1.25", "4;4;1"))));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("created").asInt()).isEqualTo(2);
        var i5 = value(planner, "I-5", "INSTITUTION", lead.toString(), "2026-05");
        assertThat(dec(i5, "numerator")).isEqualByComparingTo("2");
        assertThat(dec(i5, "denominator")).isEqualByComparingTo("3");
        assertThat(upload(g.leadUser(), "encounters.xlsx", workbook(List.of(header,
                List.of("X1", lead.toString(), "OUTPATIENT", "2026-05-01T08:00")))).json().get("unchanged").asInt()).isEqualTo(1);

        var bad = upload(g.leadUser(), "encounters.xlsx", workbook(List.of(header,
                List.of("X3", lead.toString(), "OUTPATIENT", "2026-05-03T08:00"),
                List.of("X4", lead.toString(), "VISIT", "2026-05-03T08:00"),
                List.of("X5", lead.toString(), "OUTPATIENT", "3 May"))));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().get("code").asString()).isEqualTo("INDICATORS-0001");
        var rejected = new ArrayList<String>();
        bad.json().get("rejected").forEach(e -> rejected.add(e.get("row").asInt() + ":" + e.get("field").asString() + ":"
                + e.get("rule").asString()));
        assertThat(rejected).containsExactly("2:kind:format", "3:occurred_at:format");
        var notAWorkbook = upload(g.leadUser(), "encounters.xlsx", "not a workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(notAWorkbook.status()).as(notAWorkbook.body()).isEqualTo(400);
        assertThat(notAWorkbook.body()).contains("file");
        assertThat(upload(g.gpUser(), "encounters.xlsx", workbook(List.of(header,
                List.of("X6", lead.toString(), "OUTPATIENT", "2026-05-03T08:00")))).status()).isEqualTo(403);
        assertThat(facts(lead)).isEqualTo(2);
    }
}
