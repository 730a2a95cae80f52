package org.medunion.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.policy.IndicatorEvidenceSource;
import org.medunion.policy.IndicatorEvidenceSource.Share;
import org.medunion.residents.RegisterResident;
import org.medunion.residents.ResidentsFixture;
import org.medunion.scheduling.SchedulingFixture;
import org.medunion.support.Api;
import org.medunion.support.RunningCity;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * I-11 (contract coverage, from the residents module's counts) and I-12 (contracted residents referred up and not back
 * within 90 days, from the referral module's; the chronic share of tertiary outpatient visits as a part) on hand-set data
 * with exact numerators and denominators per institution and consortium, their zero-denominator cases, the policy
 * module's reading of the same fractions, and I-16, I-32…I-34 shown as "no data" with the missing source named.
 */
abstract class ContractAndSiphoningContract extends RunningCity {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    IndicatorEvidenceSource evidence;

    SchedulingFixture.Group g;
    String planner;

    @BeforeEach
    void world() {
        g = SchedulingFixture.group(registry, residents, accounts);
        planner = "pl-" + Long.toString(System.nanoTime(), 36);
        accounts.ensureAccount(new NewAccount(planner, "demo", planner, Role.PLANNER, Scope.jurisdiction("310000")));
    }

    JsonNode value(String indicator, String level, UUID subject, String period) {
        var r = Api.as(port, planner).get("/api/indicators/values/" + indicator + "?level=" + level + "&subject=" + subject
                + "&period=" + period);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static String fraction(JsonNode v) {
        return v.get("numerator").asString() + "/" + v.get("denominator").asString();
    }

    static boolean noData(JsonNode v) {
        return v.get("value") == null || v.get("value").isNull();
    }

    static String part(JsonNode v, String key) {
        for (JsonNode p : v.get("parts")) {
            if (p.get("key").asString().equals(key)) {
                return fraction(p);
            }
        }
        throw new AssertionError(key + " not in " + v);
    }

    @Test
    void i11_contractedResidentsOfTheIndex_perInstitutionAndConsortium_withTheElderlyAndChildren() {
        // the fixture: 陈静 registered by the community centre and contracted, 吴刚 by the district hospital, not contracted
        jdbc.sql("update residents_resident set birth_date = ? where id = ?").params(LocalDate.of(1950, 1, 1), g.contracted().value())
                .update();
        jdbc.sql("update residents_resident set birth_date = ? where id = ?").params(LocalDate.of(1985, 6, 1), g.stranger().value())
                .update();
        // a child of three registered by the community centre, not contracted
        residents.importResidents(List.of(new RegisterResident(ResidentsFixture.idNumber(LocalDate.now(SHANGHAI).minusYears(3), true),
                "小明", null, null, null, null, g.primary(), null)));
        String month = YearMonth.now(SHANGHAI).toString();

        JsonNode consortium = value("I-11", "CONSORTIUM", g.consortium().value(), month);
        assertThat(fraction(consortium)).isEqualTo("1/3");
        assertThat(consortium.get("value").asString()).isEqualTo("0.3333");
        assertThat(part(consortium, "elderly")).isEqualTo("1/1");
        assertThat(part(consortium, "children")).isEqualTo("0/1");
        assertThat(fraction(value("I-11", "INSTITUTION", g.primary().value(), month))).isEqualTo("1/2");
        assertThat(fraction(value("I-11", "INSTITUTION", g.district().value(), month))).isEqualTo("0/1");
        // the lead hospital registered nobody: no data, never 0
        JsonNode lead = value("I-11", "INSTITUTION", g.lead().value(), month);
        assertThat(fraction(lead)).isEqualTo("0/0");
        assertThat(noData(lead)).isTrue();
        // a period not begun yet has no value either
        assertThat(noData(value("I-11", "CONSORTIUM", g.consortium().value(), YearMonth.now(SHANGHAI).plusMonths(2).toString())))
                .isTrue();

        // the rows behind the value, from the same per-resident query: one per resident, no resident in them
        var console = org.medunion.web.ConsoleSession.login(port, planner);
        assertThat(console.get("/console/indicators?subject=CONSORTIUM:" + g.consortium().value() + "&period=" + month).body())
                .contains("/console/indicators/records?indicator=I-11&amp;level=CONSORTIUM",
                        "/console/indicators/records?indicator=I-12&amp;level=CONSORTIUM");
        var rows = console.get(records("I-11", "CONSORTIUM", g.consortium().value(), month));
        assertThat(rows.status()).as(rows.body()).isEqualTo(200);
        assertThat(rows.body().split("class=\"contract\"", -1)).hasSize(4);
        assertThat(marked(rows.body(), "分子")).isEqualTo(1);
        assertThat(marked(rows.body(), "分母")).isEqualTo(2);
        assertThat(rows.body()).contains("1 / 3", "有效", "当日无有效签约", "65 岁及以上", "0–6 岁")
                .doesNotContain("陈静", "吴刚", "小明", g.contracted().value().toString(), g.stranger().value().toString());
        assertThat(console.get(records("I-11", "INSTITUTION", g.primary().value(), month)).body().split("class=\"contract\"", -1))
                .hasSize(3);
        // another consortium's residents are not listed, and its hospital's account may not open this list
        var other = SchedulingFixture.group(registry, residents, accounts);
        assertThat(console.get(records("I-11", "CONSORTIUM", g.consortium().value(), month)).body().split("class=\"contract\"", -1))
                .hasSize(4);
        var foreign = org.medunion.web.ConsoleSession.login(port, other.leadUser())
                .get(records("I-11", "CONSORTIUM", g.consortium().value(), month));
        assertThat(foreign.status()).isNotEqualTo(200);
        assertThat(foreign.body()).doesNotContain("class=\"contract\"");

        // the contract ended yesterday: from today the resident no longer counts
        jdbc.sql("update residents_contract set status = 'ENDED', end_date = ? where resident_id = ?")
                .params(LocalDate.now(SHANGHAI).minusDays(1), g.contracted().value()).update();
        assertThat(fraction(value("I-11", "CONSORTIUM", g.consortium().value(), month))).isEqualTo("0/3");
    }

    static String records(String indicator, String level, UUID subject, String period) {
        return "/console/indicators/records?indicator=" + indicator + "&level=" + level + "&subject=" + subject + "&period=" + period;
    }

    /** How many rows of a records page are marked {@code label} (分子, 分母, 不计入). */
    static int marked(String html, String label) {
        return html.split("<td>" + label + "</td>", -1).length - 1;
    }

    private int numbers;

    private void referral(String direction, UUID from, UUID resident, boolean contracted, String status, Instant submitted) {
        Timestamp at = Timestamp.from(submitted);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into referral_referral (id, number, direction, from_institution_id, from_username, to_institution_id,
                  resident_id, contract_id, reason, diagnosis_code, diagnosis_text, urgency, status, submitted_at, version,
                  created_at, updated_at)
                values (?, ?, ?, ?, 'test', ?, ?, ?, 'test', 'I10', '高血压', 'ROUTINE', ?, ?, 0, ?, ?)""")
                .params(id, "T" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + (numbers++), direction, from,
                        direction.equals("UP") ? g.lead().value() : g.primary().value(), resident,
                        UUID.randomUUID(), status, at, at, at)
                .update();
        if (!contracted) {
            jdbc.sql("update referral_referral set contract_id = null where id = ?").param(id).update();
        }
    }

    static String visit(String id, UUID institution, String kind, String at, String diagnosis) {
        return """
                {"sourceRecordId":"%s","institutionId":"%s","kind":"%s","occurredAt":"%s","principalDiagnosis":"%s"%s}"""
                .formatted(id, institution, kind, at, diagnosis,
                        kind.equals("INPATIENT") ? ",\"admittedAt\":\"" + at.replace("T10", "T08") + "\"" : "");
    }

    @Test
    void i12_contractedResidentsReferredUpAndNotBackWithin90Days_withTheChronicShareAtTertiaryHospitals() {
        YearMonth past = YearMonth.now(SHANGHAI).minusMonths(5);
        Instant day10 = past.atDay(10).atTime(10, 0).atZone(SHANGHAI).toInstant();
        UUID primary = g.primary().value();
        UUID district = g.district().value();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        referral("UP", primary, a, true, "COMPLETED", day10); // A: referred back after 30 days
        referral("UP", primary, a, true, "COMPLETED", day10.plus(Duration.ofDays(5))); // A again: counted once
        referral("DOWN", g.lead().value(), a, true, "COMPLETED", day10.plus(Duration.ofDays(30)));
        referral("UP", primary, b, true, "COMPLETED", day10); // B: referred back after 100 days, too late
        referral("DOWN", g.lead().value(), b, true, "COMPLETED", day10.plus(Duration.ofDays(100)));
        referral("UP", primary, c, true, "ACCEPTED", day10); // C: a cancelled downward referral does not count
        referral("DOWN", g.lead().value(), c, true, "CANCELLED", day10.plus(Duration.ofDays(10)));
        referral("UP", primary, UUID.randomUUID(), false, "COMPLETED", day10); // no contract
        referral("UP", primary, UUID.randomUUID(), true, "REJECTED", day10); // never referred
        referral("UP", district, UUID.randomUUID(), true, "COMPLETED", day10); // not from a primary institution
        referral("UP", primary, UUID.randomUUID(), true, "COMPLETED", past.plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toInstant());

        // outpatient visits at the lead (tertiary) hospital: two chronic of three; a discharge and a primary visit do not count
        String d = past.atDay(12) + "T10:00+08:00";
        var r = Api.as(port, g.leadUser()).post("/api/indicators/encounters", "[" + String.join(",",
                visit("C1", g.lead().value(), "OUTPATIENT", d, "I10.9"),
                visit("C2", g.lead().value(), "EMERGENCY", d, "E11.9"),
                visit("C3", g.lead().value(), "OUTPATIENT", d, "J06.9"),
                visit("C4", g.lead().value(), "INPATIENT", d, "I10")) + "]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var p = Api.as(port, g.gpUser()).post("/api/indicators/encounters", "[" + visit("C5", primary, "OUTPATIENT", d, "I10") + "]");
        assertThat(p.status()).as(p.body()).isEqualTo(200);

        JsonNode consortium = value("I-12", "CONSORTIUM", g.consortium().value(), past.toString());
        assertThat(fraction(consortium)).isEqualTo("2/3"); // B and C of A, B, C
        assertThat(consortium.get("value").asString()).isEqualTo("0.6667");
        assertThat(part(consortium, "chronicAtTertiary")).isEqualTo("2/3");
        JsonNode atPrimary = value("I-12", "INSTITUTION", primary, past.toString());
        assertThat(fraction(atPrimary)).isEqualTo("2/3");
        assertThat(part(atPrimary, "chronicAtTertiary")).isEqualTo("0/0");
        // the lead hospital refers nobody up from primary care: no data, with its chronic share
        JsonNode lead = value("I-12", "INSTITUTION", g.lead().value(), past.toString());
        assertThat(noData(lead)).isTrue();
        assertThat(part(lead, "chronicAtTertiary")).isEqualTo("2/3");

        // the policy module reads the same fractions over inclusive local days
        assertThat(evidence.notReferredBack(List.of(primary), past.atDay(1), past.atEndOfMonth(), 90)).contains(new Share(2, 3));
        assertThat(evidence.notReferredBack(List.of(primary), past.atDay(1), past.atEndOfMonth(), 120)).contains(new Share(1, 3));
        assertThat(evidence.chronicAtTertiary(List.of(g.lead().value()), past.atDay(1), past.atEndOfMonth())).contains(new Share(2, 3));

        // the rows behind I-12, from the same query: A referred back (denominator only), B and C not (numerator)
        var console = org.medunion.web.ConsoleSession.login(port, planner);
        var rows = console.get(records("I-12", "CONSORTIUM", g.consortium().value(), past.toString()));
        assertThat(rows.status()).as(rows.body()).isEqualTo(200);
        assertThat(rows.body().split("class=\"referral\"", -1)).hasSize(4);
        assertThat(marked(rows.body(), "分子")).isEqualTo(2);
        assertThat(marked(rows.body(), "分母")).isEqualTo(1);
        assertThat(rows.body()).contains("2 / 3", "上转").doesNotContain(a.toString(), b.toString(), c.toString());

        // referred up an hour ago and not back yet: its 90 days have not passed, so it is in neither count (no data)
        Instant recent = Instant.now().minus(Duration.ofHours(1));
        referral("UP", primary, UUID.randomUUID(), true, "ACCEPTED", recent);
        JsonNode now = value("I-12", "INSTITUTION", primary, YearMonth.from(recent.atZone(SHANGHAI)).toString());
        assertThat(fraction(now)).isEqualTo("0/0");
        assertThat(noData(now)).isTrue();
        assertThat(now.get("sourceRecords").asLong()).isEqualTo(1);
        var pending = console.get(records("I-12", "INSTITUTION", primary, YearMonth.from(recent.atZone(SHANGHAI)).toString())).body();
        assertThat(pending.split("class=\"referral\"", -1)).hasSize(2);
        assertThat(marked(pending, "不计入")).isEqualTo(1);
    }

    @Test
    void i16_i32_i33_i34_areNoDataWithTheMissingSourceNamed_onTheDashboardAndOverFhir() {
        String month = YearMonth.now(SHANGHAI).minusMonths(1).toString();
        for (String id : List.of("I-16", "I-32", "I-33", "I-34")) {
            JsonNode v = value(id, "CONSORTIUM", g.consortium().value(), month);
            assertThat(noData(v)).as(id).isTrue();
            assertThat(fraction(v)).as(id).isEqualTo("0/0");
            assertThat(v.get("sourceRecords").asLong()).as(id).isZero();
        }
        var page = org.medunion.web.ConsoleSession.login(port, planner)
                .get("/console/indicators?subject=CONSORTIUM:" + g.consortium().value() + "&period=" + month);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"source-I-16\"", "id=\"source-I-32\"", "id=\"source-I-33\"", "id=\"source-I-34\"",
                "医保部门稽核结果").doesNotContain("id=\"source-I-11\"", "id=\"members-I-33\"");
        assertThat(page.body()).contains("id=\"row-I-11\"", "id=\"row-I-12\"");
        var report = Api.as(port, planner).getFhir("/fhir/MeasureReport?subject=Organization/" + g.consortium().value() + "&period="
                + month + "&measure=Measure/I-12");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("total").asInt()).isEqualTo(1);
        org.medunion.support.FhirValidation.assertValid(Api.as(port, planner).getFhir("/fhir/Measure/I-11").body());
    }
}
