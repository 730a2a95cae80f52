package org.medunion.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.pharmacy.PharmacyFixture.body;
import static org.medunion.pharmacy.PharmacyFixture.item;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.audit.AuditTrail;
import org.medunion.support.Api;
import org.medunion.support.RunningCity;
import org.medunion.support.Workbooks;
import org.medunion.web.ConsoleSession;
import tools.jackson.databind.JsonNode;

/**
 * The pharmacy module over HTTP (issue 16): each RX rule on both sides of its parameter, nothing written on a 422,
 * the review state machine with illegal transitions, the pre-review centre's queue (RX-11), dispensing elsewhere
 * (RX-15), access and audit (prescriptions are personal data).
 */
abstract class PharmacyContract extends RunningCity {

    private static final String RX = "/api/pharmacy/prescriptions";
    private static final Map<Integer, PharmacyFixture> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    PharmacyFixture w() {
        return SHARED.computeIfAbsent(port, p -> new PharmacyFixture(p, registry, residents, accounts));
    }

    private long written(UUID resident) {
        return jdbc.sql("select count(*) from pharmacy_prescription where resident_id = ?").param(resident).query(Long.class).single();
    }

    /** 422 naming the rule and carrying its clause; nothing written for the resident. */
    private void refused(Api.Response r, String ruleId, UUID resident, long before) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains(ruleId);
        assertThat(written(resident)).isEqualTo(before);
    }

    private static List<String> ruleIds(Api.Response r) {
        var out = new ArrayList<String>();
        JsonNode v = r.json().get("violations");
        if (v != null) {
            v.forEach(x -> out.add(x.get("ruleId").asString()));
        }
        return out;
    }

    @Test
    void RX16_theGpRenewsADownwardReferralsMedicationListAsAnExtendedPrescription() {
        var w = new PharmacyFixture(port, registry, residents, accounts);
        var gp = w.as(w.gp);
        var down = w.as(w.districtSpecialist).post("/api/referrals", """
                {"direction":"DOWN","toInstitutionId":"%s","residentId":"%s","reason":"病情稳定","diagnosisCode":"I10",
                 "diagnosisText":"原发性高血压","urgency":"ROUTINE","noCriteriaReason":"稳定期","destinationType":"OUTPATIENT_FOLLOW_UP",
                 "medications":[{"drug":"苯磺酸氨氯地平片","dose":"5 mg","frequency":"qd","days":28},
                                {"drug":"阿托伐他汀钙片","dose":"20 mg","frequency":"每晚一次","days":28},
                                {"drug":"院内制剂降压合剂","dose":"10 ml","frequency":"tid","days":14}],"submit":true}"""
                .formatted(w.primary, w.resident));
        assertThat(down.status()).as(down.body()).isEqualTo(201);
        String referral = down.json().get("id").asString();
        String extended = "\"chronic\":true,\"reason\":\"下转后延续上级医院用药\",\"referralId\":\"" + referral + "\"";
        String body = body(w.resident, "OUTPATIENT", "I10", extended, item("F0001", "5", "QD", 28), item("F0059", "20", "QN", 28));
        long before = written(w.resident);
        // not yet received: no extended prescription on it
        refused(gp.post(RX, body), "RX-16", w.resident, before);
        assertThat(gp.post("/api/referrals/" + referral + "/accept", "{\"note\":\"两周后复查\"}").status()).isEqualTo(200);

        // the referral page offers the renewal; the form comes pre-filled from its medication list
        var console = ConsoleSession.login(port, w.gp);
        assertThat(console.get("/console/referrals/" + referral).body()).contains("extend-prescription");
        var form = console.get("/console/pharmacy/prescribe?referral=" + referral);
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"referralId\"", referral, "院内制剂降压合剂", "extended-from")
                .containsPattern("value=\"F0001\"[^>]*selected|selected[^>]*value=\"F0001\"")
                .containsPattern("value=\"F0059\"[^>]*selected|selected[^>]*value=\"F0059\"");
        assertThat(ConsoleSession.login(port, w.districtSpecialist).get("/console/referrals/" + referral).body())
                .doesNotContain("extend-prescription");
        // the renewal form opens the resident only to the institution that took the referral on
        var senderForm = ConsoleSession.login(port, w.districtSpecialist).get("/console/pharmacy/prescribe?referral=" + referral);
        assertThat(senderForm.status()).isEqualTo(403);
        assertThat(senderForm.body()).doesNotContain(w.resident.toString());
        var outsiderForm = ConsoleSession.login(port, w.outsiderGp).get("/console/pharmacy/prescribe?referral=" + referral);
        assertThat(outsiderForm.status()).isEqualTo(404);
        assertThat(outsiderForm.body()).doesNotContain(w.resident.toString());

        var ok = w.created(gp.post(RX, body));
        assertThat(ok.get("referralId").asString()).isEqualTo(referral);
        assertThat(written(w.resident)).isEqualTo(before + 1);
        var fhir = gp.getFhir("/fhir/MedicationRequest/" + ok.get("id").asString() + "-1");
        assertThat(fhir.json().get("basedOn").get(0).get("reference").asString()).isEqualTo("ServiceRequest/" + referral);
        // the hospital that sent it cannot write the community's extended prescription on it
        var sender = w.as(w.districtSpecialist).post(RX, body);
        assertThat(sender.status()).as(sender.body()).isIn(404, 422);
        assertThat(written(w.resident)).isEqualTo(before + 1);
        // an unknown referral is refused the same way
        refused(gp.post(RX, body.replace(referral, UUID.randomUUID().toString())), "RX-16", w.resident, before + 1);

        // I-30: a second medication list received and not (yet) renewed — one of the two renewed within RX-16's 14 days
        var second = w.as(w.districtSpecialist).post("/api/referrals", """
                {"direction":"DOWN","toInstitutionId":"%s","residentId":"%s","reason":"病情稳定","diagnosisCode":"I10",
                 "diagnosisText":"原发性高血压","urgency":"ROUTINE","noCriteriaReason":"稳定期","destinationType":"OUTPATIENT_FOLLOW_UP",
                 "medications":[{"drug":"氨氯地平片","dose":"5 mg","frequency":"qd","days":28}],"submit":true}"""
                .formatted(w.primary, w.resident));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        gp.post("/api/referrals/" + second.json().get("id").asString() + "/accept", "{}").expect(200);
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        var i30 = w.as(w.office).get("/api/indicators/values/I-30?level=INSTITUTION&subject=" + w.primary + "&period=" + month);
        assertThat(i30.status()).as(i30.body()).isEqualTo(200);
        assertFraction(Map.of("I-30", i30.json()), "I-30", 1, 2);
        // the referrals behind I-30, from the rows its value counts: one renewed (numerator), one not (denominator only)
        String behindI30 = "/console/indicators/records?indicator=I-30&level=INSTITUTION&subject=" + w.primary + "&period=" + month;
        String rows = ConsoleSession.login(port, w.office).get(behindI30).body();
        assertThat(rows.split("class=\"referral\"", -1)).hasSize(3);
        assertThat(rows.split("<td>分子</td>", -1)).hasSize(2);
        assertThat(rows.split("<td>分母</td>", -1)).hasSize(2);
        assertThat(rows).contains("1 / 2", "下转").doesNotContain(w.resident.toString());

        // the family doctor documents that the second regimen stops instead: I-30 counts it as continued
        String secondId = second.json().get("id").asString();
        String stop = "/api/referrals/" + secondId + "/medication-stop";
        assertThat(gp.get(stop).status()).isEqualTo(404);
        var page = ConsoleSession.login(port, w.gp).get("/console/referrals/" + secondId);
        assertThat(page.body()).contains("stop-medication", "病情控制达标，遵医嘱停药").doesNotContain("id=\"medication-stop\"");
        assertThat(ConsoleSession.login(port, w.districtSpecialist).get("/console/referrals/" + secondId).body())
                .doesNotContain("stop-medication");
        assertThat(w.as(w.districtSpecialist).post(stop, "{\"reason\":\"TARGET_REACHED\"}").status()).isEqualTo(403);
        assertThat(w.as(w.outsiderGp).post(stop, "{\"reason\":\"TARGET_REACHED\"}").status()).isEqualTo(404);
        var noReason = gp.post(stop, "{}");
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        var otherWithoutNote = gp.post(stop, "{\"reason\":\"OTHER\"}");
        assertThat(otherWithoutNote.status()).as(otherWithoutNote.body()).isEqualTo(400);
        assertThat(otherWithoutNote.body()).contains("note");
        assertThat(gp.get(stop).status()).isEqualTo(404); // nothing half-written
        // a referral without a medication list has nothing to stop
        var bare = w.as(w.districtSpecialist).post("/api/referrals", """
                {"direction":"DOWN","toInstitutionId":"%s","residentId":"%s","reason":"病情稳定","diagnosisCode":"I10",
                 "diagnosisText":"原发性高血压","urgency":"ROUTINE","noCriteriaReason":"稳定期","destinationType":"OUTPATIENT_FOLLOW_UP",
                 "submit":true}""".formatted(w.primary, w.resident));
        assertThat(bare.status()).as(bare.body()).isEqualTo(201);
        gp.post("/api/referrals/" + bare.json().get("id").asString() + "/accept", "{}").expect(200);
        var nothing = gp.post("/api/referrals/" + bare.json().get("id").asString() + "/medication-stop", "{\"reason\":\"TARGET_REACHED\"}");
        assertThat(nothing.status()).as(nothing.body()).isEqualTo(409);
        var gpConsole = ConsoleSession.login(port, w.gp);
        var posted = gpConsole.post("/console/referrals/" + secondId + "/medication-stop",
                Map.of("reason", "ADVERSE_REACTION", "note", "服药后踝部水肿"), gpConsole.get("/console/referrals/" + secondId));
        assertThat(posted.status()).as(posted.body()).isIn(200, 302, 303);
        var recorded = gp.get(stop);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(recorded.json().get("reason").asString()).isEqualTo("ADVERSE_REACTION");
        assertThat(recorded.json().get("note").asString()).isEqualTo("服药后踝部水肿");
        assertThat(gp.post(stop, "{\"reason\":\"OTHER\",\"note\":\"再记一次\"}").status()).isEqualTo(409);
        // an unrelated institution reads nothing of it; the sending hospital (a side of the referral) does, audited
        assertThat(w.as(w.outsiderGp).get(stop).status()).isEqualTo(404);
        assertThat(w.as(w.outsiderGp).get(stop).body()).doesNotContain("服药后踝部水肿");
        assertThat(w.as(w.districtSpecialist).get(stop).status()).isEqualTo(200);
        assertThat(audit.search(AuditTrail.AuditQuery.forObject("ReferralMedicationStop", secondId)).stream()
                .anyMatch(e -> e.action() == org.medunion.audit.AuditAction.READ)).isTrue();
        assertThat(ConsoleSession.login(port, w.gp).get("/console/referrals/" + secondId).body())
                .contains("id=\"medication-stop\"", "出现不良反应", "服药后踝部水肿").doesNotContain("id=\"stop-medication\"");
        assertThat(audit.search(AuditTrail.AuditQuery.forObject("ReferralMedicationStop", secondId)).stream()
                .anyMatch(e -> e.action() == org.medunion.audit.AuditAction.UPDATE)).isTrue();
        // the audit administrator reads the object type in words
        var trail = ConsoleSession.login(port, "auditor").get("/console/audit?objectType=ReferralMedicationStop");
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.body()).contains("下转用药停药记录");
        var after = w.as(w.office).get("/api/indicators/values/I-30?level=INSTITUTION&subject=" + w.primary + "&period=" + month);
        assertFraction(Map.of("I-30", after.json()), "I-30", 2, 2);
        assertThat(ConsoleSession.login(port, w.office).get(behindI30).body().split("<td>分子</td>", -1)).hasSize(3);
    }

    @Test
    void I27_theReviewQueueShowsTurnaroundAndHowOftenARulesFlagEndsInAReturn() {
        var w = new PharmacyFixture(port, registry, residents, accounts); // a fresh lead hospital: its reviews are this test's
        var gp = w.as(w.gp);
        var lead = w.as(w.leadPharmacist);
        String duplicate = w.created(gp.post(RX, body(w.resident, "OUTPATIENT", "I10", "", item("F0001", "5", "QD", 7),
                item("F0002", "30", "QD", 7)))).get("id").asString();
        String clean = w.inReview();
        var empty = ConsoleSession.login(port, w.leadPharmacist).get("/console/pharmacy/review");
        assertThat(empty.body()).contains("review-quality").contains("暂无审核结论");
        lead.post(RX + "/" + duplicate + "/return", "{\"reason\":\"重复用药\"}").expect(200);
        lead.post(RX + "/" + clean + "/approve", "{}").expect(200);

        var page = ConsoleSession.login(port, w.leadPharmacist).get("/console/pharmacy/review");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("共审核 2 张处方");
        // RX-9 flagged the two calcium-channel blockers once, and the pharmacist returned that prescription
        assertThat(page.body().replaceAll("\\s+", "")).contains("<td>RX-9</td><td>1</td><td>1</td><tdclass=\"nowrap\">100%</td>");
        assertThat(ConsoleSession.login(port, w.gp).get("/console/pharmacy/review").status()).isEqualTo(403);
    }

    @Test
    void pharmacyIndicatorsCountThePrescriptionsOfTheSubject() {
        var w = new PharmacyFixture(port, registry, residents, accounts); // a fresh centre: its counts are this test's alone
        var gp = w.as(w.gp);
        var lead = w.as(w.leadPharmacist);
        String site = "\"dispensingInstitutionId\":\"%s\",\"siteConfirmedByPatient\":true".formatted(w.district);
        // A: returned, overridden, approved, dispensed at the district hospital
        String a = w.created(gp.post(RX, body(w.resident, "OUTPATIENT", "I10", site, item("F0001", "5", "QD", 7)))).get("id").asString();
        lead.post(RX + "/" + a + "/return", "{\"reason\":\"重复用药\"}").expect(200);
        gp.post(RX + "/" + a + "/override", "{\"reason\":\"患者既往耐受良好\"}").expect(200);
        lead.post(RX + "/" + a + "/approve", "{}").expect(200);
        w.as(w.districtPharmacist).post(RX + "/" + a + "/dispense", "{}").expect(200);
        // B: a drug that is neither 基本药物 nor 集采 nor 谈判, approved and dispensed
        String b = w.created(gp.post(RX, body(w.resident, "OUTPATIENT", "I10", site, item("F0031", "2", "QN", 7)))).get("id").asString();
        lead.post(RX + "/" + b + "/approve", "{}").expect(200);
        w.as(w.districtPharmacist).post(RX + "/" + b + "/dispense", "{}").expect(200);
        // C: a documented long prescription over 4 weeks, in review
        w.created(gp.post(RX, w.hypertension(w.resident, 29, true)));
        // C2: a long prescription of exactly 4 weeks (RX-6 normalDays 28): no documentation asked, not in I-28
        w.created(gp.post(RX, w.hypertension(w.resident, 28, false)));
        // D: returned, then withdrawn by the prescriber
        String d = w.inReview();
        lead.post(RX + "/" + d + "/return", "{\"reason\":\"用法不清\"}").expect(200);
        gp.post(RX + "/" + d + "/cancel", "{\"reason\":\"另开处方\"}").expect(200);
        // the centre's catalogue: 3 of 4 items mapped to the formulary (RX-14 asks 95 %)
        gp.put("/api/pharmacy/catalogues/" + w.primary, """
                [{"localCode":"A01","localName":"络活喜 5mg","formularyCode":"F0001"},
                 {"localCode":"A02","localName":"拜新同 30mg","formularyCode":"F0002"},
                 {"localCode":"A03","localName":"二甲双胍 0.5g","formularyCode":"F0034"},
                 {"localCode":"A04","localName":"自制合剂","formularyCode":null}]""").expect(200);

        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        var r = w.as(w.office).get("/api/indicators/values?level=INSTITUTION&subject=" + w.primary + "&period=" + month);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var byId = new java.util.HashMap<String, JsonNode>();
        r.json().forEach(v -> byId.put(v.get("indicator").asString(), v));
        assertFraction(byId, "I-14", 2, 3); // returned A, D ÷ reviewed A, B, D
        assertFraction(byId, "I-26", 2, 2); // approved before dispensing ÷ dispensed
        assertFraction(byId, "I-27", 1, 2); // overridden A ÷ returned A, D
        assertFraction(byId, "I-28", 1, 1); // C documented ÷ C (C2's 28 days are not beyond normalDays)
        // uptake: C, C2 long ÷ A, B, C, C2 (hypertension of a contracted resident; D cancelled), reported without a target
        assertPart(byId, "I-28", "uptake", 2, 4);
        assertFraction(byId, "I-29", 3, 4); // catalogue items mapped ÷ items
        assertPart(byId, "I-29", "priorityDrugs", 3, 4); // A, C, C2 use 基本药物/集采 drugs, B not; D cancelled
        // the targets are the RX pack's parameters, national (decision 0120): met for I-26 and I-28, missed for I-29
        assertTarget(byId, "I-26", "RX-8", "1.0", true);
        assertTarget(byId, "I-28", "RX-6", "1.0", true);
        assertTarget(byId, "I-29", "RX-14", "0.95", false);
        assertThat(indicator(byId, "I-27").get("target").isNull()).isTrue();
        // the office's dashboard (its consortium: this fresh world's prescriptions are all the centre's) shows the parts
        var dashboard = ConsoleSession.login(port, w.office).get("/console/indicators?period=" + month);
        assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
        assertThat(dashboard.body()).contains("id=\"part-I-28-uptake\"", "长期处方使用率（签约慢病患者，不考核）: 0.5000 = 2 / 4",
                "id=\"part-I-29-priorityDrugs\"");
        assertFraction(byId, "I-31", 3, 3); // every review of the centre done by the lead hospital's pre-review centre (RX-11)
        assertThat(indicator(byId, "I-14").get("value").decimalValue()).isEqualByComparingTo("0.6667");
        // the district hospital is no primary site: I-31 and I-29's priority-drug part have no data there
        var district = w.as(w.office).get("/api/indicators/values/I-31?level=INSTITUTION&subject=" + w.district + "&period=" + month);
        assertThat(district.status()).as(district.body()).isEqualTo(200);
        assertThat(district.json().get("value").isNull()).isTrue();
        var districtI29 = w.as(w.office).get("/api/indicators/values/I-29?level=INSTITUTION&subject=" + w.district + "&period=" + month);
        assertThat(districtI29.json().get("parts").get(0).get("value").isNull()).isTrue();
        // no encounter rows behind a pharmacy indicator, and no one outside the consortium sees its values
        var drill = w.as(w.office)
                .get("/api/indicators/values/I-14/encounters?level=INSTITUTION&subject=" + w.primary + "&period=" + month);
        assertThat(drill.status()).as(drill.body()).isEqualTo(200);
        assertThat(drill.json().size()).isZero();
        assertThat(w.as(w.outsiderGp).get("/api/indicators/values?level=INSTITUTION&subject=" + w.primary + "&period=" + month)
                .status()).isIn(403, 404);
        // the prescriptions behind the values instead, marked as counted, without the resident
        var office = ConsoleSession.login(port, w.office);
        String records = "/console/indicators/records?level=INSTITUTION&subject=" + w.primary + "&period=" + month + "&indicator=";
        String i14 = office.get(records + "I-14").body().replaceAll("\\s+", " ");
        assertThat(i14.split("class=\"prescription\"", -1)).hasSize(4); // reviewed A, B, D
        assertThat(i14.split("<td>分子</td>", -1)).hasSize(3); // returned A, D
        assertThat(i14).contains("曾退回", "医生坚持原处方", "已发药").doesNotContain(w.resident.toString());
        String i27 = office.get(records + "I-27").body();
        assertThat(i27.split("class=\"prescription\"", -1)).hasSize(3);
        assertThat(i27.split("<td>分子</td>", -1)).hasSize(2);
        assertThat(office.get(records + "I-28").body()).contains("超 4 周，已评估并经患者确认");
        assertThat(office.get(records + "I-26").body().split("class=\"prescription\"", -1)).hasSize(3);
        assertThat(office.get(records + "I-31").body().split("<td>分子</td>", -1)).hasSize(4);
        // I-29's rows are the value's: four catalogue items, three mapped; the unmapped one first, named as such
        String i29 = office.get(records + "I-29").body().replaceAll("\\s+", " ");
        assertThat(i29.split("class=\"catalogue-item\"", -1)).hasSize(5);
        assertThat(i29.split("<td>分子</td>", -1)).hasSize(4);
        assertThat(i29).contains("自制合剂", "未对照", "F0034");
        assertThat(i29.indexOf("自制合剂")).isLessThan(i29.indexOf("F0034"));
    }

    private static JsonNode indicator(Map<String, JsonNode> values, String id) {
        return java.util.Objects.requireNonNull(values.get(id), id);
    }

    private static void assertPart(Map<String, JsonNode> values, String id, String key, long numerator, long denominator) {
        JsonNode value = indicator(values, id);
        var matching = new ArrayList<JsonNode>();
        value.get("parts").forEach(p -> {
            if (key.equals(p.get("key").asString())) {
                matching.add(p);
            }
        });
        assertThat(matching).as(value.toString()).hasSize(1);
        JsonNode part = matching.get(0);
        assertThat(part.get("numerator").decimalValue()).as(value.toString()).isEqualByComparingTo(String.valueOf(numerator));
        assertThat(part.get("denominator").decimalValue()).as(value.toString()).isEqualByComparingTo(String.valueOf(denominator));
    }

    private static void assertTarget(Map<String, JsonNode> values, String id, String rule, String target, boolean met) {
        JsonNode t = indicator(values, id).get("target");
        assertThat(t.get("ruleId").asString()).isEqualTo(rule);
        assertThat(t.get("value").decimalValue()).isEqualByComparingTo(target);
        assertThat(t.get("applies").asBoolean()).isTrue();
        assertThat(t.get("met").asBoolean()).as(t.toString()).isEqualTo(met);
    }

    private static void assertFraction(Map<String, JsonNode> values, String id, long numerator, long denominator) {
        JsonNode value = indicator(values, id);
        assertThat(value.get("numerator").decimalValue()).as(value.toString()).isEqualByComparingTo(String.valueOf(numerator));
        assertThat(value.get("denominator").decimalValue()).as(value.toString()).isEqualByComparingTo(String.valueOf(denominator));
    }

    @Test
    void RX1_sevenOutpatientDaysPassAndEightWithoutAReasonAreRefused() {
        var w = w();
        var api = w.as(w.gp);
        assertThat(api.post(RX, body(w.resident, "OUTPATIENT", "J06.9", "", item("F0001", "5", "QD", 7))).status()).isEqualTo(201);
        long before = written(w.resident);
        var r = api.post(RX, body(w.resident, "OUTPATIENT", "J06.9", "", item("F0001", "5", "QD", 8)));
        refused(r, "RX-1", w.resident, before);
        assertThat(r.body()).contains("处方一般不得超过7日用量");
    }

    @Test
    void RX1_threeEmergencyDaysPassAndFourAreRefused() {
        var w = w();
        var api = w.as(w.gp);
        assertThat(api.post(RX, body(w.resident, "EMERGENCY", "J06.9", "", item("F0001", "5", "QD", 3))).status()).isEqualTo(201);
        long before = written(w.resident);
        refused(api.post(RX, body(w.resident, "EMERGENCY", "J06.9", "", item("F0001", "5", "QD", 4))), "RX-1", w.resident, before);
    }

    @Test
    void RX2_threeDaysValidityPassAndFourAreRefused() {
        var w = w();
        var api = w.as(w.gp);
        assertThat(api.post(RX, body(w.resident, "OUTPATIENT", "I10", "\"validityDays\":3", item("F0001", "5", "QD", 7))).status())
                .isEqualTo(201);
        long before = written(w.resident);
        refused(api.post(RX, body(w.resident, "OUTPATIENT", "I10", "\"validityDays\":4", item("F0001", "5", "QD", 7))), "RX-2",
                w.resident, before);
    }

    @Test
    void RX3_fiveItemsPassSixAreRefusedAndDecoctionPiecesGoAlone() {
        var w = w();
        var api = w.as(w.gp);
        String[] five = {item("F0001", "5", "QD", 7), item("F0034", "500", "BID", 7), item("F0059", "20", "QN", 7),
                item("F0085", "20", "QD", 7), item("F0018", "25", "BID", 7)};
        assertThat(api.post(RX, body(w.resident, "OUTPATIENT", "I10", "", five)).status()).isEqualTo(201);
        long before = written(w.resident);
        String[] six = java.util.Arrays.copyOf(five, 6);
        six[5] = item("F0011", "80", "QD", 7);
        refused(api.post(RX, body(w.resident, "OUTPATIENT", "I10", "", six)), "RX-3", w.resident, before);
        refused(api.post(RX, body(w.resident, "OUTPATIENT", "I10", "", item("F0001", "5", "QD", 7), item("D0001", "15", "QD", 7))), "RX-3",
                w.resident, before);
    }

    @Test
    void RX4_narcoticLimitsByFormOnBothSides() {
        var w = w();
        var api = w.as(w.gp);
        // other forms 3 days, controlled release 7 days, injections one dose (1 day)
        assertThat(api.post(RX, body(w.resident, "OUTPATIENT", "R52", "", item("F0130", "10", "Q8H", 3))).status()).isEqualTo(201);
        assertThat(api.post(RX, body(w.resident, "OUTPATIENT", "R52", "", item("F0129", "30", "Q12H", 7))).status()).isEqualTo(201);
        assertThat(api.post(RX, body(w.resident, "OUTPATIENT", "R52", "", item("F0128", "10", "ONCE", 1))).status()).isEqualTo(201);
        long before = written(w.resident);
        refused(api.post(RX, body(w.resident, "OUTPATIENT", "R52", "", item("F0130", "10", "Q8H", 4))), "RX-4", w.resident, before);
        refused(api.post(RX, body(w.resident, "OUTPATIENT", "R52", "\"reason\":\"癌痛\"", item("F0129", "30", "Q12H", 8))), "RX-4",
                w.resident, before);
        refused(api.post(RX, body(w.resident, "OUTPATIENT", "R52", "", item("F0128", "10", "ONCE", 2))), "RX-4", w.resident, before);
    }

    @Test
    void RX5_longPrescriptionsOnlyForListedDiseasesAndEligibleDrugs() {
        var w = w();
        var api = w.as(w.gp);
        long before = written(w.resident);
        var antimicrobial = api.post(RX, body(w.resident, "OUTPATIENT", "I10", "\"chronic\":true,\"reason\":\"长期\"",
                item("F0190", "0.5", "TID", 14)));
        refused(antimicrobial, "RX-5", w.resident, before);
        var notListed = api.post(RX, body(w.resident, "OUTPATIENT", "J06.9", "\"chronic\":true,\"reason\":\"长期\"",
                item("F0001", "5", "QD", 14)));
        refused(notListed, "RX-5", w.resident, before);
    }

    @Test
    void RX6_twentyEightDaysPassAndTwentyNineNeedTheAssessmentAndTheConfirmation() {
        var w = w();
        var api = w.as(w.gp);
        var ok = w.created(api.post(RX, w.hypertension(w.resident, 28, false)));
        assertThat(ok.get("longPrescription").asBoolean()).isTrue();
        long before = written(w.resident);
        var r = api.post(RX, w.hypertension(w.resident, 29, false));
        refused(r, "RX-6", w.resident, before);
        assertThat(r.body()).contains("超过4周的长期处方");
        assertThat(api.post(RX, w.hypertension(w.resident, 29, true)).status()).isEqualTo(201);
    }

    @Test
    void RX6_eightyFourDaysPassNationallyAndEightyFiveAreRefused() {
        var w = w();
        var api = w.as(w.gp);
        var ok = w.created(api.post(RX, w.hypertension(w.resident, 84, true)));
        assertThat(ok.get("maxDays").asInt()).isEqualTo(84);
        assertThat(ok.get("longPrescriptionRule").asString()).isEqualTo("RX-6");
        long before = written(w.resident);
        var r = api.post(RX, w.hypertension(w.resident, 85, true));
        refused(r, "RX-6", w.resident, before);
        assertThat(ruleIds(r)).containsExactly("RX-6");
    }

    @Test
    void RX6_twelveWeeksAreEnteredAsWeeksStoredAsDaysAndShownBackAsWeeks() {
        var w = w();
        var api = w.as(w.gp);
        String extra = "\"chronic\":true,\"reason\":\"高血压病情稳定，长期用药\","
                + "\"assessmentNote\":\"血压控制平稳，依从性好\",\"patientConfirmed\":true";
        var ok = w.created(api.post(RX, body(w.resident, "OUTPATIENT", "I10", extra, weeks("F0001", 12))));
        JsonNode line = ok.get("items").get(0);
        assertThat(line.get("daysSupply").asInt()).isEqualTo(84);
        assertThat(line.get("weeksSupply").asInt()).isEqualTo(12);
        var tenDays = w.created(api.post(RX, body(w.resident, "OUTPATIENT", "I10", "", item("F0001", "5", "QD", 7),
                item("F0004", "2.5", "QD", 5))));
        assertThat(tenDays.get("items").get(0).get("weeksSupply").asInt()).isEqualTo(1);
        assertThat(tenDays.get("items").get(1).get("weeksSupply").isNull()).isTrue();
        long before = written(w.resident);
        refused(api.post(RX, body(w.resident, "OUTPATIENT", "I10", extra, weeks("F0001", 13))), "RX-6", w.resident, before);
        var disagree = api.post(RX, body(w.resident, "OUTPATIENT", "I10", extra,
                "{\"drugCode\":\"F0001\",\"dose\":5,\"frequency\":\"QD\",\"weeksSupply\":12,\"daysSupply\":80}"));
        assertThat(disagree.status()).as(disagree.body()).isEqualTo(400);
        assertThat(disagree.body()).contains("items.weeksSupply");
        var zero = api.post(RX, body(w.resident, "OUTPATIENT", "I10", "", weeks("F0001", 0)));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.body()).contains("items.weeksSupply");
        assertThat(written(w.resident)).isEqualTo(before);
    }

    private static String weeks(String code, int weeks) {
        return "{\"drugCode\":\"%s\",\"dose\":5,\"frequency\":\"QD\",\"weeksSupply\":%d}".formatted(code, weeks);
    }

    @Test
    void CQ5_sixtyDaysPassInChongqingAndSixtyOneAreRefused() {
        var w = w();
        var api = w.as(w.cqGp);
        var ok = w.created(api.post(RX, w.hypertension(w.cqResident, 60, true)));
        assertThat(ok.get("maxDays").asInt()).isEqualTo(60);
        assertThat(ok.get("longPrescriptionRule").asString()).isEqualTo("CQ-5");
        long before = written(w.cqResident);
        var r = api.post(RX, w.hypertension(w.cqResident, 61, true));
        refused(r, "CQ-5", w.cqResident, before);
        assertThat(r.body()).contains("不超过2个月用药量");
    }

    @Test
    void RX13_onlinePrescriptionsCarryNoNarcotics() {
        var w = w();
        var api = w.as(w.gp);
        assertThat(api.post(RX, body(w.resident, "INTERNET", "I10", "", item("F0001", "5", "QD", 7))).status()).isEqualTo(201);
        long before = written(w.resident);
        refused(api.post(RX, body(w.resident, "INTERNET", "R52", "", item("F0130", "10", "Q8H", 1))), "RX-13", w.resident, before);
    }

    @Test
    void badInputIsA400NamingTheField() {
        var w = w();
        var api = w.as(w.gp);
        long before = written(w.resident);
        var unknownDrug = api.post(RX, body(w.resident, "OUTPATIENT", "I10", "", item("X9999", "5", "QD", 7)));
        assertThat(unknownDrug.status()).isEqualTo(400);
        assertThat(unknownDrug.body()).contains("items.drugCode");
        var badFrequency = api.post(RX, body(w.resident, "OUTPATIENT", "I10", "", item("F0001", "5", "SOMETIMES", 7)));
        assertThat(badFrequency.status()).isEqualTo(400);
        assertThat(api.post(RX, body(w.resident, "OUTPATIENT", "hypertension", "", item("F0001", "5", "QD", 7))).status()).isEqualTo(400);
        assertThat(api.post(RX, body(w.resident, "OUTPATIENT", "I10", "")).status()).isEqualTo(400);
        assertThat(api.post(RX, "{\"residentId\":").status()).isEqualTo(400);
        assertThat(written(w.resident)).isEqualTo(before);
    }

    @Test
    void RX9_preScreenFindsDuplicationAndATcmWesternInteraction() {
        var w = w();
        var p = w.created(w.as(w.gp).post(RX, body(w.resident, "OUTPATIENT", "I10", "", item("F0001", "5", "QD", 7),
                item("F0002", "30", "QD", 7), item("F0072", "2.5", "QD", 7), item("F0259", "10", "TID", 7))));
        var categories = new ArrayList<String>();
        var rules = new ArrayList<String>();
        p.get("findings").forEach(f -> {
            categories.add(f.get("category").asString());
            rules.add(f.get("ruleId").asString());
        });
        assertThat(categories).contains("DUPLICATION", "INTERACTION");
        assertThat(rules).contains("RX-12");
        var clean = w.created(w.as(w.gp).post(RX, body(w.resident, "OUTPATIENT", "I10", "", item("F0001", "5", "QD", 7))));
        assertThat(clean.get("findings").size()).isZero();
    }

    @Test
    void RX11_aPrimarySitesPrescriptionIsInThePreReviewCentresQueueOnly() {
        var w = w();
        String id = w.inReview();
        var view = w.as(w.gp).get(RX + "/" + id).json();
        assertThat(view.get("reviewingInstitutionId").asString()).isEqualTo(w.lead.toString());
        assertThat(view.get("reviewedByCentre").asBoolean()).isTrue();
        assertThat(view.get("dueAt").isNull()).isFalse();
        var queue = w.as(w.leadPharmacist).get("/api/pharmacy/review-queue");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains(id);
        assertThat(w.as(w.districtPharmacist).get("/api/pharmacy/review-queue").body()).doesNotContain(id);
        assertThat(w.as(w.districtPharmacist).post(RX + "/" + id + "/approve", "{}").status()).isEqualTo(404);
        assertThat(w.as(w.gp).post(RX + "/" + id + "/approve", "{}").status()).isEqualTo(403);
        // a secondary hospital reviews its own prescriptions
        var own = w.created(w.as(w.districtSpecialist).post(RX, body(w.resident, "OUTPATIENT", "I10", "", item("F0001", "5", "QD", 7))));
        assertThat(own.get("reviewingInstitutionId").asString()).isEqualTo(w.district.toString());
    }

    @Test
    void RX8_reviewStateMachineReturnFixApproveAndIllegalTransitions() {
        var w = w();
        String id = w.inReview();
        var ph = w.as(w.leadPharmacist);
        assertThat(ph.post(RX + "/" + id + "/return", "{}").status()).isEqualTo(400);
        var returned = ph.post(RX + "/" + id + "/return", "{\"reason\":\"重复用药\"}");
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().get("status").asString()).isEqualTo("RETURNED");
        assertThat(ph.post(RX + "/" + id + "/approve", "{}").status()).isEqualTo(409);
        var fixed = w.as(w.gp).post(RX + "/" + id + "/resubmit", body(w.resident, "OUTPATIENT", "I10", "", item("F0001", "5", "QD", 7)));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat(fixed.json().get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(fixed.json().get("reviewRound").asInt()).isEqualTo(2);
        assertThat(w.as(w.gp).post(RX + "/" + id + "/resubmit", body(w.resident, "OUTPATIENT", "I10", "", item("F0001", "5", "QD", 7)))
                .status()).isEqualTo(409);
        var approved = ph.post(RX + "/" + id + "/approve", "{\"note\":\"注意监测血压\"}");
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("reviewNote").asString()).isEqualTo("注意监测血压");
        assertThat(ph.post(RX + "/" + id + "/approve", "{}").status()).isEqualTo(409);
        assertThat(ph.post(RX + "/" + id + "/return", "{\"reason\":\"x\"}").status()).isEqualTo(409);
        // dispensing before approval is illegal
        String other = w.inReview();
        assertThat(w.as(w.leadPharmacist).post(RX + "/" + other + "/dispense", "{}").status()).isEqualTo(403);
    }

    @Test
    void RX8_prescriberOverrideIsRecordedAndCounted() {
        var w = w();
        String id = w.inReview();
        w.as(w.leadPharmacist).post(RX + "/" + id + "/return", "{\"reason\":\"剂量偏大\"}");
        assertThat(w.as(w.gp).post(RX + "/" + id + "/override", "{}").status()).isEqualTo(400);
        var o = w.as(w.gp).post(RX + "/" + id + "/override", "{\"reason\":\"患者既往耐受良好\"}");
        assertThat(o.status()).as(o.body()).isEqualTo(200);
        assertThat(o.json().get("overrides").asInt()).isEqualTo(1);
        assertThat(o.json().get("overrideReason").asString()).isEqualTo("患者既往耐受良好");
        assertThat(o.json().get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(w.as(w.gp).get("/api/pharmacy/statistics").json().get("overrides").asLong()).isPositive();
    }

    @Test
    void RX15_dispensedAtAnotherMemberChosenAndConfirmedByThePatient() {
        var w = w();
        var api = w.as(w.gp);
        String site = "\"dispensingInstitutionId\":\"%s\"".formatted(w.district);
        assertThat(api.post(RX, body(w.resident, "OUTPATIENT", "I10", site, item("F0001", "5", "QD", 7))).status()).isEqualTo(400);
        String foreign = "\"dispensingInstitutionId\":\"%s\",\"siteConfirmedByPatient\":true".formatted(w.cqPrimary);
        assertThat(api.post(RX, body(w.resident, "OUTPATIENT", "I10", foreign, item("F0001", "5", "QD", 7))).status()).isEqualTo(400);
        var p = w.created(api.post(RX, body(w.resident, "OUTPATIENT", "I10", site + ",\"siteConfirmedByPatient\":true",
                item("F0001", "5", "QD", 7))));
        String id = p.get("id").asString();
        assertThat(w.as(w.districtPharmacist).get(RX + "/" + id).status()).isEqualTo(404);
        w.as(w.leadPharmacist).post(RX + "/" + id + "/approve", "{}");
        assertThat(w.as(w.districtPharmacist).get("/api/pharmacy/dispensing").body()).contains(id);
        assertThat(w.as(w.leadPharmacist).post(RX + "/" + id + "/dispense", "{}").status()).isEqualTo(403);
        assertThat(w.as(w.districtPharmacist).post(RX + "/" + id + "/not-dispensed", "{}").status()).isEqualTo(400);
        var partial = w.as(w.districtPharmacist).post(RX + "/" + id + "/dispense-partial", "{\"reason\":\"OUT_OF_STOCK\"}");
        assertThat(partial.json().get("status").asString()).isEqualTo("PARTIALLY_DISPENSED");
        var done = w.as(w.districtPharmacist).post(RX + "/" + id + "/dispense", "{}");
        assertThat(done.json().get("status").asString()).isEqualTo("DISPENSED");
        assertThat(w.as(w.gp).get(RX + "/" + id).json().get("status").asString()).isEqualTo("DISPENSED");
        assertThat(w.as(w.districtPharmacist).post(RX + "/" + id + "/dispense", "{}").status()).isEqualTo(409);
        assertThat(audit.search(AuditTrail.AuditQuery.forObject("Prescription", id)).size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void RX15_thePatientsChangeOfSiteIsConfirmedAndAudited() {
        var w = w();
        String id = w.inReview();
        var api = w.as(w.gp);
        String path = RX + "/" + id + "/dispensing-site";
        assertThat(api.post(path, "{\"institutionId\":\"%s\"}".formatted(w.district)).status()).isEqualTo(400);
        var moved = api.post(path,
                "{\"institutionId\":\"%s\",\"confirmedByPatient\":true,\"centralDistribution\":true}".formatted(w.district));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("centralDistribution").asBoolean()).isTrue();
        assertThat(audit.search(AuditTrail.AuditQuery.forObject("Prescription", id)).stream()
                .anyMatch(e -> String.valueOf(e.detail()).contains("DISPENSING_SITE"))).isTrue();
    }

    @Test
    void sideDoorsSeeNothing() {
        var w = w();
        String id = w.inReview();
        assertThat(w.as(w.outsiderGp).get(RX + "/" + id).status()).isEqualTo(404);
        assertThat(w.as(w.outsiderPharmacist).get(RX + "/" + id).status()).isEqualTo(404);
        assertThat(w.as(w.outsiderPharmacist).post(RX + "/" + id + "/approve", "{}").status()).isEqualTo(404);
        assertThat(w.as(w.gp).get(RX + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(w.as(w.outsiderGp).get(RX).body()).doesNotContain(id);
        assertThat(w.as(w.cqGp).get(RX).body()).doesNotContain(id);
        // naming a resident without a care relationship is refused like an unknown resident, and nothing is written
        long before = written(w.stranger);
        assertThat(w.as(w.gp).post(RX, body(w.stranger, "OUTPATIENT", "I10", "", item("F0001", "5", "QD", 7))).status()).isEqualTo(404);
        assertThat(w.as(w.gp).post(RX, body(UUID.randomUUID(), "OUTPATIENT", "I10", "", item("F0001", "5", "QD", 7))).status())
                .isEqualTo(404);
        assertThat(written(w.stranger)).isEqualTo(before);
        // pharmacists do not prescribe
        assertThat(w.as(w.leadPharmacist).post(RX, body(w.resident, "OUTPATIENT", "I10", "", item("F0001", "5", "QD", 7))).status())
                .isEqualTo(403);
        // reads are audited with the resident as subject
        w.as(w.gp).get(RX + "/" + id);
        assertThat(audit.search(AuditTrail.AuditQuery.forObject("Prescription", id)).stream()
                .anyMatch(e -> e.action() == org.medunion.audit.AuditAction.READ)).isTrue();
    }

    @Test
    void RX14_catalogueMappingCoverageShowsTheUnmappedItems() {
        var w = w();
        var api = w.as(w.gp);
        var cov = api.put("/api/pharmacy/catalogues/" + w.primary, """
                [{"localCode":"A01","localName":"络活喜 5mg","formularyCode":"F0001"},
                 {"localCode":"A02","localName":"拜新同 30mg","formularyCode":"F0002"},
                 {"localCode":"A03","localName":"自制合剂","formularyCode":null}]""");
        assertThat(cov.status()).as(cov.body()).isEqualTo(200);
        assertThat(cov.json().get("mapped").asInt()).isEqualTo(2);
        assertThat(cov.json().get("belowTarget").asBoolean()).isTrue();
        assertThat(cov.json().get("unmapped").get(0).get("localCode").asString()).isEqualTo("A03");
        assertThat(api.put("/api/pharmacy/catalogues/" + w.district, "[{\"localCode\":\"B\",\"localName\":\"x\"}]").status())
                .isEqualTo(403);
        assertThat(
                api.put("/api/pharmacy/catalogues/" + w.primary, "[{\"localCode\":\"B\",\"localName\":\"x\",\"formularyCode\":\"NOPE\"}]")
                        .status())
                .isEqualTo(400);
        assertThat(w.as(w.gp).get("/api/pharmacy/formulary?q=氨氯地平").body()).contains("F0001");
        // the office's console page and its export: the member below target with the unmapped item by name
        var office = ConsoleSession.login(port, w.office);
        var page = office.get("/console/pharmacy/coverage");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("自制合剂").contains("未达标").doesNotContain("A03");
        var csv = office.get("/console/pharmacy/coverage/export.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("自制合剂").contains("66.7%");
        assertThat(ConsoleSession.login(port, w.gp).get("/console/pharmacy/coverage").status()).isEqualTo(403);
        var outsider = ConsoleSession.login(port, w.outsiderPharmacist).get("/console/pharmacy/coverage");
        assertThat(outsider.status()).isEqualTo(200);
        assertThat(outsider.body()).doesNotContain("自制合剂");
    }

    private long catalogueRows(UUID institution) {
        return jdbc.sql("select count(*) from pharmacy_catalogue_item where institution_id = ?").param(institution)
                .query(Long.class).single();
    }

    /**
     * RX-14's catalogue import: a CSV with the template's Chinese header (and a byte order mark) or in GB18030 as Excel
     * saves it; a file with problems is refused whole with every row, column and rule; another member's catalogue is
     * 403.
     */
    @Test
    void RX14_aCatalogueFileImportsWhole_orIsRefusedWithEveryProblemAndNothingWritten() {
        var w = new PharmacyFixture(port, registry, residents, accounts); // a member whose catalogue only this test writes
        var api = w.as(w.gp);
        String path = "/api/pharmacy/catalogues/" + w.primary + "/import";
        String good = "\uFEFF本地编码,本地名称,联盟目录编码,规格\r\nI01,络活喜 5mg,F0001,5mg*7\r\nI02,\"复方甘草片, 100片\",,\r\n";
        var imported = api.sendBytes("POST", path, good.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("rows").asInt()).isEqualTo(2);
        assertThat(imported.json().get("mapped").asInt()).isEqualTo(1);
        assertThat(imported.json().get("coverage").get("unmapped").get(0).get("localName").asString()).isEqualTo("复方甘草片, 100片");
        assertThat(catalogueRows(w.primary)).isEqualTo(2);
        var gbk = api.sendBytes("POST", path, "local_code,local_name,formulary_code\nI03,阿司匹林肠溶片,\n"
                .getBytes(java.nio.charset.Charset.forName("GB18030")), "text/csv");
        assertThat(gbk.status()).as(gbk.body()).isEqualTo(200);
        assertThat(gbk.json().get("coverage").toString()).contains("阿司匹林肠溶片");

        String bad = "本地编码,本地名称,联盟目录编码\nJ01,,F0001\nJ02,某药,NOPE\nJ03,好药,F0002\nJ03,重复,\nJ04,控制\u0007字符,\n";
        var refused = api.sendBytes("POST", path, bad.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        var rows = new ArrayList<String>();
        refused.json().get("rejected").forEach(r -> rows.add(r.get("row").asInt() + ":" + r.get("code").asString()));
        assertThat(rows).containsExactly("1:field.required", "2:PHARMACY-0002", "4:import.duplicate", "5:text.controlCharacter");
        assertThat(refused.body()).contains("本地名称").contains("NOPE").contains("与第 3 行重复");
        assertThat(catalogueRows(w.primary)).as("nothing of a refused file is written").isEqualTo(3);
        var noColumn = api.sendBytes("POST", path, "编码,名称\nK1,x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
        assertThat(noColumn.status()).isEqualTo(422);
        assertThat(noColumn.body()).contains("import.missingColumn").contains("\"row\":0");
        var tooBig = org.medunion.support.Multipart.of(Map.of(), "file", "big.csv", new byte[3 * 1024 * 1024 + 10]);
        var big = api.sendBytes("POST", path, tooBig.body(), tooBig.contentType());
        assertThat(big.status()).as(big.body()).isEqualTo(413);
        assertThat(catalogueRows(w.primary)).isEqualTo(3);
        assertThat(api.sendBytes("POST", "/api/pharmacy/catalogues/" + w.district + "/import",
                good.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv").status()).isEqualTo(403);
    }

    /** The office's console: the template, an .xlsx upload with the form's CSRF token, a refused file shown row by row. */
    @Test
    void RX14_theOfficeImportsAnExcelCatalogueInTheConsole() throws Exception {
        var w = new PharmacyFixture(port, registry, residents, accounts);
        var office = ConsoleSession.login(port, w.office);
        var page = office.get("/console/pharmacy/coverage");
        assertThat(page.body()).contains("id=\"catalogue-import\"").contains("enctype=\"multipart/form-data\"")
                .contains("data-max-bytes=\"2097152\"").contains("data-too-large=\"字段 文件：文件不能超过 2 MB\"");
        var template = office.get("/console/pharmacy/coverage/template.csv");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.body()).contains("\"本地编码\",\"本地名称\",\"联盟目录编码\"");
        byte[] xlsx = Workbooks.of(List.of(List.of("本地编码", "本地名称", "联盟目录编码"), List.of("X01", "硝苯地平控释片", "F0002"),
                List.of("X02", "院内制剂", "")));
        var done = office.postFile("/console/pharmacy/coverage", Map.of("institutionId", w.primary.toString()), "file",
                "目录.xlsx", xlsx, page);
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        var after = office.get("/console/pharmacy/coverage");
        assertThat(after.body()).contains("已导入 2 行：1 条已对照，1 条未对照").contains("院内制剂");
        assertThat(catalogueRows(w.primary)).isEqualTo(2);
        var refused = office.postFile("/console/pharmacy/coverage", Map.of("institutionId", w.primary.toString()), "file",
                "目录.xlsx", Workbooks.of(List.of(List.of("本地编码", "本地名称"), List.of("X03", ""))), after);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"import-rejected\"").contains("未写入任何内容").contains("字段 本地名称 为必填项");
        var notExcel = office.postFile("/console/pharmacy/coverage", Map.of("institutionId", w.primary.toString()), "file",
                "目录.xlsx", "not a workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8), after);
        assertThat(notExcel.status()).isEqualTo(400);
        assertThat(notExcel.body()).contains("文件无法读取");
        assertThat(catalogueRows(w.primary)).isEqualTo(2);
        var outsider = ConsoleSession.login(port, w.outsiderPharmacist);
        assertThat(outsider.postFile("/console/pharmacy/coverage", Map.of("institutionId", w.primary.toString()), "file",
                "目录.xlsx", xlsx, outsider.get("/console/pharmacy/coverage")).status()).isEqualTo(403);
    }

    /**
     * The prescriber's list pages in SQL, 20 a page: returned prescriptions first (they wait for the prescriber), then
     * the newest; before, the list read the 500 oldest and sorted those.
     */
    @Test
    void thePrescribersListPagesInSql_returnedFirstThenNewest() {
        var w = new PharmacyFixture(port, registry, residents, accounts); // its own GP: the list holds only these
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            ids.add(w.inReview());
        }
        String oldest = ids.get(0);
        assertThat(w.as(w.leadPharmacist).post(RX + "/" + oldest + "/return", "{\"reason\":\"重复用药\"}").status()).isEqualTo(200);
        var gp = ConsoleSession.login(port, w.gp);
        var first = gp.get("/console/pharmacy/prescriptions").body();
        assertThat(rowLinks(first)).hasSize(20);
        assertThat(rowLinks(first).get(0)).as("the returned one leads").isEqualTo(oldest);
        assertThat(rowLinks(first).get(1)).as("then the newest").isEqualTo(ids.get(20));
        assertThat(first).contains("href=\"/console/pharmacy/prescriptions?page=1\"");
        var second = gp.get("/console/pharmacy/prescriptions?page=1").body();
        assertThat(rowLinks(second)).containsExactly(ids.get(1));
    }

    static List<String> rowLinks(String html) {
        var m = java.util.regex.Pattern.compile("href=\"/console/pharmacy/prescriptions/([0-9a-f-]{36})\"").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            if (!out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
