package org.medunion.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.diagnostics.DiagnosticsFixture.ok;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.support.Api;
import org.medunion.support.RunningCity;
import org.medunion.web.ConsoleSession;
import tools.jackson.databind.JsonNode;

/**
 * The sterilisation centre over HTTP (SC-7): stock derived from the inventory log on both sides of each rule (more
 * than in stock, the expiry day vs. the day after, failed indicator, unserved institution, returning more than held),
 * trace and recall naming the members that hold packs, and who sees what.
 */
abstract class SterilisationContract extends RunningCity {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String BASE = "/api/diagnostics/sterilisation";

    /** The diagnostics world plus a sterilisation centre run by the lead serving the community and district members. */
    final class World {

        final DiagnosticsFixture w = new DiagnosticsFixture(port, registry, residents, accounts);
        final String centre = ok(w.admin().post("/api/diagnostics/centres", """
                {"consortiumId":"%s","institutionId":"%s","type":"STERILISATION","name":"消毒供应中心 %s","members":["%s","%s"]}"""
                .formatted(w.consortium, w.lead, w.hba1c, w.primary, w.district)), 201).get("id").asString();
        final String packType = ok(staff().post(BASE + "/pack-types", """
                {"centreId":"%s","name":"基础外科包","method":"STEAM","shelfLifeDays":7}""".formatted(centre)), 201)
                .get("id").asString();

        Api staff() {
            return w.as(w.centreStaff);
        }

        JsonNode batch(String load, int quantity, Instant sterilised, String chemical, String biological) {
            return ok(staff().post(BASE + "/centres/" + centre + "/batches", """
                    {"packTypeId":"%s","quantity":%d,"loadNumber":"%s","sterilisedAt":"%s","chemicalIndicator":"%s",
                     "biologicalIndicator":"%s"}""".formatted(packType, quantity, load, sterilised, chemical, biological)), 201);
        }

        String batch(String load, int quantity) {
            return batch(load, quantity, Instant.now().minus(Duration.ofDays(1)), "PASS", "PASS").get("id").asString();
        }

        Api.Response issue(String batch, Object member, int quantity) {
            return staff().post(BASE + "/issues", """
                    {"batchId":"%s","institutionId":"%s","quantity":%d}""".formatted(batch, member, quantity));
        }

        Api.Response giveBack(String batch, Object member, int quantity, String condition) {
            return staff().post(BASE + "/returns", """
                    {"batchId":"%s","institutionId":"%s","quantity":%d,"condition":"%s"}""".formatted(batch, member, quantity, condition));
        }

        int stock(String batch) {
            return ok(staff().get(BASE + "/batches/" + batch), 200).get("inStock").asInt();
        }

        long logEntries(String batch) {
            return jdbc.sql("select count(*) from diagnostics_steril_log where batch_id = ?").param(UUID.fromString(batch))
                    .query(Long.class).single();
        }
    }

    static List<String> ids(JsonNode members) {
        List<String> out = new ArrayList<>();
        members.forEach(m -> out.add(m.get("institutionId").asString() + "=" + m.get("holding").asInt()));
        return out;
    }

    @Test
    void SC7_issuesNeverExceedTheStockDerivedFromTheLog_unusedReturnsRestock_returnsNeverExceedWhatIsHeld() {
        var s = new World();
        String batch = s.batch("L-001", 10);
        assertThat(s.stock(batch)).isEqualTo(10);
        JsonNode issued = ok(s.issue(batch, s.w.primary, 6), 201);
        assertThat(issued.get("move").asString()).isEqualTo("ISSUE");
        assertThat(issued.get("recordedBy").asString()).isEqualTo(s.w.centreStaff);
        assertThat(issued.get("institutionName").asString()).startsWith("社区卫生服务中心");
        assertThat(s.stock(batch)).isEqualTo(4);

        var tooMany = s.issue(batch, s.w.district, 5);
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.body()).contains("DIAGNOSTICS-0034").contains("quantity");
        assertThat(s.logEntries(batch)).isEqualTo(1);
        ok(s.issue(batch, s.w.district, 4), 201);
        assertThat(s.stock(batch)).isZero();
        assertThat(s.issue(batch, s.w.district, 1).status()).isEqualTo(409);

        ok(s.giveBack(batch, s.w.primary, 3, "UNUSED"), 201);
        ok(s.giveBack(batch, s.w.primary, 2, "USED"), 201);
        assertThat(s.stock(batch)).isEqualTo(3);
        // the community centre received 6 and returned 5: it holds 1, so returning 2 is refused, 1 is not
        var overReturn = s.giveBack(batch, s.w.primary, 2, "DAMAGED");
        assertThat(overReturn.status()).isEqualTo(409);
        assertThat(overReturn.body()).contains("DIAGNOSTICS-0035");
        ok(s.giveBack(batch, s.w.primary, 1, "DAMAGED"), 201);
        // a member that never received packs of the batch returns none
        assertThat(s.giveBack(s.batch("L-002", 5), s.w.district, 1, "USED").status()).isEqualTo(409);
        var zero = s.issue(batch, s.w.district, 0);
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.body()).contains("DIAGNOSTICS-0025");
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'SterilisationInventory' and action = 'CREATE'"
                + " and detail like ?").param("% L-001 %").query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void SC7_aBatchIssuesOnItsExpiryDay_theDayAfterItDoesNot() {
        var s = new World();
        LocalDate today = LocalDate.now(SHANGHAI);
        JsonNode lastDay = s.batch("E-7", 5, Instant.now().minus(Duration.ofDays(7)), "PASS", "PASS");
        assertThat(LocalDate.parse(lastDay.get("expiresOn").asString())).isEqualTo(today);
        assertThat(lastDay.get("usable").asBoolean()).isTrue();
        ok(s.issue(lastDay.get("id").asString(), s.w.primary, 1), 201);

        JsonNode expired = s.batch("E-8", 5, Instant.now().minus(Duration.ofDays(8)), "PASS", "PASS");
        assertThat(LocalDate.parse(expired.get("expiresOn").asString())).isEqualTo(today.minusDays(1));
        assertThat(expired.get("expired").asBoolean()).isTrue();
        var refused = s.issue(expired.get("id").asString(), s.w.primary, 1);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("DIAGNOSTICS-0033").contains(today.minusDays(1).toString());
        assertThat(s.logEntries(expired.get("id").asString())).isZero();
        var future = s.staff().post(BASE + "/centres/" + s.centre + "/batches", """
                {"packTypeId":"%s","quantity":1,"loadNumber":"F-1","sterilisedAt":"%s","chemicalIndicator":"PASS"}"""
                .formatted(s.packType, Instant.now().plus(Duration.ofDays(1))));
        assertThat(future.body()).contains("DIAGNOSTICS-0029").contains("sterilisedAt");
    }

    @Test
    void SC7_aFailedIndicatorRecallsTheBatch_theTraceNamesTheMembersStillHoldingPacks() {
        var s = new World();
        JsonNode failedAtOnce = s.batch("C-1", 5, Instant.now().minus(Duration.ofHours(2)), "FAIL", "PENDING");
        assertThat(failedAtOnce.get("usable").asBoolean()).isFalse();
        assertThat(failedAtOnce.get("recalledAt").isNull()).isFalse();
        var blocked = s.issue(failedAtOnce.get("id").asString(), s.w.primary, 1);
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.body()).contains("DIAGNOSTICS-0032");

        JsonNode pending = s.batch("B-1", 10, Instant.now().minus(Duration.ofHours(3)), "PASS", "PENDING");
        String batch = pending.get("id").asString();
        assertThat(pending.get("usable").asBoolean()).isTrue();
        ok(s.issue(batch, s.w.primary, 4), 201);
        ok(s.issue(batch, s.w.district, 3), 201);
        ok(s.giveBack(batch, s.w.district, 3, "USED"), 201);
        JsonNode before = ok(s.staff().get(BASE + "/batches/" + batch + "/trace"), 200);
        assertThat(ids(before.get("holders"))).containsExactly(s.w.primary + "=4");

        JsonNode recalled = ok(s.staff().post(BASE + "/batches/" + batch + "/indicator", "{\"biologicalIndicator\":\"FAIL\"}"), 200);
        assertThat(recalled.get("usable").asBoolean()).isFalse();
        assertThat(recalled.get("biologicalIndicator").asString()).isEqualTo("FAIL");
        assertThat(s.issue(batch, s.w.primary, 1).body()).contains("DIAGNOSTICS-0032");
        JsonNode trace = ok(s.staff().get(BASE + "/batches/" + batch + "/trace"), 200);
        assertThat(ids(trace.get("members"))).containsExactlyInAnyOrder(s.w.primary + "=4", s.w.district + "=0");
        assertThat(ids(trace.get("holders"))).containsExactly(s.w.primary + "=4");
        assertThat(trace.get("entries")).hasSize(3);
        // the member sees the recall on its own receipts and sends the packs back: nobody holds any
        JsonNode receipts = ok(s.w.as(s.w.gp).get(BASE + "/receipts"), 200);
        assertThat(receipts.get(0).get("recalled").asBoolean()).isTrue();
        ok(s.giveBack(batch, s.w.primary, 4, "UNUSED"), 201);
        assertThat(ok(s.staff().get(BASE + "/batches/" + batch + "/trace"), 200).get("holders")).isEmpty();

        String other = s.batch("R-1", 3);
        ok(s.issue(other, s.w.district, 2), 201);
        var noReason = s.staff().post(BASE + "/batches/" + other + "/recall", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        JsonNode recall = ok(s.staff().post(BASE + "/batches/" + other + "/recall", "{\"reason\":\"包装破损\"}"), 200);
        assertThat(recall.get("batch").get("recallReason").asString()).isEqualTo("包装破损");
        assertThat(ids(recall.get("holders"))).containsExactly(s.w.district + "=2");
    }

    @Test
    void SC7_packsGoOnlyToInstitutionsTheCentreServes() {
        var s = new World();
        String batch = s.batch("M-1", 5);
        var outside = s.issue(batch, s.w.outside, 1);
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body()).contains("DIAGNOSTICS-0031").contains("institutionId");
        assertThat(s.logEntries(batch)).isZero();
        ok(s.issue(batch, s.w.lead, 1), 201);
        var imaging = ok(s.w.admin().post("/api/diagnostics/centres", """
                {"consortiumId":"%s","institutionId":"%s","type":"IMAGING","name":"影像中心"}""".formatted(s.w.consortium, s.w.lead)), 201);
        var wrongType = s.staff().get(BASE + "/centres/" + imaging.get("id").asString() + "/batches");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("DIAGNOSTICS-0024");
    }

    @Test
    void SC7_centreStaffRecord_membersReadTheirReceipts_theOfficeReadsAll_outsidersNothing() {
        var s = new World();
        String batch = s.batch("A-1", 6);
        ok(s.issue(batch, s.w.primary, 2), 201);
        ok(s.issue(batch, s.w.district, 1), 201);
        String centreBatches = BASE + "/centres/" + s.centre + "/batches";

        // a member's clinician: its own receipts only, not the centre's stock nor another member's receipts
        JsonNode own = ok(s.w.as(s.w.gp).get(BASE + "/receipts"), 200);
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(own.get(0).get("loadNumber").asString()).isEqualTo("A-1");
        assertThat(s.w.as(s.w.gp).get(BASE + "/receipts?institutionId=" + s.w.district).status()).isEqualTo(403);
        assertThat(s.w.as(s.w.gp).get(centreBatches).status()).isEqualTo(404);
        assertThat(s.w.as(s.w.gp).get(BASE + "/batches/" + batch + "/trace").status()).isEqualTo(404);
        assertThat(s.issue(batch, s.w.primary, 1).status()).isEqualTo(201);
        assertThat(s.w.as(s.w.gp).post(BASE + "/issues", """
                {"batchId":"%s","institutionId":"%s","quantity":1}""".formatted(batch, s.w.primary)).status()).isEqualTo(404);
        assertThat(ok(s.w.as(s.w.gp).get(BASE + "/centres"), 200).toString()).contains(s.centre);

        // the office reads every centre of its consortium and any member's receipts, but records nothing
        assertThat(ok(s.w.as(s.w.office).get(centreBatches), 200)).hasSize(1);
        assertThat(ok(s.w.as(s.w.office).get(BASE + "/receipts?institutionId=" + s.w.district), 200)).hasSize(1);
        var officeIssue = s.w.as(s.w.office).post(BASE + "/issues", """
                {"batchId":"%s","institutionId":"%s","quantity":1}""".formatted(batch, s.w.primary));
        assertThat(officeIssue.status()).isEqualTo(403);
        // another institution's staff and the anonymous get nothing
        assertThat(s.w.as(s.w.outsider).get(centreBatches).status()).isEqualTo(404);
        assertThat(s.w.as(s.w.outsider).get(BASE + "/batches/" + batch).status()).isEqualTo(404);
        assertThat(s.w.as(s.w.outsider).get(BASE + "/receipts?institutionId=" + s.w.primary).status()).isEqualTo(403);
        assertThat(ok(s.w.as(s.w.outsider).get(BASE + "/centres"), 200).toString()).doesNotContain(s.centre);
        assertThat(Api.anonymous(port).get(centreBatches).status()).isEqualTo(401);
        // a specialist of the running institution reads the stock but only centre staff record
        assertThat(ok(s.w.as(s.w.specialist).get(centreBatches), 200).get(0).get("inStock").asInt()).isEqualTo(2);
        assertThat(s.w.as(s.w.specialist).post(BASE + "/pack-types", """
                {"centreId":"%s","name":"换药包","method":"STEAM","shelfLifeDays":14}""".formatted(s.centre)).status()).isEqualTo(403);
        var duplicate = s.staff().post(BASE + "/pack-types", """
                {"centreId":"%s","name":"基础外科包","method":"STEAM","shelfLifeDays":14}""".formatted(s.centre));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body()).contains("DIAGNOSTICS-0027");
    }

    @Test
    void SC7_theConsoleShowsStockTraceAndReceipts_andIssuesThroughTheForm() {
        var s = new World();
        String batch = s.batch("K-1", 8);
        ok(s.issue(batch, s.w.primary, 3), 201);
        var staff = ConsoleSession.login(port, s.w.centreStaff);
        var page = staff.get("/console/diagnostics/sterilisation/centres/" + s.centre);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("K-1").contains("基础外科包").contains("steril-issue").doesNotContain("??");
        var issued = staff.post("/console/diagnostics/sterilisation/centres/" + s.centre + "/issue",
                java.util.Map.of("batchId", batch, "institutionId", s.w.district.toString(), "quantity", "2"), page);
        assertThat(issued.status()).isEqualTo(302);
        assertThat(s.stock(batch)).isEqualTo(3);
        var refused = staff.post("/console/diagnostics/sterilisation/centres/" + s.centre + "/issue",
                java.util.Map.of("batchId", batch, "institutionId", s.w.district.toString(), "quantity", "9"), page);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("steril-issue");
        assertThat(s.stock(batch)).isEqualTo(3);
        var trace = staff.get("/console/diagnostics/sterilisation/batches/" + batch);
        assertThat(trace.status()).isEqualTo(200);
        assertThat(trace.body()).contains("steril-holders").doesNotContain("??");
        var member = ConsoleSession.login(port, s.w.gp).get("/console/diagnostics/sterilisation");
        assertThat(member.status()).isEqualTo(200);
        assertThat(member.body()).contains("steril-receipts").contains("K-1");
        assertThat(ConsoleSession.login(port, s.w.gp).get("/console/diagnostics/sterilisation/centres/" + s.centre).status())
                .isEqualTo(404);
    }
}
