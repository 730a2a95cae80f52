package org.medunion.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.diagnostics.DiagnosticsFixture.candidate;
import static org.medunion.diagnostics.DiagnosticsFixture.ok;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medunion.support.RunningCity;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Diagnostics over HTTP (issue 15): recognition at order entry on both sides of each parameter (NAT-R-2, 4, 5, 9,
 * 12), decisions with the avoided price, orders to a centre with turnaround and critical acknowledgement (SC-2, SC-5),
 * access by care relationship with audit, and the side doors.
 */
abstract class DiagnosticsContract extends RunningCity {

    @Autowired
    DiagnosticsManagement diagnostics;

    DiagnosticsFixture world() {
        return new DiagnosticsFixture(port, registry, residents, accounts);
    }

    static List<String> codes(JsonNode candidate) {
        List<String> out = new ArrayList<>();
        candidate.get("reasons").forEach(r -> out.add(r.get("code").asString()));
        return out;
    }

    long audited(String objectType, String objectId, String action) {
        return jdbc.sql("select count(*) from audit_event where object_type = ? and object_id = ? and action = ?")
                .params(objectType, objectId, action).query(Long.class).single();
    }

    @Test
    void NATR4_hba1c40DaysOldFromTheLeadIsOfferedAndRecognisedWithTheAvoidedPrice() {
        var w = world();
        String report = w.report(w.hba1c, w.lead, 40);
        JsonNode offer = w.offer(w.gp, w.hba1c);
        assertThat(offer.get("windowDays").asInt()).isEqualTo(60);
        assertThat(offer.get("listJurisdiction").asString()).isEqualTo("310104");
        JsonNode c = candidate(offer, report);
        assertThat(c.get("offered").asBoolean()).isTrue();
        assertThat(c.get("ageDays").asLong()).isEqualTo(40);
        assertThat(c.get("mark").asString()).isEqualTo("全国HR");
        assertThat(codes(c)).contains("WITHIN_WINDOW", "ON_LIST", "QC_VALID");
        assertThat(c.get("reasons").get(0).get("text").asString()).isNotBlank();
        // the clinician reads the list's place, not its GB/T 2260 code (the code stays in listJurisdiction)
        c.get("reasons").forEach(r -> {
            if (r.get("code").asString().equals("ON_LIST")) {
                assertThat(r.get("text").asString()).contains("徐汇区").doesNotContain("310104");
            }
        });

        JsonNode decision = ok(w.as(w.gp).post("/api/diagnostics/decisions", """
                {"residentId":"%s","itemCode":"%s","reportId":"%s"}""".formatted(w.resident, w.hba1c, report)), 201);
        assertThat(decision.get("outcome").asString()).isEqualTo("RECOGNISED");
        assertThat(decision.get("avoidedPrice").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(audited("RecognitionDecision", decision.get("id").asString(), "CREATE")).isEqualTo(1);

        JsonNode overview = ok(w.as(w.office).get("/api/diagnostics/overview"), 200);
        assertThat(overview.get("recognitions").asLong()).isEqualTo(1);
        assertThat(overview.get("avoidedCost").decimalValue()).isEqualByComparingTo("60.00");
    }

    @Test
    void NATR4_electrolyteOnTheLastDayOfItsSevenDayWindowIsOffered_eightDaysOldIsNot() {
        var w = world();
        String seven = w.report(w.potassium, w.lead, 7);
        String eight = w.report(w.potassium, w.lead, 8);
        JsonNode offer = w.offer(w.gp, w.potassium);
        assertThat(offer.get("windowDays").asInt()).isEqualTo(7);
        assertThat(candidate(offer, seven).get("offered").asBoolean()).isTrue();
        JsonNode old = candidate(offer, eight);
        assertThat(old.get("offered").asBoolean()).isFalse();
        assertThat(codes(old)).contains("WINDOW_EXCEEDED");
        List<String> exceededBy = new ArrayList<>();
        old.get("reasons").forEach(r -> {
            if (r.get("code").asString().equals("WINDOW_EXCEEDED")) {
                exceededBy.add(r.get("args").get(0).asString());
            }
        });
        assertThat(exceededBy).containsExactly("1");

        var refused = w.as(w.gp).post("/api/diagnostics/decisions", """
                {"residentId":"%s","itemCode":"%s","reportId":"%s"}""".formatted(w.resident, w.potassium, eight));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("DIAGNOSTICS-0012").contains("reportId");
    }

    @Test
    void NATR2_qcThatEndedTheDayBeforeTheResultIsNotOffered_endingOnTheResultDayIs() {
        var w = world();
        var day = w.today.minusDays(3);
        w.qc(w.district, w.potassium, true, "PROVINCIAL", "上海", day.minusYears(1), day.minusDays(1));
        String expired = w.report(w.potassium, w.district, 3);
        JsonNode offer = w.offer(w.gp, w.potassium);
        assertThat(candidate(offer, expired).get("offered").asBoolean()).isFalse();
        assertThat(codes(candidate(offer, expired))).contains("QC_EXPIRED");

        w.qc(w.district, w.potassium, true, "PROVINCIAL", "上海", day, day);
        JsonNode again = w.offer(w.gp, w.potassium);
        assertThat(candidate(again, expired).get("offered").asBoolean()).isTrue();
        assertThat(candidate(again, expired).get("mark").asString()).isEqualTo("上海HR");
    }

    @Test
    void NATR9_theLeadDoesNotRecogniseAPrimaryInstitutionOutsideItsTightGroup_butItsOwnMembers() {
        var w = world();
        w.qc(w.outside, w.hba1c, true, "PREFECTURE", "某市", w.today.minusYears(1), w.today.plusYears(1));
        w.qc(w.primary, w.hba1c, true, "PREFECTURE", "上海市", w.today.minusYears(1), w.today.plusYears(1));
        String foreign = w.report(w.hba1c, w.outside, 5);
        String member = w.report(w.hba1c, w.primary, 6);
        JsonNode offer = w.offer(w.specialist, w.hba1c);
        assertThat(candidate(offer, foreign).get("offered").asBoolean()).isFalse();
        assertThat(codes(candidate(offer, foreign))).contains("WRONG_DIRECTION");
        assertThat(candidate(offer, member).get("offered").asBoolean()).isTrue();
        assertThat(codes(candidate(offer, member))).contains("TIGHT_GROUP_ALL_ITEMS");
        // the community centre (lower) recognises the same foreign result's level upward? No: same level, and it is offered
        assertThat(candidate(w.offer(w.gp, w.hba1c), foreign).get("offered").asBoolean()).isTrue();
    }

    @Test
    void NATR12_criticalAndPreliminaryResultsAreNeverOffered() {
        var w = world();
        String critical = w.report(w.resident, w.hba1c, w.lead, w.today.minusDays(2), "FINAL", true, null);
        String preliminary = w.report(w.resident, w.hba1c, w.lead, w.today.minusDays(1), "PRELIMINARY", false, null);
        String amended = w.report(w.resident, w.hba1c, w.lead, w.today.minusDays(3), "AMENDED", false, null);
        JsonNode offer = w.offer(w.gp, w.hba1c);
        assertThat(codes(candidate(offer, critical))).contains("CRITICAL");
        assertThat(candidate(offer, critical).get("offered").asBoolean()).isFalse();
        assertThat(codes(candidate(offer, preliminary))).contains("PRELIMINARY");
        assertThat(candidate(offer, preliminary).get("offered").asBoolean()).isFalse();
        assertThat(candidate(offer, amended).get("offered").asBoolean()).isTrue();
    }

    @Test
    void NATR10_imagingWithoutAStudyReferenceIsNotOffered_withOneItIsWithoutWindow() {
        var w = world();
        String without = w.report(w.resident, w.ct, w.lead, w.today.minusDays(200), "FINAL", false, null);
        String with = w.report(w.resident, w.ct, w.lead, w.today.minusDays(300), "FINAL", false,
                "https://pacs.example/wado-rs/studies/1.2.3");
        JsonNode offer = w.offer(w.gp, w.ct);
        assertThat(offer.get("windowDays").isNull()).isTrue();
        assertThat(codes(candidate(offer, without))).contains("IMAGES_UNAVAILABLE");
        assertThat(candidate(offer, with).get("offered").asBoolean()).isTrue();
        assertThat(codes(candidate(offer, with))).contains("NO_WINDOW_DOCTOR_JUDGES");
    }

    @Test
    void NATR5_reexaminationNeedsAReasonAndTextFor07And08_andIsNeverBlocked() {
        var w = world();
        w.report(w.hba1c, w.lead, 10);
        String path = "/api/diagnostics/decisions";
        var none = w.as(w.gp).post(path, "{\"residentId\":\"%s\",\"itemCode\":\"%s\"}".formatted(w.resident, w.hba1c));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("DIAGNOSTICS-0009");
        var unknown = w.as(w.gp).post(path, "{\"residentId\":\"%s\",\"itemCode\":\"%s\",\"reasonCode\":\"42\"}"
                .formatted(w.resident, w.hba1c));
        assertThat(unknown.body()).contains("DIAGNOSTICS-0010");
        var noText = w.as(w.gp).post(path, "{\"residentId\":\"%s\",\"itemCode\":\"%s\",\"reasonCode\":\"07\"}"
                .formatted(w.resident, w.hba1c));
        assertThat(noText.status()).isEqualTo(400);
        assertThat(noText.body()).contains("DIAGNOSTICS-0011").contains("reasonText");
        var withText = ok(w.as(w.gp).post(path, "{\"residentId\":\"%s\",\"itemCode\":\"%s\",\"reasonCode\":\"07\",\"reasonText\":\"复核\"}"
                .formatted(w.resident, w.hba1c)), 201);
        assertThat(withText.get("outcome").asString()).isEqualTo("REEXAMINED");
        // an offered result does not block re-examining with reason 01, which needs no text
        var first = ok(w.as(w.gp).post(path, "{\"residentId\":\"%s\",\"itemCode\":\"%s\",\"reasonCode\":\"01\"}"
                .formatted(w.resident, w.hba1c)), 201);
        assertThat(first.get("avoidedPrice").decimalValue()).isEqualByComparingTo("0");
        assertThat(ok(w.as(w.gp).get("/api/diagnostics/decisions?residentId=" + w.resident), 200)).hasSize(2);
    }

    @Test
    void sideDoors_unrelatedInstitutionGuessedIdsAndForeignResidentsGetNothing() {
        var w = world();
        String report = w.report(w.hba1c, w.lead, 10);
        var offer = w.as(w.outsider).get("/api/diagnostics/recognisable?residentId=" + w.resident + "&itemCode=" + w.hba1c);
        assertThat(offer.status()).isEqualTo(404);
        assertThat(w.as(w.outsider).get("/api/diagnostics/results/" + report).status()).isEqualTo(404);
        assertThat(w.as(w.outsider).get("/api/diagnostics/results/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(ok(w.as(w.outsider).get("/api/diagnostics/results?residentId=" + w.resident), 200)).isEmpty();
        long before = jdbc.sql("select count(*) from diagnostics_report where resident_id = ?").param(w.resident).query(Long.class)
                .single();
        var foreign = w.as(w.outsider).post("/api/diagnostics/results", """
                {"residentId":"%s","itemCode":"%s","status":"FINAL","resultDate":"%s"}""".formatted(w.resident, w.hba1c, w.today));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body()).contains("DIAGNOSTICS-0008");
        var decision = w.as(w.outsider).post("/api/diagnostics/decisions",
                "{\"residentId\":\"%s\",\"itemCode\":\"%s\",\"reasonCode\":\"01\"}"
                        .formatted(w.resident, w.hba1c));
        assertThat(decision.status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from diagnostics_report where resident_id = ?").param(w.resident).query(Long.class).single())
                .isEqualTo(before);
        // the related GP reads it, and the read is audited with the care relationship as purpose
        ok(w.as(w.gp).get("/api/diagnostics/results/" + report), 200);
        assertThat(audited("DiagnosticReport", report, "READ")).isEqualTo(1);
        // a GP may not order in another institution's name
        assertThat(w.as(w.gp).get("/api/diagnostics/recognisable?residentId=" + w.resident + "&itemCode=" + w.hba1c
                + "&orderingInstitutionId=" + w.lead).status()).isEqualTo(403);
    }

    @Test
    void referenceData_onlyAdministratorsDefineItems_badListsAreRefusedWhole() {
        var w = world();
        var gpItem = w.as(w.gp).put("/api/diagnostics/items", "{\"code\":\"X1\",\"name\":\"x\",\"kind\":\"LAB\",\"listPrice\":1}");
        assertThat(gpItem.status()).isEqualTo(403);
        int versions = ok(w.admin().get("/api/diagnostics/lists/310104"), 200).size();
        var unknown = w.admin().post("/api/diagnostics/lists", """
                {"jurisdiction":"310104","entries":[{"itemCode":"%s","windowDays":7},{"itemCode":"NO-SUCH-%s"}]}"""
                .formatted(w.hba1c, w.hba1c));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("entries[1].itemCode");
        var negative = w.admin().post("/api/diagnostics/lists", """
                {"jurisdiction":"310104","entries":[{"itemCode":"%s","windowDays":-1}]}""".formatted(w.hba1c));
        assertThat(negative.body()).contains("DIAGNOSTICS-0003");
        assertThat(ok(w.admin().get("/api/diagnostics/lists/310104"), 200).size()).isEqualTo(versions);
        var badQc = w.admin().post("/api/diagnostics/qc", """
                {"institutionId":"%s","itemCode":"%s","passed":true,"level":"NATIONAL","scopeLabel":"全国",
                 "validFrom":"2026-02-01","validUntil":"2026-01-31"}""".formatted(w.lead, w.hba1c));
        assertThat(badQc.body()).contains("DIAGNOSTICS-0007");
        var gpCentre = w.as(w.gp).post("/api/diagnostics/centres", """
                {"consortiumId":"%s","institutionId":"%s","type":"ECG","name":"x"}""".formatted(w.consortium, w.lead));
        assertThat(gpCentre.status()).isEqualTo(403);
        var foreignMember = w.admin().post("/api/diagnostics/centres", """
                {"consortiumId":"%s","institutionId":"%s","type":"ECG","name":"x","members":["%s"]}"""
                .formatted(w.consortium, w.lead, w.outside));
        assertThat(foreignMember.body()).contains("DIAGNOSTICS-0006");
    }

    @Test
    void SC2_SC5_orderLifecycleWithTurnaroundAndCriticalAcknowledgement() {
        var w = world();
        JsonNode order = ok(w.as(w.gp).post("/api/diagnostics/orders", """
                {"residentId":"%s","itemCode":"%s","centreId":"%s"}""".formatted(w.resident, w.potassium, w.centre)), 201);
        String id = order.get("id").asString();
        assertThat(order.get("status").asString()).isEqualTo("ORDERED");
        Instant ordered = Instant.parse(order.get("orderedAt").asString());
        assertThat(Duration.between(ordered, Instant.parse(order.get("dueAt").asString()))).isEqualTo(Duration.ofHours(12));
        assertThat(w.as(w.outsider).get("/api/diagnostics/orders/" + id).status()).isEqualTo(404);
        assertThat(w.as(w.gp).post("/api/diagnostics/orders/" + id + "/receive", "").status()).isEqualTo(403);
        ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + id + "/receive", ""), 200);
        var again = w.as(w.centreStaff).post("/api/diagnostics/orders/" + id + "/receive", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("DIAGNOSTICS-0013");
        ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + id + "/start", ""), 200);

        // SC-2 both sides: not escalated an hour before the target, escalated after it
        assertThat(diagnostics.escalateOverdue(ordered.plus(Duration.ofHours(11))).overdueOrders()).isGreaterThanOrEqualTo(0);
        assertThat(ok(w.as(w.gp).get("/api/diagnostics/orders/" + id), 200).get("escalated").asBoolean()).isFalse();
        diagnostics.escalateOverdue(ordered.plus(Duration.ofHours(13)));
        assertThat(ok(w.as(w.gp).get("/api/diagnostics/orders/" + id), 200).get("escalated").asBoolean()).isTrue();

        JsonNode reported = ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + id + "/report", """
                {"status":"FINAL","resultDate":"%s","critical":true,"observations":[{"code":"K","name":"钾","value":"6.8",
                 "unit":"mmol/L","referenceRange":"3.5-5.3"}]}""".formatted(w.today)), 200);
        assertThat(reported.get("status").asString()).isEqualTo("REPORTED");
        assertThat(reported.get("critical").asBoolean()).isTrue();
        Instant ackDue = Instant.parse(reported.get("criticalDueAt").asString());
        assertThat(ackDue).isBefore(Instant.now().plus(Duration.ofMinutes(31))).isAfter(Instant.now().plus(Duration.ofMinutes(29)));
        // SC-5 both sides: still in time a minute before, escalated a minute after
        diagnostics.escalateOverdue(ackDue.minus(Duration.ofMinutes(1)));
        assertThat(ok(w.as(w.gp).get("/api/diagnostics/orders/" + id), 200).get("criticalEscalated").asBoolean()).isFalse();
        diagnostics.escalateOverdue(ackDue.plus(Duration.ofMinutes(1)));
        assertThat(ok(w.as(w.gp).get("/api/diagnostics/orders/" + id), 200).get("criticalEscalated").asBoolean()).isTrue();
        assertThat(w.as(w.centreStaff).post("/api/diagnostics/orders/" + id + "/acknowledge", "").status()).isEqualTo(403);
        JsonNode acked = ok(w.as(w.gp).post("/api/diagnostics/orders/" + id + "/acknowledge", ""), 200);
        assertThat(acked.get("criticalAcknowledgedAt").isNull()).isFalse();
        assertThat(w.as(w.gp).post("/api/diagnostics/orders/" + id + "/acknowledge", "").status()).isEqualTo(409);
        // the critical result is never offered for recognition
        JsonNode offer = w.offer(w.gp, w.potassium);
        assertThat(candidate(offer, reported.get("reportId").asString()).get("offered").asBoolean()).isFalse();
        assertThat(ok(w.as(w.centreStaff).get("/api/diagnostics/orders?status=REPORTED"), 200).toString()).contains(id);
    }

    String placeOrder(DiagnosticsFixture w) {
        return ok(w.as(w.gp).post("/api/diagnostics/orders", """
                {"residentId":"%s","itemCode":"%s","centreId":"%s"}""".formatted(w.resident, w.potassium, w.centre)), 201)
                .get("id").asString();
    }

    /** SC-3 / TM-8: the centre sends a received order back for specimen quality; terminal, coded, not escalated. */
    @Test
    void SC3_theCentreRejectsAReceivedOrderForQualityWithACodedReason() {
        var w = world();
        String id = placeOrder(w);
        String reject = "/api/diagnostics/orders/" + id + "/reject";
        String haemolysed = """
                {"reason":"SPECIMEN_HAEMOLYSED","reasonText":null}""";
        // not before the centre has the specimen
        var early = w.as(w.centreStaff).post(reject, haemolysed);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("DIAGNOSTICS-0013");
        ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + id + "/receive", ""), 200);
        // the ordering GP answers for quality but cannot reject; an outsider does not see the order
        assertThat(w.as(w.gp).post(reject, haemolysed).status()).isEqualTo(403);
        assertThat(w.as(w.outsider).post(reject, haemolysed).status()).isEqualTo(404);
        // OTHER needs a text; an unknown code and an over-long text are refused, naming the field; nothing written
        var other = w.as(w.centreStaff).post(reject, """
                {"reason":"OTHER","reasonText":"  "}""");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body()).contains("reasonText").contains("DIAGNOSTICS-0011");
        var unknown = w.as(w.centreStaff).post(reject, """
                {"reason":"BROKEN"}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("reason").contains("DIAGNOSTICS-0044");
        var missing = w.as(w.centreStaff).post(reject, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("reason");
        var tooLong = w.as(w.centreStaff).post(reject, """
                {"reason":"OTHER","reasonText":"%s"}""".formatted("长".repeat(501)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("reasonText").contains("DIAGNOSTICS-0019");
        assertThat(ok(w.as(w.gp).get("/api/diagnostics/orders/" + id), 200).get("status").asString()).isEqualTo("RECEIVED");

        JsonNode rejected = ok(w.as(w.centreStaff).post(reject, haemolysed), 200);
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejection").get("reason").asString()).isEqualTo("SPECIMEN_HAEMOLYSED");
        assertThat(rejected.get("rejection").get("rejectedBy").asString()).isEqualTo(w.centreStaff);
        assertThat(rejected.get("overdue").asBoolean()).isFalse();
        assertThat(audited("DiagnosticOrder", id, "UPDATE")).isEqualTo(2);
        // terminal: neither rejected again nor reported
        assertThat(w.as(w.centreStaff).post(reject, haemolysed).status()).isEqualTo(409);
        assertThat(w.as(w.centreStaff).post("/api/diagnostics/orders/" + id + "/report", """
                {"status":"FINAL","resultDate":"%s","observations":[{"code":"K","name":"钾","value":"4.1"}]}"""
                .formatted(w.today)).status()).isEqualTo(409);
        // SC-2: a rejected order past its due time is not escalated, and not open on the work list
        diagnostics.escalateOverdue(Instant.now().plus(Duration.ofDays(3)));
        JsonNode later = ok(w.as(w.gp).get("/api/diagnostics/orders/" + id), 200);
        assertThat(later.get("escalated").asBoolean()).isFalse();
        assertThat(later.get("rejection").get("reason").asString()).isEqualTo("SPECIMEN_HAEMOLYSED");

        // the ordering GP sees the reason in words, and a re-order link prefilled with the resident and item
        var gp = org.medunion.web.ConsoleSession.login(port, w.gp);
        var page = gp.get("/console/diagnostics/orders/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("标本溶血").contains("已退回（质量问题）").contains("重新开单")
                .contains("/console/diagnostics/order?residentId=" + w.resident + "&amp;itemCode=" + w.potassium)
                .doesNotContain("SPECIMEN_HAEMOLYSED").doesNotContain("??");
        var list = gp.get("/console/diagnostics/worklist");
        assertThat(list.body()).contains("section-rejected").contains("被退回（质量问题）").contains("标本溶血")
                .contains("/console/diagnostics/orders/" + id);
        // the centre's work list no longer holds it
        assertThat(org.medunion.web.ConsoleSession.login(port, w.centreStaff).get("/console/diagnostics/worklist").body())
                .doesNotContain("/console/diagnostics/orders/" + id);
    }

    @Test
    void SC3_anOrderInProgressCanBeRejectedWithOtherAndText_aReportedOneCannot() {
        var w = world();
        String id = placeOrder(w);
        ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + id + "/receive", ""), 200);
        ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + id + "/start", ""), 200);
        // the centre's console: the reasons in words; OTHER without a text comes back naming the field, nothing written
        var staff = org.medunion.web.ConsoleSession.login(port, w.centreStaff);
        var page = staff.get("/console/diagnostics/orders/" + id);
        assertThat(page.body()).contains("reject-form").contains("标本凝集或污染").contains("影像不完整或无法读取")
                .doesNotContain("??");
        var blank = staff.post("/console/diagnostics/orders/" + id + "/reject", java.util.Map.of("reason", "OTHER",
                "reasonText", ""), page);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("原因 OTHER 须填写说明");
        assertThat(ok(w.as(w.gp).get("/api/diagnostics/orders/" + id), 200).get("status").asString()).isEqualTo("IN_PROGRESS");
        staff.post("/console/diagnostics/orders/" + id + "/reject", java.util.Map.of("reason", "OTHER",
                "reasonText", "样本管破裂"), page);
        JsonNode rejected = ok(w.as(w.gp).get("/api/diagnostics/orders/" + id), 200);
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejection").get("reason").asString()).isEqualTo("OTHER");
        assertThat(rejected.get("rejection").get("text").asString()).isEqualTo("样本管破裂");

        String reported = placeOrder(w);
        ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + reported + "/receive", ""), 200);
        ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + reported + "/report", """
                {"status":"FINAL","resultDate":"%s","observations":[{"code":"K","name":"钾","value":"4.1"}]}"""
                .formatted(w.today)), 200);
        var late = w.as(w.centreStaff).post("/api/diagnostics/orders/" + reported + "/reject", """
                {"reason":"SPECIMEN_INSUFFICIENT"}""");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("DIAGNOSTICS-0013");
    }

    @Test
    void anOrderTheCentreReceivedIsACareRelationship_orderingNamesOnlyResidentsTheOrdererCaresFor() {
        var w = world();
        // the stranger was registered by the district hospital: the lead's centre has no relationship yet
        String earlier = w.report(w.stranger, w.hba1c, w.district, w.today.minusDays(5), "FINAL", false, null);
        assertThat(ok(w.as(w.centreStaff).get("/api/diagnostics/results?residentId=" + w.stranger), 200)).isEmpty();
        var notCared = w.as(w.gp).post("/api/diagnostics/orders", """
                {"residentId":"%s","itemCode":"%s","centreId":"%s"}""".formatted(w.stranger, w.hba1c, w.centre));
        assertThat(notCared.status()).isEqualTo(400);
        assertThat(notCared.body()).contains("DIAGNOSTICS-0008");
        ok(w.as(w.districtUser).post("/api/diagnostics/orders", """
                {"residentId":"%s","itemCode":"%s","centreId":"%s"}""".formatted(w.stranger, w.hba1c, w.centre)), 201);
        assertThat(ok(w.as(w.centreStaff).get("/api/diagnostics/results?residentId=" + w.stranger), 200).toString())
                .contains(earlier);
        var unserved = w.as(w.outsider).post("/api/diagnostics/orders", """
                {"residentId":"%s","itemCode":"%s","centreId":"%s"}""".formatted(w.resident, w.hba1c, w.centre));
        assertThat(unserved.status()).isEqualTo(400);
        assertThat(unserved.body()).contains("DIAGNOSTICS-0014");
    }

    /**
     * The centre's work list reads its sections in SQL: the open orders and the unacknowledged critical results show
     * however many orders were reported before. It read the 200 orders due earliest (reported ones included) and
     * filtered those, so after 200 finished orders the work list went blank.
     */
    @Test
    void theWorklistShowsOpenOrdersAndUnacknowledgedCriticalResultsBehindManyFinishedOnes() {
        var w = world();
        String open = ok(w.as(w.gp).post("/api/diagnostics/orders", """
                {"residentId":"%s","itemCode":"%s","centreId":"%s"}""".formatted(w.resident, w.hba1c, w.centre)), 201)
                .get("id").asString();
        String critical = ok(w.as(w.gp).post("/api/diagnostics/orders", """
                {"residentId":"%s","itemCode":"%s","centreId":"%s"}""".formatted(w.resident, w.potassium, w.centre)), 201)
                .get("id").asString();
        ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + critical + "/receive", ""), 200);
        ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + critical + "/report", """
                {"status":"FINAL","resultDate":"%s","critical":true,"observations":[{"code":"K","name":"钾","value":"6.8",
                 "unit":"mmol/L","referenceRange":"3.5-5.3"}]}""".formatted(w.today)), 200);
        // 201 finished orders of the same centre, all due before the two above
        var ordering = jdbc.sql("select ordering_institution_id from diagnostics_order where id = ?")
                .param(java.util.UUID.fromString(open)).query(java.util.UUID.class).single();
        var earlier = java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(30)));
        for (int i = 0; i < 201; i++) {
            jdbc.sql("""
                    insert into diagnostics_order (id, resident_id, item_code, centre_id, ordering_institution_id, ordered_by,
                      status, urgent, ordered_at, due_at, escalated, critical_escalated, version)
                    values (?, ?, ?, ?, ?, ?, 'REPORTED', false, ?, ?, false, false, 0)""")
                    .params(java.util.UUID.randomUUID(), w.resident, w.hba1c, java.util.UUID.fromString(w.centre), ordering, w.gp,
                            earlier, earlier)
                    .update();
        }
        var staff = org.medunion.web.ConsoleSession.login(port, w.centreStaff);
        var page = staff.get("/console/diagnostics/worklist");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/console/diagnostics/orders/" + open).contains("/console/diagnostics/orders/" + critical);
    }

    /**
     * I-10, I-20, I-21, I-23, I-24, I-25 from this world's decisions, centre orders and QC, for the consortium and its
     * institutions, each fraction hand-counted; both sides of I-20's due time and of a QC pass's last day.
     */
    @Test
    void indicatorsCountTheGroupsDecisionsCentreOrdersAndQc() {
        var w = world();
        String path = "/api/diagnostics/decisions";
        String hba1c = w.report(w.hba1c, w.lead, 40);
        ok(w.as(w.gp).post(path, "{\"residentId\":\"%s\",\"itemCode\":\"%s\",\"reportId\":\"%s\"}"
                .formatted(w.resident, w.hba1c, hba1c)), 201);
        ok(w.as(w.gp).post(path, "{\"residentId\":\"%s\",\"itemCode\":\"%s\",\"reasonCode\":\"01\"}"
                .formatted(w.resident, w.potassium)), 201);
        ok(w.as(w.gp).post(path, "{\"residentId\":\"%s\",\"itemCode\":\"%s\",\"reasonCode\":\"99\"}"
                .formatted(w.resident, w.potassium)), 201);
        // the district hospital (public, secondary) recognises the lead's result for a resident it registered
        String strangers = w.report(w.stranger, w.hba1c, w.lead, w.today.minusDays(3), "FINAL", false, null);
        ok(w.as(w.districtUser).post(path, "{\"residentId\":\"%s\",\"itemCode\":\"%s\",\"reportId\":\"%s\"}"
                .formatted(w.stranger, w.hba1c, strangers)), 201);

        // orders to the lead's centre: two from the community centre (one cancelled), one from the district hospital
        String onTime = order(w, w.gp, w.resident, w.potassium);
        String late = order(w, w.districtUser, w.stranger, w.hba1c);
        ok(w.as(w.gp).post("/api/diagnostics/orders/" + order(w, w.gp, w.resident, w.hba1c) + "/cancel", ""), 200);
        for (String id : List.of(onTime, late)) {
            ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + id + "/receive", ""), 200);
        }
        // the late one was placed two minutes ago and due a minute ago; it is reported now
        Instant now = Instant.now();
        jdbc.sql("update diagnostics_order set ordered_at = ?, due_at = ? where id = ?")
                .params(java.sql.Timestamp.from(now.minus(Duration.ofMinutes(2))),
                        java.sql.Timestamp.from(now.minus(Duration.ofMinutes(1))),
                        java.util.UUID.fromString(late))
                .update();
        for (String id : List.of(onTime, late)) {
            ok(w.as(w.centreStaff).post("/api/diagnostics/orders/" + id + "/report", """
                    {"status":"FINAL","resultDate":"%s","critical":false,"observations":[{"code":"X","name":"值","value":"1"}]}"""
                    .formatted(w.today)), 200);
        }
        // the district hospital's CT pass ended yesterday, its potassium pass ends today (end dates are inclusive)
        w.qc(w.district, w.ct, true, "PROVINCIAL", "上海", w.today.minusYears(1), w.today.minusDays(1));
        w.qc(w.district, w.potassium, true, "PROVINCIAL", "上海", w.today.minusYears(1), w.today);

        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        var group = values(w, "CONSORTIUM", w.consortium.toString(), month);
        // I-10: recognitions (gp, district) ÷ recognitions + re-examinations for 01–08 (99 is not counted)
        assertFraction(group.path("I-10"), "2", "3");
        // participation: the district hospital recognised, the lead did not: 1 of the 2 public hospitals
        assertThat(group.path("I-10").get("parts").get(0).get("key").asString()).isEqualTo("participation");
        assertFraction(group.path("I-10").get("parts").get(0), "1", "2");
        // I-24: 01 ÷ all re-examinations; the 01 part is 1 of the 1 non-recognition, 02 is 0
        assertFraction(group.path("I-24"), "1", "2");
        assertThat(group.path("I-24").get("parts")).hasSize(8);
        assertFraction(group.path("I-24").get("parts").get(0), "1", "1");
        assertFraction(group.path("I-24").get("parts").get(1), "0", "1");
        // I-25: HbA1c's list price twice ÷ two recognitions
        assertFraction(group.path("I-25"), "120.00", "2");
        assertThat(group.path("I-25").get("value").decimalValue()).isEqualByComparingTo("60");
        // I-20: reported by the due time ÷ reported; SC-2's 95 % is missed
        assertFraction(group.path("I-20"), "1", "2");
        assertThat(group.path("I-20").get("target").get("ruleId").asString()).isEqualTo("SC-2");
        assertThat(group.path("I-20").get("target").get("met").asBoolean()).isFalse();
        // I-21: orders from the community centre ÷ orders (the cancelled one not counted)
        assertFraction(group.path("I-21"), "1", "2");
        // I-23: the lead holds passes for all three listed items; HbA1c was recognised
        assertFraction(group.path("I-23"), "3", "3");
        assertFraction(group.path("I-23").get("parts").get(0), "1", "3");
        assertThat(group.path("I-23").get("target").get("met").asBoolean()).isTrue();
        // the district hospital alone: potassium's pass ends today and counts, CT's ended yesterday and does not
        var district = values(w, "INSTITUTION", w.district.toString(), month);
        assertFraction(district.path("I-23"), "1", "3");
        assertFraction(district.path("I-10"), "1", "1");
        assertFraction(district.path("I-10").get("parts").get(0), "1", "1");
        // the community centre runs no centre: I-20 and I-21 have no data there
        var primary = values(w, "INSTITUTION", w.primary.toString(), month);
        assertThat(primary.path("I-20").get("value").isNull()).isTrue();
        assertThat(primary.path("I-21").get("value").isNull()).isTrue();
        assertFraction(primary.path("I-10"), "1", "2");
        // counts only, and only for the subject's own people: an outsider is refused
        assertThat(w.as(w.outsider).get("/api/indicators/values?level=CONSORTIUM&subject=" + w.consortium + "&period=" + month)
                .status()).isIn(403, 404);

        // the records behind the consortium's values, without resident data: four decisions for I-10 (99 not counted),
        // the two re-examinations for I-24, the two recognitions for I-25, two reported and two placed orders
        var office = org.medunion.web.ConsoleSession.login(port, w.office);
        String records = "/console/indicators/records?level=CONSORTIUM&subject=" + w.consortium + "&period=" + month + "&indicator=";
        String i10 = office.get(records + "I-10").body().replaceAll("\\s+", " ");
        assertThat(i10.split("class=\"decision\"", -1)).hasSize(5);
        assertThat(i10).contains("复查：01 病情变化", "复查：99 连续监测", "<td>不计入</td>", "<td>60.00</td>")
                .doesNotContain(w.resident.toString(), w.stranger.toString());
        assertThat(office.get(records + "I-24").body().split("class=\"decision\"", -1)).hasSize(3);
        assertThat(office.get(records + "I-25").body().split("class=\"decision\"", -1)).hasSize(3);
        String i20 = office.get(records + "I-20").body().replaceAll("\\s+", " ");
        assertThat(i20.split("class=\"order\"", -1)).hasSize(3);
        assertThat(i20.split("<td>分子</td>", -1)).hasSize(2);
        assertThat(office.get(records + "I-21").body().split("class=\"order\"", -1)).hasSize(3);
        // I-23's rows are the value's: the three listed items, each qualified by the lead's pass; the district hospital's
        // own list marks CT (pass ended yesterday) and the item it holds no pass for as denominator only
        String i23 = office.get(records + "I-23").body().replaceAll("\\s+", " ");
        assertThat(i23.split("class=\"item\"", -1)).hasSize(4);
        assertThat(i23.split("<td>分子</td>", -1)).hasSize(4);
        String districtI23 = office.get(records.replace("level=CONSORTIUM&subject=" + w.consortium,
                "level=INSTITUTION&subject=" + w.district) + "I-23").body().replaceAll("\\s+", " ");
        assertThat(districtI23.split("<td>分子</td>", -1)).hasSize(2);
        assertThat(districtI23.split("<td>分母</td>", -1)).hasSize(3);
        assertThat(districtI23).contains("无机构持有有效质控合格");
        assertThat(org.medunion.web.ConsoleSession.login(port, w.gp).get(records + "I-10").status()).isEqualTo(403);

        // the office's centre dashboard shows the same month in words
        var board = org.medunion.web.ConsoleSession.login(port, w.office).get("/console/diagnostics/centres?month=" + month);
        assertThat(board.status()).as(board.body()).isEqualTo(200);
        String page = board.body().replaceAll("\\s+", " ");
        // ordered 2 (one cancelled), reported 2, in time 50 % below SC-2's 95 %, nothing open
        assertThat(page).contains("医学检验中心", "检验 12 小时", "<td class=\"num-cell\">2</td> <td class=\"num-cell\">2</td>",
                "num-cell bad\">50.0%", "低于 95%", "3 项有效，0 项不合格或已过期");
        assertThat(page).contains("互认率 66.7%：互认 2 次，因 01–08 原因复查（不互认）1 次", "互认节约费用 120.00 元");
        assertThat(page).doesNotContain(w.consortium.toString() + "</", "??");
        // the office of another consortium, a clinician and a planner of another jurisdiction are refused this consortium
        String nanning = "pl-nn-" + Long.toString(System.nanoTime(), 36);
        accounts.ensureAccount(new org.medunion.identity.AccountManagement.NewAccount(nanning, "demo", "南宁 " + nanning,
                org.medunion.identity.Role.PLANNER, org.medunion.identity.Scope.jurisdiction("450100")));
        assertThat(org.medunion.web.ConsoleSession.login(port, nanning)
                .get("/console/diagnostics/centres?consortium=" + w.consortium).status()).isEqualTo(403);
        assertThat(org.medunion.web.ConsoleSession.login(port, w.gp).get("/console/diagnostics/centres").status()).isEqualTo(403);
        assertThat(org.medunion.web.ConsoleSession.login(port, "planner")
                .get("/console/diagnostics/centres?consortium=" + w.consortium + "&month=" + month).body()).contains("50.0%");
    }

    /**
     * The policy module judges NAT-9 and NN-9 from whether an institution recognised at least once this year: its first
     * recognition of the year is announced (and handled), later ones and re-examinations are not.
     */
    @Test
    void anInstitutionsFirstRecognitionOfTheYearAnnouncesEvidence_laterDecisionsDoNot() throws InterruptedException {
        var w = world();
        String first = w.report(w.hba1c, w.lead, 10);
        String second = w.report(w.potassium, w.lead, 2);
        var since = java.sql.Timestamp.from(Instant.now().minusMillis(1));
        String announced = "select count(*) from event_publication where event_type like '%EvidenceChanged' and publication_date >= ?";
        String path = "/api/diagnostics/decisions";
        ok(w.as(w.gp).post(path, "{\"residentId\":\"%s\",\"itemCode\":\"%s\",\"reasonCode\":\"01\"}"
                .formatted(w.resident, w.hba1c)), 201);
        assertThat(jdbc.sql(announced).param(since).query(Long.class).single()).isZero();
        ok(w.as(w.gp).post(path, "{\"residentId\":\"%s\",\"itemCode\":\"%s\",\"reportId\":\"%s\"}"
                .formatted(w.resident, w.hba1c, first)), 201);
        ok(w.as(w.gp).post(path, "{\"residentId\":\"%s\",\"itemCode\":\"%s\",\"reportId\":\"%s\"}"
                .formatted(w.resident, w.potassium, second)), 201);
        assertThat(jdbc.sql(announced).param(since).query(Long.class).single()).isEqualTo(1);
        String handled = announced + " and listener_id like '%RegistryChangeListener%' and completion_date is not null";
        long done = 0;
        for (int i = 0; i < 100 && done < 1; i++) {
            Thread.sleep(100);
            done = jdbc.sql(handled).param(since).query(Long.class).single();
        }
        assertThat(done).isEqualTo(1);
    }

    private static String order(DiagnosticsFixture w, String user, java.util.UUID resident, String item) {
        return ok(w.as(user).post("/api/diagnostics/orders", """
                {"residentId":"%s","itemCode":"%s","centreId":"%s"}""".formatted(resident, item, w.centre)), 201)
                .get("id").asString();
    }

    /** The subject's values by indicator id (read them with {@code path}: a missing one fails the assertions). */
    private static JsonNode values(DiagnosticsFixture w, String level, String subject, String month) {
        var out = org.medunion.support.Api.JSON.createObjectNode();
        ok(w.as(w.office).get("/api/indicators/values?level=" + level + "&subject=" + subject + "&period=" + month), 200)
                .forEach(v -> out.set(v.get("indicator").asString(), v));
        return out;
    }

    private static void assertFraction(JsonNode value, String numerator, String denominator) {
        assertThat(value.get("numerator").decimalValue()).as(value.toString()).isEqualByComparingTo(numerator);
        assertThat(value.get("denominator").decimalValue()).as(value.toString()).isEqualByComparingTo(denominator);
    }
}
